import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/importers/html-to-text.js";
import { activityToItem } from "../../src/importers/mastodon.js";
import { fixture, importFixture } from "./helpers.js";

describe("Mastodon export", () => {
  it("imports public and unlisted posts only; DMs, followers-only and boosts are left out", async () => {
    const { summary, posts } = await importFixture(fixture("mastodon"));
    expect(summary.formats).toEqual(["Mastodon outbox"]);
    expect(Object.fromEntries(summary.skipped)).toEqual({ "not public": 2, boost: 1 });
    expect(posts.map((p) => p.text)).toEqual([
      expect.stringMatching(/^Hello & welcome/),
      "unlisted but public",
      "Thread start\n\nThread middle\n\nThread end",
      "@bob@other.example good point",
    ]);
    expect(posts.some((p) => /secret|followers only/.test(p.text))).toBe(false);
    expect(summary.threadsJoined).toBe(1);
  });

  it("turns the HTML into text, keeps the content warning as one, the author from actor.json", async () => {
    const { posts } = await importFixture(fixture("mastodon/outbox.json"));
    expect(posts[0]).toEqual({
      id: expect.stringMatching(/^md-[\w-]{12}$/),
      text:
        "Hello & welcome <all> #Rust\n\nSecond paragraph\nnext line, hi @bob@other.example see " +
        "https://example.com/a/very/long/path?x=1&y=2",
      topics: ["rust"],
      links: ["https://example.com/a/very/long/path?x=1&y=2"],
      mentions: ["@bob@other.example"],
      contentWarning: "rust, long",
      author: "@alice@example.social",
      url: "https://example.social/@alice/1",
      createdAt: "2024-03-01T10:00:00Z",
      sourceId: "https://example.social/users/alice/statuses/1",
    });
  });

  it("gives a thread the id, url and date of its first post, and marks where each of its posts starts", async () => {
    const { posts } = await importFixture(fixture("mastodon"));
    expect(posts[2]).toMatchObject({
      text: "Thread start\n\nThread middle\n\nThread end",
      parts: [0, 14, 29],
      url: "https://example.social/@alice/6",
      createdAt: "2024-03-06T10:00:00Z",
      sourceId: "https://example.social/users/alice/statuses/6",
    });
  });
});

describe("activityToItem", () => {
  it("never imports a direct message, even one addressed to the public collection by name in a mention", () => {
    const dm = {
      type: "Create",
      actor: "https://a.example/users/me",
      object: {
        id: "https://a.example/users/me/statuses/1",
        type: "Note",
        to: ["https://b.example/users/you"],
        cc: [],
        content: "<p>https://www.w3.org/ns/activitystreams#Public</p>",
      },
    };
    expect(activityToItem(dm, {})).toEqual({ skip: "not public" });
  });

  it("derives the author from the actor URL without actor.json", () => {
    const item = activityToItem(
      {
        type: "Create",
        actor: "https://a.example/users/me",
        object: {
          id: "https://a.example/users/me/statuses/1",
          type: "Note",
          to: ["as:Public"],
          content: "<p>hi</p>",
        },
      },
      {},
    );
    expect(item).toMatchObject({ piece: { post: { author: "@me@a.example", text: "hi" } } });
  });
});

describe("htmlToText", () => {
  it("keeps line breaks inside paragraphs and decodes entities once", () => {
    expect(htmlToText("<p>a &amp;amp; b<br>c</p><p>d &#x1F600;</p>")).toBe("a &amp; b\nc\n\nd 😀");
  });

  it("writes a plain link as its href and a linked word as its text when the href is not http", () => {
    expect(
      htmlToText('<p><a href="https://e.example/x">e.example/…</a> <a href="mailto:a@b">mail</a></p>'),
    ).toBe("https://e.example/x mail");
  });
});
