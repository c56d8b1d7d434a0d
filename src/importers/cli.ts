import { parseArgs } from "node:util";
import { CollectionError } from "../library/load.js";
import { describeSkipped, runImport } from "./run.js";
import { ImportError } from "./types.js";

const USAGE = `Usage: npm run import -- <file or folder> [--out data/posts.json] [--merge] [--author NAME]

Imports an X/Twitter archive, a Mastodon export (outbox.json), Bluesky feed pages or post records,
Curator JSON / JSON Lines, or plain text (posts separated by a blank line or ---) into a collection.
  --out      the collection to write (default data/posts.json); replaced atomically
  --merge    add to the existing collection instead of replacing it (duplicates by sourceId/id left out)
  --author   the author to record on every post (default: from the archive, when it says)`;

async function main(argv: string[]): Promise<number> {
  let values: { out?: string; merge?: boolean; author?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o", default: "data/posts.json" },
        merge: { type: "boolean", default: false },
        author: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Give exactly one file or folder to import.\n\n${USAGE}\n`);
    return 1;
  }
  const out = values.out ?? "data/posts.json";
  const progress = throttledProgress();
  try {
    const summary = await runImport({
      input: positionals[0]!,
      out,
      merge: values.merge,
      author: values.author,
      onProgress: progress.update,
    });
    progress.done();
    const lines = [
      `Imported ${summary.imported.toLocaleString("en")} posts (${summary.formats.join(", ")}) into ${out}` +
        (values.merge ? `, next to ${summary.kept.toLocaleString("en")} already there` : ""),
      `  threads joined: ${summary.threadsJoined}`,
      `  ${describeSkipped(summary.skipped) || "skipped 0"}`,
      summary.dateRange ? `  dates: ${summary.dateRange.from} .. ${summary.dateRange.to}` : "  dates: none",
      ...(summary.checkedByStreamOnly
        ? ["  (too big to load again as a whole: every post was validated as it was written)"]
        : []),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof CollectionError)
      process.stderr.write(`Import failed, ${out} left unchanged:\n${error.message}\n`);
    else if (error instanceof ImportError) process.stderr.write(`Import failed: ${error.message}\n`);
    else
      process.stderr.write(
        `Import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    return 1;
  }
}

/** One progress line on stderr at most every second, only once an import takes that long. */
function throttledProgress() {
  const started = Date.now();
  let last = started;
  let shown = false;
  return {
    update(records: number, phase: "scanning" | "importing") {
      if (records % 1000 !== 0) return;
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      shown = true;
      const line = `${phase === "scanning" ? "looking for threads" : "importing"}: ${records.toLocaleString("en")} records…`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (shown && process.stderr.isTTY) process.stderr.write("\n");
    },
  };
}

process.exitCode = await main(process.argv.slice(2));
