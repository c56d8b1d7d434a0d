import { parseArgs } from "node:util";
import { CollectionError } from "../library/load.js";
import { describeSkipped, runImport } from "./run.js";
import { ImportError } from "./types.js";

const USAGE = `Usage: npm run import -- <file or folder> [--out data/posts.json] [--merge | --replace]
       [--format text] [--author NAME]

Imports an X/Twitter archive (the .zip as downloaded, or its folder), a Mastodon export (the .tar.gz, or
outbox.json), a Bluesky repository (.car from "Export my data"), feed pages or post records, Curator
JSON / JSON Lines, or plain text (posts separated by a blank line or ---) into a collection.
  --out      the collection to write (default data/posts.json); written atomically
  --merge    add to the existing collection (duplicates by sourceId/id left out, grown threads updated)
  --replace  replace an existing non-empty collection (without --merge or --replace it is refused)
  --format   text: read plain text files as posts (never guessed in a folder, a README or a table)
  --author   the author to record on every post (default: from the archive, when it says)`;

async function main(argv: string[]): Promise<number> {
  let values: {
    out?: string;
    merge?: boolean;
    replace?: boolean;
    format?: string;
    author?: string;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o", default: "data/posts.json" },
        merge: { type: "boolean", default: false },
        replace: { type: "boolean", default: false },
        format: { type: "string" },
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
  if (values.merge && values.replace) {
    process.stderr.write(`--merge and --replace exclude each other.\n\n${USAGE}\n`);
    return 1;
  }
  if (values.format !== undefined && values.format !== "text") {
    process.stderr.write(
      `--format takes only "text" (archives are recognised by their content).\n\n${USAGE}\n`,
    );
    return 1;
  }
  const out = values.out ?? "data/posts.json";
  const progress = throttledProgress();
  try {
    const summary = await runImport({
      input: positionals[0]!,
      out,
      merge: values.merge,
      replace: values.replace,
      ...(values.format === "text" && { format: "text" as const }),
      author: values.author,
      onProgress: progress.update,
    });
    progress.done();
    const n = (value: number) => value.toLocaleString("en");
    const lines = [
      `Imported ${n(summary.imported)} posts (${summary.formats.join(", ")}) into ${out}` +
        (values.merge ? `, next to ${n(summary.kept)} already there` : "") +
        (summary.replaced !== undefined ? `, replacing the ${n(summary.replaced)} posts it held` : ""),
      ...(values.merge ? [`  updated: ${n(summary.updated)} (their thread grew in this export)`] : []),
      `  threads joined: ${n(summary.threadsJoined)}`,
      `  ${describeSkipped(summary.skipped) || "skipped 0"}`,
      ...(summary.unmatchedNotes > 0
        ? [`  long-post notes matching no tweet (not imported): ${n(summary.unmatchedNotes)}`]
        : []),
      ...(summary.leftOut.length > 0
        ? [`  not imported (plain text; add --format text): ${summary.leftOut.join(", ")}`]
        : []),
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
