import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { note, selfReply, tweet, xArchive } from "./builders.js";
import { importFixture } from "./helpers.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

/** Issue 10, "Done when": every count of the summary printed by `npm run import`, exactly. */
describe("the import summary", () => {
  it("prints exact counts: posts, kept, updated, threads, skipped by reason, unmatched notes, dates", async () => {
    const older = await xArchive([
      tweet("100", "A thread"),
      selfReply("101", "100", "that grows later"),
      tweet("200", "Solo"),
    ]);
    const { out } = await importFixture(older);

    const photo = {
      type: "photo",
      url: "https://t.co/PhotoOnly1",
      expanded_url: "https://x.com/me/status/500/photo/1",
      indices: ["0", "23"],
      media_url_https: "https://pbs.twimg.com/media/p.jpg",
    };
    const newer = await xArchive(
      [
        tweet("100", "A thread"),
        selfReply("101", "100", "that grows later"),
        selfReply("102", "101", "and has grown"),
        tweet("200", "Solo"),
        tweet("300", "A new thread"),
        selfReply("301", "300", "second"),
        selfReply("302", "301", "third"),
        tweet("400", "RT @other: not mine"),
        tweet("450", "Frist", { edit_info: { initial: { editTweetIds: ["450", "451"] } } }),
        tweet("451", "First", { edit_info: { edit: { initialTweetId: "450" } } }),
        tweet("500", "https://t.co/PhotoOnly1", {
          entities: { urls: [], media: [photo] },
          extended_entities: { media: [photo] },
        }),
        tweet("600", "Withheld here", { withheld_in_countries: ["DE"] }),
      ],
      [note("A long post whose tweet was deleted"), note("Another one")],
    );
    await writeFile(join(newer, "README.txt"), "Your archive\n");
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "src/importers/cli.ts", newer, "--out", out, "--merge"],
      { cwd: root },
    );
    expect(stdout).toBe(
      [
        `Imported 2 posts (X/Twitter archive) into ${out}, next to 2 already there`,
        "  updated: 1 (their thread grew in this export)",
        "  threads joined: 2",
        "  skipped 5: 1 already in the collection, 1 retweet, 1 earlier version of an edited post, " +
          "1 media only (no text), 1 withheld",
        "  long-post notes matching no tweet (not imported): 2",
        "  dates: 2023-05-01T12:00:00.000Z .. 2023-05-01T12:00:00.000Z",
        "",
      ].join("\n"),
    );
  });
});
