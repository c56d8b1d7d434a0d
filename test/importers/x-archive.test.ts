import { describe, expect, it } from "vitest";
import { parseTwitterDate } from "../../src/importers/twitter-date.js";
import { emptyNoteIndex, tweetToItem } from "../../src/importers/x-archive.js";
import { byId, fixture, importFixture } from "./helpers.js";

describe("X/Twitter archive", () => {
  it("imports the archive folder: posts, skips by reason, the joined thread, the date range", async () => {
    const { summary, posts } = await importFixture(fixture("x-archive"));
    expect(summary.formats).toEqual(["X/Twitter archive"]);
    expect(summary.imported).toBe(5);
    expect(summary.threadsJoined).toBe(1);
    expect(Object.fromEntries(summary.skipped)).toEqual({
      retweet: 1,
      withheld: 1,
      "bad record": 1,
      empty: 1,
      "not public": 1,
    });
    expect(summary.dateRange).toEqual({ from: "2017-08-25T07:08:09.000Z", to: "2023-05-01T12:00:00.000Z" });
    expect(posts.map((p) => p.id).sort()).toEqual(
      [
        "x-1050118621198921728",
        "x-1100000000000000001",
        "x-1100000000000000010",
        "x-1653000000000000000",
        "x-900000000000000001",
      ].sort(),
    );
  });

  it("leaves out Circle posts (listed in twitter-circle-tweet.js, and in tweets.js too)", async () => {
    const { posts } = await importFixture(fixture("x-archive"));
    expect(posts.some((p) => p.text.includes("Only for my circle"))).toBe(false);
  });

  it("restores links after an emoji (code point indices), drops the photo link, decodes &amp; once", async () => {
    const { posts } = await importFixture(fixture("x-archive"));
    // The id exceeds 2^53: as a number it would have become ...921700.
    expect(byId(posts, "x-1050118621198921728")).toEqual({
      id: "x-1050118621198921728",
      text: "🎉🎉 New paper & code: https://example.com/paper?a=1&b=2 #Machine_Learning",
      topics: ["machine-learning"],
      links: ["https://example.com/paper?a=1&b=2"],
      mentions: [],
      author: "@curator_me",
      url: "https://x.com/curator_me/status/1050118621198921728",
      createdAt: "2018-10-10T20:19:24.000Z",
      media: [{ type: "image", url: "https://pbs.twimg.com/media/abc.jpg" }],
      sourceId: "1050118621198921728",
    });
  });

  it("joins a branching self-reply thread depth-first, earliest reply first, without the @me prefixes", async () => {
    const { posts } = await importFixture(fixture("x-archive"));
    const thread = byId(posts, "x-1100000000000000001");
    expect(thread.text).toBe(
      "Root: a thread about #Threads 🧵\n\nA: the first reply\n\nB: the end of the first chain\n\nC: a later branch off the root",
    );
    // Each tweet is a part, in reading order; 🧵 counts two UTF-16 units.
    expect(thread.parts!.map((start, i) => thread.text.slice(start, thread.parts![i + 1]).trim())).toEqual([
      "Root: a thread about #Threads 🧵",
      "A: the first reply",
      "B: the end of the first chain",
      "C: a later branch off the root",
    ]);
    expect(thread.parts).toEqual([0, 34, 54, 85]);
    expect(thread.createdAt).toBe("2019-01-01T10:00:00.000Z");
    expect(thread.topics).toEqual(["threads"]);
  });

  it("keeps a reply to someone else as its own post, with whom it answers", async () => {
    const { posts } = await importFixture(fixture("x-archive"));
    expect(byId(posts, "x-1100000000000000010")).toMatchObject({
      text: "@other I agree <3",
      mentions: ["@other"],
    });
  });

  it("takes the full text of a cut long post from note-tweet.js", async () => {
    const { posts } = await importFixture(fixture("x-archive"));
    const long = byId(posts, "x-1653000000000000000");
    expect(long.text).toMatch(/^This long post starts here .*the note keeps going to the end/);
    expect(long.links).toEqual(["https://example.org/long"]);
    expect(long.topics).toEqual(["longform"]);
  });

  it("takes the author from --author over account.js", async () => {
    const { posts } = await importFixture(fixture("x-archive/data/tweets.js"), { author: "Curator Me" });
    expect(new Set(posts.map((p) => p.author))).toEqual(new Set(["Curator Me"]));
  });

  it("imports a single tweets.js and still finds account.js and note-tweet.js next to it", async () => {
    const { summary, posts } = await importFixture(fixture("x-archive/data/tweets.js"));
    expect(summary.imported).toBe(4);
    expect(byId(posts, "x-1653000000000000000").text).toContain("the note keeps going");
    expect(byId(posts, "x-1050118621198921728").url).toBe(
      "https://x.com/curator_me/status/1050118621198921728",
    );
  });
});

describe("tweetToItem", () => {
  const notes = emptyNoteIndex();
  const tweet = (fields: object) => ({
    tweet: { id_str: "1", created_at: "Wed Oct 10 20:19:24 +0000 2018", entities: {}, ...fields },
  });

  it("uses i/web in the URL when the screen name is unknown, and no author", () => {
    expect(tweetToItem(tweet({ full_text: "hello" }), { notes })).toMatchObject({
      piece: { post: { url: "https://x.com/i/web/status/1" } },
    });
    expect(tweetToItem(tweet({ full_text: "hello" }), { notes })).not.toHaveProperty("piece.post.author");
  });

  it("decodes entities once: an escaped entity stays an entity", () => {
    const item = tweetToItem(tweet({ full_text: "a &amp;lt; b &gt; c" }), { notes });
    expect("piece" in item && item.piece.post.text).toBe("a &lt; b > c");
  });

  it("falls back to searching for the t.co URL when the indices do not point at it", () => {
    const item = tweetToItem(
      tweet({
        full_text: "see https://t.co/abc",
        entities: {
          urls: [{ url: "https://t.co/abc", expanded_url: "https://example.com/", indices: ["0", "3"] }],
        },
      }),
      { notes },
    );
    expect("piece" in item && item.piece.post.text).toBe("see https://example.com/");
  });

  it("links a self-reply to its parent only when it answers the own account", () => {
    const reply = (user: string) =>
      tweetToItem(tweet({ full_text: "x", in_reply_to_status_id_str: "9", in_reply_to_user_id_str: user }), {
        notes,
        ownUserId: "42",
      });
    expect(reply("42")).toMatchObject({ piece: { parent: "9" } });
    expect(reply("43")).toHaveProperty("piece.post.id", "x-1");
    expect(reply("43")).not.toHaveProperty("piece.parent");
  });
});

describe("parseTwitterDate", () => {
  it("parses both archive formats into ISO 8601 UTC, applying the offset", () => {
    expect(parseTwitterDate("Wed Oct 10 20:19:24 +0000 2018")).toBe("2018-10-10T20:19:24.000Z");
    expect(parseTwitterDate("Wed Oct 10 20:19:24 +0200 2018")).toBe("2018-10-10T18:19:24.000Z");
    expect(parseTwitterDate("2018-10-10 20:19:24 -0130")).toBe("2018-10-10T21:49:24.000Z");
  });

  it("refuses anything else, and days that do not exist", () => {
    expect(parseTwitterDate("2018-10-10T20:19:24Z")).toBeUndefined();
    expect(parseTwitterDate("Fri Feb 30 20:19:24 +0000 2018")).toBeUndefined();
    expect(parseTwitterDate(1539202764)).toBeUndefined();
  });
});
