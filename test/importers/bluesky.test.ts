import { describe, expect, it } from "vitest";
import { applyFacets, feedItemToItem, recordToItem } from "../../src/importers/bluesky.js";
import { fixture, importFixture } from "./helpers.js";

const DID = "did:plc:abc123xyz";

describe("Bluesky feed pages", () => {
  it("imports own posts, leaves reposts out, joins the self-reply thread via reply.parent", async () => {
    const { summary, posts } = await importFixture(fixture("bluesky"));
    expect(summary.formats).toEqual(["Bluesky feed pages"]);
    expect(Object.fromEntries(summary.skipped)).toEqual({ repost: 1, "bad record": 1 });
    expect(summary.threadsJoined).toBe(1);
    expect(posts.map((p) => p.id)).toEqual([
      "bsky-3kroot000000a",
      "bsky-3kfacets0000a",
      "bsky-3kotherreply1",
    ]);
    expect(posts[0]).toEqual({
      id: "bsky-3kroot000000a",
      text: "A thread begins\n\nthe middle\n\nand the end",
      // Where each of the three Bluesky posts starts in the joined text.
      parts: [0, 17, 29],
      topics: [],
      links: [],
      mentions: [],
      author: "@alice.bsky.social",
      url: "https://bsky.app/profile/alice.bsky.social/post/3kroot000000a",
      createdAt: "2024-04-01T10:00:00.000Z",
      sourceId: `at://${DID}/app.bsky.feed.post/3kroot000000a`,
    });
    expect(posts.some((p) => p.text.includes("someone else's words"))).toBe(false);
  });

  it("restores link facets indexed in UTF-8 bytes after emoji and accents", async () => {
    const { posts } = await importFixture(fixture("bluesky/feed-page-1.json"));
    expect(posts[1]).toMatchObject({
      text: "🦋🌍 Café notes: https://example.com/a-long-path and my blog (https://blog.example.org/) #Notes",
      links: ["https://example.com/a-long-path", "https://blog.example.org/"],
      topics: ["notes"],
    });
  });

  it("keeps handles with dots whole as mentions", async () => {
    const { posts } = await importFixture(fixture("bluesky"));
    expect(posts[2]?.mentions).toEqual(["@bob.bsky.social"]);
  });
});

describe("Bluesky post records (an unpacked repository)", () => {
  it("imports app.bsky.feed.post records only, the DID from the path, the rkey from the file name", async () => {
    const { summary, posts } = await importFixture(fixture("bluesky-repo"));
    expect(summary.formats).toEqual(["Bluesky post records"]);
    expect(posts).toEqual([
      {
        id: "bsky-3lroot0000001",
        text: "repo thread root\n\nrepo thread reply",
        parts: [0, 18],
        topics: [],
        links: [],
        mentions: [],
        url: `https://bsky.app/profile/${DID}/post/3lroot0000001`,
        createdAt: "2024-05-01T10:00:00.000Z",
        sourceId: `at://${DID}/app.bsky.feed.post/3lroot0000001`,
      },
    ]);
  });
});

describe("applyFacets", () => {
  it("replaces by byte range, not by UTF-16 index", () => {
    const text = "😀 go example.com/x...";
    const start = Buffer.byteLength("😀 go ");
    const facet = {
      index: { byteStart: start, byteEnd: Buffer.byteLength(text) },
      features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://example.com/xyz" }],
    };
    expect(applyFacets(text, [facet]).text).toBe("😀 go https://example.com/xyz");
  });

  it("ignores facets outside the text and non-http links", () => {
    const facets = [
      {
        index: { byteStart: 2, byteEnd: 99 },
        features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://a.b" }],
      },
      {
        index: { byteStart: 0, byteEnd: 2 },
        features: [{ $type: "app.bsky.richtext.facet#link", uri: "javascript:x" }],
      },
    ];
    expect(applyFacets("hello", facets).text).toBe("hello");
  });
});

describe("feedItemToItem / recordToItem", () => {
  it("treats a post by another account as a repost", () => {
    const entry = {
      post: {
        uri: "at://did:plc:b/app.bsky.feed.post/3k1",
        author: { did: "did:plc:b", handle: "b.example" },
        record: { text: "x", createdAt: "2024-01-01T00:00:00Z" },
      },
    };
    expect(feedItemToItem(entry, { ownDid: "did:plc:a" })).toEqual({ skip: "repost" });
  });

  it("skips a record with an empty text", () => {
    expect(
      recordToItem(
        { text: "  ", createdAt: "2024-01-01T00:00:00Z" },
        `at://${DID}/app.bsky.feed.post/3k`,
        {},
      ),
    ).toEqual({
      skip: "empty",
    });
  });
});
