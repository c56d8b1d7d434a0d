import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runImport } from "../../src/importers/run.js";
import { blobOf, carOf, DID, ME, note, selfReply, status, tarGzOf, tweet, zipOf } from "./builders.js";
import { fixture, importFixture, tempFolder } from "./helpers.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const ytd = (name: string, records: unknown[]) => `window.YTD.${name}.part0 = ${JSON.stringify(records)}`;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);

describe("an X export as downloaded (.zip)", () => {
  it("imports the .zip in place, as the same files unpacked would import", async () => {
    const folder = await tempFolder();
    const files = {
      "Your archive.html": "<!DOCTYPE html><html></html>",
      "data/manifest.js": 'window.__THAR_CONFIG = {"userInfo":{}}',
      "data/account.js": ytd("account", [{ account: { accountId: ME.id, username: ME.name } }]),
      "data/tweets.js": ytd(
        "tweets",
        [
          tweet("1", "Zipped root #Zip"),
          selfReply("2", "1", "zipped reply"),
          tweet("3", "A long post cut… https://t.co/LongLink01"),
        ].map((t) => ({ tweet: t })),
      ),
      "data/note-tweet.js": ytd("note_tweet", [
        { noteTweet: note("A long post cut here, whole in the note") },
      ]),
      "data/tweets_media/1-abc.jpg": JPEG,
    };
    const zip = await zipOf(files, join(folder, "twitter-2024-01-01-abc.zip"));
    const { summary, posts } = await importFixture(zip);
    expect(summary).toMatchObject({
      formats: ["X/Twitter archive"],
      imported: 2,
      threadsJoined: 1,
      unmatchedNotes: 0,
    });
    expect(posts.map((p) => p.text)).toEqual([
      "Zipped root #Zip\n\nzipped reply",
      "A long post cut here, whole in the note",
    ]);
    expect(posts[0]!.url).toBe(`https://x.com/${ME.name}/status/1`);
    // Nothing was unpacked next to the archive.
    expect(await readdir(folder)).toEqual(["twitter-2024-01-01-abc.zip"]);
  });

  it("names the entry of a damaged file inside the .zip", async () => {
    const folder = await tempFolder();
    const zip = await zipOf({ "data/tweets.js": "window.YTD.tweets.part0 = [ {" }, join(folder, "x.zip"));
    await expect(runImport({ input: zip, out: join(folder, "posts.json") })).rejects.toThrow(
      `${zip}:data/tweets.js: not valid JSON`,
    );
  });

  it("says what to do with a .zip that holds no archive", async () => {
    const folder = await tempFolder();
    const zip = await zipOf({ "photos/a.jpg": JPEG }, join(folder, "photos.zip"));
    await expect(runImport({ input: zip, out: join(folder, "posts.json") })).rejects.toThrow(
      `${zip}: no archive or collection file found`,
    );
  });
});

describe("a Mastodon export as downloaded (.tar.gz)", () => {
  it("imports outbox.json with actor.json from the .tar.gz, media files skipped unread", async () => {
    const folder = await tempFolder();
    const outbox = {
      "@context": "https://www.w3.org/ns/activitystreams",
      type: "OrderedCollection",
      orderedItems: [
        status(1, {
          content: "<p>From the tarball</p>",
          attachment: [
            {
              type: "Document",
              mediaType: "image/png",
              url: "/media_attachments/files/1.png",
              name: "local copy",
            },
            { type: "Document", mediaType: "image/png", url: "https://files.example/1.png", name: "A chart" },
          ],
        }),
        status(2, { content: "<p>second</p>" }),
      ],
    };
    const actor = { id: "https://social.example/users/ann", type: "Person", preferredUsername: "ann" };
    const archive = await tarGzOf(
      {
        "actor.json": JSON.stringify(actor),
        "outbox.json": JSON.stringify(outbox),
        "likes.json": JSON.stringify({ type: "OrderedCollection", orderedItems: [] }),
        "media_attachments/files/1.png": JPEG,
      },
      join(folder, "archive-20240101-abc.tar.gz"),
    );
    const { summary, posts } = await importFixture(archive);
    expect(summary).toMatchObject({ formats: ["Mastodon outbox"], imported: 2 });
    expect(posts.map((p) => [p.text, p.author])).toEqual([
      ["From the tarball", "@ann@social.example"],
      ["second", "@ann@social.example"],
    ]);
    // A path inside the archive is no URL a reader can open: only the server's copy is kept.
    expect(posts[0]!.media).toEqual([{ type: "image", url: "https://files.example/1.png", alt: "A chart" }]);
    expect(await readdir(folder)).toEqual(["archive-20240101-abc.tar.gz"]);
  });

  it("reports a truncated .tar.gz as damaged, naming it", async () => {
    const folder = await tempFolder();
    const archive = await tarGzOf({ "outbox.json": "{}".padEnd(5000, " ") }, join(folder, "a.tar.gz"));
    const bytes = await readFile(archive);
    await writeFile(archive, bytes.subarray(0, bytes.length - 12));
    await expect(runImport({ input: archive, out: join(folder, "posts.json") })).rejects.toThrow(
      `${archive}: damaged .tar.gz`,
    );
  });
});

describe("a Bluesky repository as downloaded (.car)", () => {
  it("reads app.bsky.feed.post records by their keys in the tree: threads, facets, images", async () => {
    const folder = await tempFolder();
    const image = await blobOf("jpeg bytes");
    const post = (text: string, fields: object = {}) => ({
      $type: "app.bsky.feed.post",
      text,
      createdAt: "2024-05-01T10:00:00.000Z",
      ...fields,
    });
    const car = await carOf(
      DID,
      {
        "app.bsky.actor.profile/self": { $type: "app.bsky.actor.profile", displayName: "Ann" },
        "app.bsky.feed.post/3kcarroot0001": post("CAR root, see example.com/pa...", {
          facets: [
            {
              index: { byteStart: 14, byteEnd: 31 },
              features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://example.com/path/long" }],
            },
          ],
          embed: { $type: "app.bsky.embed.images", images: [{ alt: "A photo", image }] },
        }),
        "app.bsky.feed.post/3kcarreply001": post("CAR reply", {
          createdAt: "2024-05-01T10:01:00.000Z",
          reply: {
            root: { uri: `at://${DID}/app.bsky.feed.post/3kcarroot0001`, cid: "bafyreiroot" },
            parent: { uri: `at://${DID}/app.bsky.feed.post/3kcarroot0001`, cid: "bafyreiroot" },
          },
        }),
        "app.bsky.feed.repost/3kcarrepost01": {
          $type: "app.bsky.feed.repost",
          subject: { uri: "at://x/y/z" },
        },
      },
      join(folder, "repo.car"),
    );
    const { summary, posts } = await importFixture(car);
    expect(summary).toMatchObject({ formats: ["Bluesky repository (CAR)"], imported: 1, threadsJoined: 1 });
    expect(posts).toEqual([
      {
        id: "bsky-3kcarroot0001",
        text: "CAR root, see https://example.com/path/long\n\nCAR reply",
        parts: [0, "CAR root, see https://example.com/path/long\n\n".length],
        topics: [],
        links: ["https://example.com/path/long"],
        mentions: [],
        url: `https://bsky.app/profile/${DID}/post/3kcarroot0001`,
        createdAt: "2024-05-01T10:00:00.000Z",
        media: [
          {
            type: "image",
            url: `https://cdn.bsky.app/img/feed_fullsize/plain/${DID}/${image.ref.toString()}@jpeg`,
            alt: "A photo",
          },
        ],
        sourceId: `at://${DID}/app.bsky.feed.post/3kcarroot0001`,
      },
    ]);
  });
});

describe("a CAR that is not a Bluesky repository", () => {
  it("says so and what to do", async () => {
    const folder = await tempFolder();
    const car = await carOf(DID, { "app.bsky.feed.post/3k1": { text: "x" } }, join(folder, "blocks.car"), {
      commit: false,
    });
    await expect(runImport({ input: car, out: join(folder, "posts.json") })).rejects.toThrow(
      `${car}: a CAR file, but not a Bluesky repository`,
    );
  });
});

describe("npm run import on downloaded archives", () => {
  it("imports a .zip from the command line", async () => {
    const folder = await tempFolder();
    const zip = await zipOf(
      { "data/tweets.js": ytd("tweets", [{ tweet: tweet("1", "hello from a zip") }]) },
      join(folder, "export.zip"),
    );
    const out = join(folder, "posts.json");
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "src/importers/cli.ts", zip, "--out", out],
      {
        cwd: root,
      },
    );
    expect(stdout).toContain(`Imported 1 posts (X/Twitter archive) into ${out}`);
    expect(JSON.parse(await readFile(out, "utf8"))[0].text).toBe("hello from a zip");
  });

  it("imports a Mastodon .tar.gz and a Bluesky .car from the command line", async () => {
    const folder = await tempFolder();
    const outbox = { type: "OrderedCollection", orderedItems: [status(1, { content: "<p>from a tar</p>" })] };
    const archive = await tarGzOf({ "outbox.json": JSON.stringify(outbox) }, join(folder, "archive.tar.gz"));
    const car = await carOf(
      DID,
      {
        "app.bsky.feed.post/3kcli00000001": {
          $type: "app.bsky.feed.post",
          text: "from a car",
          createdAt: "2024-05-01T10:00:00.000Z",
        },
      },
      join(folder, "repo.car"),
    );
    for (const [input, format, text] of [
      [archive, "Mastodon outbox", "from a tar"],
      [car, "Bluesky repository (CAR)", "from a car"],
    ] as const) {
      const out = join(folder, `${format.split(" ")[0]}.json`);
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", "src/importers/cli.ts", input, "--out", out],
        { cwd: root },
      );
      expect(stdout).toContain(`Imported 1 posts (${format}) into ${out}`);
      expect(JSON.parse(await readFile(out, "utf8")).map((p: { text: string }) => p.text)).toEqual([text]);
    }
  });

  it("a fixture folder still imports as before (the same code reads disk and archives)", async () => {
    const { summary } = await importFixture(fixture("x-archive"));
    expect(summary.imported).toBe(5);
  });
});
