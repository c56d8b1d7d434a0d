import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type BlueskyContext, feedItemToItem, recordToItem } from "./bluesky.js";
import { indexRepo, type RepoIndex, repoPosts } from "./bluesky-car.js";
import { type Container, MEDIA_ENTRY, openTarGz, openZip } from "./containers.js";
import { curatorRecordToItem, plainTextToItem, splitPlainText } from "./curator.js";
import { ARCHIVES, CONTAINERS, type Format, GENERIC, sniffFile } from "./detect.js";
import { diskFile, type InputFile, readHead } from "./input-file.js";
import { activityToItem, actorHandle } from "./mastodon.js";
import { jsonArrayItems, lines, readSmallJson } from "./read-json.js";
import { detach } from "./text-utils.js";
import { ImportError, type Item, type Source, skip } from "./types.js";
import {
  circleIds,
  indexNoteTweets,
  readAccount,
  tweetLinks,
  tweetToItem,
  type XContext,
} from "./x-archive.js";

export const FORMAT_NAMES: Partial<Record<Format, string>> = {
  "x-tweets": "X/Twitter archive",
  "mastodon-outbox": "Mastodon outbox",
  "bluesky-feed": "Bluesky feed pages",
  "bluesky-record": "Bluesky post records",
  "bluesky-car": "Bluesky repository (CAR)",
  "curator-json": "Curator JSON",
  "curator-jsonl": "Curator JSON Lines",
  text: "plain text",
};

type Found = Map<Format, InputFile[]>;

export interface Sources {
  sources: Source[];
  formats: string[];
  leftOut: string[];
  /** Closes the .zip read in place, if any. */
  close(): Promise<void>;
}

/**
 * The sources in a file or folder. In a folder, archive files win: the README.txt or the HTML viewer
 * next to an archive are not imported as posts. A single file that is no archive is an error.
 */
export async function findSources(
  input: string,
  options: { author?: string; format?: "text" } = {},
): Promise<Sources> {
  const { author } = options;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(input);
  } catch {
    throw new ImportError(`${input}: no such file or folder`);
  }
  const found: Found = new Map();
  const unrecognised: string[] = [];
  let container: Container | undefined;
  const file = diskFile(input);
  const sniffed = info.isDirectory() ? undefined : await sniffFile(file);
  if (info.isDirectory()) {
    await walk(input, found, unrecognised);
  } else if (sniffed !== undefined && CONTAINERS.has(sniffed) && options.format !== "text") {
    container = sniffed === "zip" ? await openZip(input) : await openTarGz(input);
    for (const entry of container.files) await add(entry, found, unrecognised);
  } else {
    const format = options.format === "text" ? "text" : sniffed;
    const head = (await readHead(file, 4096)).toString("utf8");
    if (format === "text" && options.format !== "text" && looksLike(input, head) !== undefined)
      throw new ImportError(
        `${input}: plain text, but it looks like ${looksLike(input, head)} rather than posts; ` +
          "add --format text to import it anyway (posts separated by a blank line or ---)",
      );
    if (format === undefined || !(ARCHIVES.has(format) || GENERIC.has(format)))
      throw new ImportError(
        `${input}: not an archive Curator can import (expected an X/Twitter export (.zip or tweets.js), a ` +
          "Mastodon export (.tar.gz or outbox.json), a Bluesky repository (.car), feed pages or post records, " +
          "Curator JSON/JSON Lines, or plain text)",
      );
    found.set(format, [file]);
    // tweets.js alone: account.js and note-tweet.js usually sit next to it; outbox.json next to actor.json.
    if (format === "x-tweets" || format === "mastodon-outbox")
      await walk(dirname(input), found, [], 0, input);
  }
  const close = async () => container?.close();
  const archive = [...found.keys()].filter((f) => ARCHIVES.has(f));
  // In a folder, plain text is never guessed: a README.txt or a tweets.csv is not a list of posts.
  const textWanted = !info.isDirectory() || options.format === "text";
  const used =
    archive.length > 0
      ? archive
      : [...found.keys()].filter((f) => GENERIC.has(f) && (f !== "text" || textWanted));
  const leftOut =
    archive.length === 0 && !textWanted
      ? (found.get("text") ?? []).map((f) => f.name).sort(naturalOrder)
      : [];
  if (used.length === 0) {
    await close();
    if (leftOut.length > 0)
      throw new ImportError(
        `${input}: only plain text files here (${leftOut.slice(0, 5).join(", ")}); add --format text to import ` +
          "them as posts separated by a blank line or ---",
      );
    // Name the data files that were looked at: a damaged outbox.json should not pass for a missing one.
    const named = unrecognised.length > 0 ? ` (not recognised: ${unrecognised.slice(0, 5).join(", ")})` : "";
    const where =
      container === undefined ? "in this folder" : "in this archive (expected data/tweets.js, outbox.json)";
    throw new ImportError(`${input}: no archive or collection file found ${where}${named}`);
  }
  const files = (format: Format) => (found.get(format) ?? []).sort((a, b) => naturalOrder(a.name, b.name));
  const sources: Source[] = [];
  try {
    for (const format of used) sources.push(await sourceFor(format, files(format), files, author));
  } catch (error) {
    await close();
    throw error;
  }
  return { sources, formats: used.map((f) => FORMAT_NAMES[f] ?? f), leftOut, close };
}

const NOT_POSTS = /^(readme|licen[cs]e|copying|changelog|notice|authors|contributing)(\.|$)/i;

/** What else a plain-text file looks like: a README, or a table (CSV/TSV, like X's old tweets.csv). */
function looksLike(path: string, head: string): string | undefined {
  if (NOT_POSTS.test(basename(path))) return "a README or licence";
  const [first = "", second = ""] = head.split(/\r?\n/, 2);
  for (const separator of [",", "\t", ";"]) {
    const columns = first.split(separator).length;
    if (columns >= 3 && second.split(separator).length >= columns) return "a table (CSV)";
  }
  if (!/\.(txt|text|md|markdown)$/i.test(path) && /\.\w{1,5}$/.test(path))
    return `a .${path.split(".").pop()} file`;
  return undefined;
}

async function walk(
  folder: string,
  found: Found,
  unrecognised: string[],
  depthLeft = 6,
  exceptFile?: string,
): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (depthLeft > 0) await walk(path, found, unrecognised, depthLeft - 1);
    } else if (entry.isFile() && path !== exceptFile) {
      await add(diskFile(path), found, unrecognised, exceptFile !== undefined);
    }
  }
}

/** Sniffs one file and files it under its format; archives (.zip in a folder) are not opened here. */
async function add(file: InputFile, found: Found, unrecognised: string[], onlyCompanions = false) {
  if (MEDIA_ENTRY.test(file.name)) return;
  const format = await sniffFile(file);
  if (format === undefined) {
    if (/\.(json|jsonl|js)$/i.test(file.name)) unrecognised.push(file.name);
    return;
  }
  if (onlyCompanions && ARCHIVES.has(format)) return;
  if (CONTAINERS.has(format)) return;
  found.set(format, [...(found.get(format) ?? []), file]);
}

/** tweets.js, tweets-part1.js, tweets-part2.js, ..., tweets-part10.js. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

async function sourceFor(
  format: Format,
  files: InputFile[],
  filesOf: (format: Format) => InputFile[],
  author?: string,
): Promise<Source> {
  const label = files.length === 1 ? files[0]!.name : `${files.length} files (${dirname(files[0]!.name)}…)`;
  switch (format) {
    case "x-tweets": {
      const accountFile = filesOf("x-account")[0];
      const account = accountFile ? readAccount(asArray(await readSmallJson(accountFile, true))) : {};
      const notes: unknown[] = [];
      for (const file of filesOf("x-note-tweets"))
        for await (const record of jsonArrayItems(file, { jsAssignment: true })) notes.push(record);
      const circle = new Set<string>();
      for (const file of filesOf("x-circle"))
        for await (const record of jsonArrayItems(file, { jsAssignment: true }))
          for (const id of circleIds([record])) circle.add(detach(id));
      const context: XContext = {
        ...account,
        circle,
        notes: indexNoteTweets(notes),
        author: author ?? (account.screenName ? `@${account.screenName}` : undefined),
      };
      return {
        label,
        threads: true,
        async *items() {
          for (const file of files)
            for await (const record of jsonArrayItems(file, { jsAssignment: true }))
              yield tweetToItem(record, context);
        },
        async *links() {
          for (const file of files)
            for await (const record of jsonArrayItems(file, { jsAssignment: true }))
              yield tweetLinks(record, context);
        },
        unmatchedNotes: () => context.notes.count - context.notes.matched.size,
      };
    }
    case "mastodon-outbox": {
      const actorFile = filesOf("mastodon-actor")[0];
      const handle = actorFile ? actorHandle(await readSmallJson(actorFile)) : undefined;
      const context = { author: author ?? handle };
      return {
        label,
        threads: true,
        async *items() {
          for (const file of files)
            for await (const activity of jsonArrayItems(file, { key: "orderedItems" }))
              yield activityToItem(activity, context);
        },
      };
    }
    case "bluesky-feed":
      return {
        label,
        threads: true,
        async *items() {
          // The owner is the author of the first entry that is not a repost; the same on both passes.
          const context: BlueskyContext = { author };
          for (const file of files)
            for await (const entry of jsonArrayItems(file, { key: "feed" })) {
              if (context.ownDid === undefined) setFeedOwner(context, entry);
              yield feedItemToItem(entry, context);
            }
        },
      };
    case "bluesky-record":
      return {
        label,
        threads: true,
        async *items() {
          for (const file of files.sort((a, b) => naturalOrder(basename(a.name), basename(b.name)))) {
            const did = file.name
              .split(/[\\/]/)
              .map((part) => /(?:^|:)(did[:_][a-z]+[:_].+)$/.exec(part)?.[1])
              .find((part) => part !== undefined);
            const rkey = basename(file.name).replace(/\.json$/, "");
            if (did === undefined) {
              yield skip("no account DID in the path");
              continue;
            }
            const ownDid = did.replace(/^did_([a-z]+)_/, "did:$1:");
            let record: unknown;
            try {
              record = await readSmallJson(file);
            } catch {
              yield skip("bad record");
              continue;
            }
            yield recordToItem(record, `at://${ownDid}/app.bsky.feed.post/${rkey}`, { ownDid, author });
          }
        },
      };
    case "bluesky-car": {
      const indexes = new Map<InputFile, RepoIndex>();
      return {
        label,
        threads: true,
        async *items() {
          for (const file of files) {
            // The tree that names the records is read once; the records on each pass.
            const index = indexes.get(file) ?? (await indexRepo(file));
            indexes.set(file, index);
            const context: BlueskyContext = { ownDid: index.did, author };
            for await (const { uri, record } of repoPosts(file, index))
              yield recordToItem(record, uri, context);
          }
        },
      };
    }
    case "curator-json":
      return {
        label,
        threads: false,
        async *items() {
          for (const file of files)
            for await (const record of jsonArrayItems(file)) yield curatorRecordToItem(record, author);
        },
      };
    case "curator-jsonl":
      return {
        label,
        threads: false,
        async *items() {
          for (const file of files)
            for await (const line of lines(file)) {
              if (line.trim() === "") continue;
              yield parseLine(line, author);
            }
        },
      };
    default:
      return {
        label,
        threads: false,
        async *items() {
          for (const file of files)
            for await (const text of splitPlainText(lines(file))) yield plainTextToItem(text, author);
        },
      };
  }
}

function parseLine(line: string, author?: string): Item {
  try {
    return curatorRecordToItem(JSON.parse(line), author);
  } catch {
    return skip("bad JSON line");
  }
}

function setFeedOwner(context: BlueskyContext, entry: unknown): void {
  const e = entry as { post?: { author?: { did?: unknown; handle?: unknown } }; reason?: unknown };
  if (e?.reason !== undefined || typeof e?.post?.author?.did !== "string") return;
  context.ownDid = e.post.author.did;
  if (typeof e.post.author.handle === "string") context.handle = e.post.author.handle;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
