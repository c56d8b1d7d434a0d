import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { completeLine } from "../src/console/complete.js";
import { runConsole } from "../src/console/run.js";
import { loadLibrary } from "../src/load-library.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COLLECTION = fileURLToPath(new URL("../data/posts.json", import.meta.url));
const run = promisify(execFile);

interface Run {
  code: number;
  out: string;
  err: string;
}

/** A stream that says it is a terminal `columns` wide, as process.stdout does in one. */
function fakeTerminal(columns = 100): PassThrough & { isTTY: boolean; columns: number } {
  return Object.assign(new PassThrough(), { isTTY: true, columns });
}

const ESC = "\x1b";

/**
 * Keys one at a time, as a person types (readline turns Tab completion off inside a pasted chunk), each after the
 * console has handled the one before.
 */
async function* typed(keys: string): AsyncGenerator<string> {
  for (const key of keys.match(new RegExp(`${ESC}\\[[A-Z]|[\\s\\S]`, "gu")) ?? []) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    yield key;
  }
}

/** Runs the console with its output and errors captured as text. */
async function consoleRun(
  args: string[],
  input?: string[] | string,
  opts: { tty?: boolean; columns?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const output = opts.tty ? fakeTerminal(opts.columns) : new PassThrough();
  const errorOutput = new PassThrough();
  const chunks: string[] = [];
  const errors: string[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  errorOutput.on("data", (chunk: Buffer) => errors.push(chunk.toString("utf8")));
  const stdin =
    typeof input === "string"
      ? Object.assign(Readable.from(typed(input)), { isTTY: true })
      : input
        ? Readable.from(input.map((line) => `${line}\n`))
        : undefined;
  const code = await runConsole(args, {
    collectionPath: COLLECTION,
    output,
    errorOutput,
    env: { CURATOR_HISTORY: "", ...opts.env },
    ...(stdin ? { input: stdin } : {}),
  });
  return { code, out: chunks.join(""), err: errors.join("") };
}

/** The environment of a child process that must not find a token, from the parent or from a `.env`. */
function envWithoutToken(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOTENV_CONFIG_PATH: fileURLToPath(new URL("./no-such.env", import.meta.url)),
  };
  delete env.DISCORD_TOKEN;
  delete env.COLLECTION_PATH;
  return env;
}

describe("runConsole", () => {
  it("answers a search given as arguments, learning-rate post first, and exits 0", async () => {
    const { code, out } = await consoleRun(["search", "learning", "rate"]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("== Search: learning rate ==");
    expect(lines[2]).toBe("*1. Too much learning-rate decay in pretraining hurts post-RL performance*");
    expect(out).toMatch(/-- \d+ posts · page 1\/\d+/u);
    expect(out).not.toMatch(/\\[*_]/u);
  });

  it("browses a topic with `search topic:weather`", async () => {
    const { code, out } = await consoleRun(["search", "topic:weather"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("== Topic: weather ==");
    expect(out).toMatch(/-- \d+ posts? in topic weather · page 1\/\d+/u);
  });

  it("exits 2 with a clear message on stderr for an unknown command", async () => {
    const { code, out, err } = await consoleRun(["nonsense"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe("Unknown command /nonsense. Type /help for the list.\n");
  });

  it("exits 1 with the error on stderr, free of markdown, when a search finds nothing", async () => {
    const { code, out, err } = await consoleRun(["search", "zzqxjv"]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain("No posts match “zzqxjv”.");
    expect(err).toContain("or use /random.");
    expect(err).not.toContain("`");
  });

  it("shows page 2 of the Bellard thread", async () => {
    const { code, out } = await consoleRun(["/post", "bellard", "page:2"]);
    expect(code).toBe(0);
    expect(out).toContain("== Fabrice Bellard, the quiet engineer behind FFmpeg and QEMU ==");
    expect(out).toContain("-- id: bellard · page 2/3");
    expect(out).toContain("[Previous] [Next]");
  });

  it("reads commands until /quit in interactive mode", async () => {
    const { code, out } = await consoleRun([], ["/help", "", "/random topic:weather", "/quit", "/about"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Curator \S+ console · 18 posts from .*posts\.json · \/help for commands\n/u);
    expect(out).toContain("/search <words> [topic:<topic>] [page:<n>]");
    expect(out).toContain("== Mosaic, a probabilistic ML weather model ==");
    expect(out).toContain("[Another]");
    // Nothing after /quit is run.
    expect(out).not.toContain("About Curator");
  });

  it("shows Discord timestamps as dates and relative times", async () => {
    const { out } = await consoleRun(["about"]);
    expect(out).not.toContain("<t:");
    expect(out).toMatch(/loaded \d{4}-\d\d-\d\d \d\d:\d\d UTC \((now|\d+ seconds? ago)\)/u);
    expect(out).toMatch(/Uptime: 0m, since \d{4}-\d\d-\d\d \d\d:\d\d UTC/u);
  });

  it("stops at the end of input without /quit", async () => {
    const { code, out } = await consoleRun([], ["/about"]);
    expect(code).toBe(0);
    expect(out).toContain("== About Curator ==");
    expect(out).toContain("Posts: 18");
  });
});

describe("console options are checked before anything runs (exit 2, error on stderr)", () => {
  it.each([
    [["serch", "bellard"], "Unknown command /serch. Did you mean /search? Type /help for the list."],
    [["/rnadom"], "Unknown command /rnadom. Did you mean /random? Type /help for the list."],
    [["search", "bellard", "page:abc"], "page: must be a whole number from 1, not “abc”."],
    [["search", "bellard", "page:0"], "page: must be a whole number from 1, not “0”."],
    [["potd", "date:2027-02-30"], "date: 2027-02-30 is not a day in the calendar."],
    [["potd", "date:tomorrow"], "date: must look like 2026-05-12, not “tomorrow”."],
    [["random", "weather"], "/random takes no words, but got “weather”. For a topic, type topic:weather."],
    [["about", "please"], "/about takes no words, but got “please”."],
    [["potd", "page:2"], "/potd has no option page: (it takes date:)."],
    [["post", "bellard", "mosaic"], "/post takes one post id, but got “bellard mosaic”."],
    [["search", "topic:"], "topic: needs a value, for example topic:weather."],
  ])("%j", async (args, message) => {
    const { code, out, err } = await consoleRun(args);
    expect({ code, out, err }).toEqual({ code: 2, out: "", err: `${message}\n` });
  });

  it("accepts a real leap day and quit as a command", async () => {
    expect((await consoleRun(["potd", "date:2028-02-29"])).code).toBe(0);
    expect(await consoleRun(["quit"])).toEqual({ code: 0, out: "", err: "" });
  });
});

describe("the buttons of the last answer, typed", () => {
  it("next and prev turn the pages of a search; a number opens that result", async () => {
    const { code, out, err } = await consoleRun(
      [],
      ["/search learning", "next", "prev", "7", "3", "prev", "next", "next", "next"],
    );
    expect(code).toBe(0);
    const pages = [...out.matchAll(/-- \d+ posts · page (\d+)\/(\d+)/gu)].map((m) => m[1]);
    expect(pages).toEqual(["1", "2", "1"]);
    expect(out).toContain("Open a result: type its number (1–5)");
    expect(out).toContain("[Next]  type next");
    // 7 is not on page 1; 3 opens the third result in full.
    expect(err).toContain("There is no result 7 on this page: type 1, 2, 3, 4, 5, next or prev.");
    expect(out).toContain("*3. Too much learning-rate decay in pretraining hurts post-RL performance*");
    expect(out).toContain("\n== Too much learning-rate decay in pretraining hurts post-RL performance ==\n");
    // After opening a short post there is nothing to page.
    expect(err).toContain("The last answer has no [Previous] button.");
    expect(err).toContain("The last answer has no [Next] button.");
  });

  it("next walks a long post to its end, then says so", async () => {
    const { out, err } = await consoleRun([], ["/post bellard", "next", "next", "next"]);
    expect([...out.matchAll(/-- id: bellard · page (\d)\/3/gu)].map((m) => m[1])).toEqual(["1", "2", "3"]);
    expect(err).toBe("This is the last page.\n");
  });

  it("another draws another post of the same topic", async () => {
    const { out, err } = await consoleRun([], ["/random topic:theory", "another", "another"]);
    expect(err).toBe("");
    const titles = [...out.matchAll(/^== (.+) ==$/gmu)].map((m) => m[1]);
    expect(titles).toHaveLength(3);
    // Never the same post twice in a row, and only the three theory posts.
    expect(titles[1]).not.toBe(titles[0]);
    expect(titles[2]).not.toBe(titles[1]);
    expect(out.match(/\[Another\]/gu)).toHaveLength(3);
  });

  it("a button word with no answer before it is an error, exit 1", async () => {
    expect(await consoleRun(["next"])).toEqual({
      code: 1,
      out: "",
      err: "The last answer has no [Next] button.\n",
    });
  });
});

describe("the console in a terminal", () => {
  const strip = (text: string) => text.replace(new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]`, "gu"), "");

  it("bolds matches on a terminal, and not with NO_COLOR set", async () => {
    const bold = await consoleRun(["search", "bellard"], undefined, { tty: true });
    expect(bold.out).toContain(`${ESC}[1m`);
    const plain = await consoleRun(["search", "bellard"], undefined, { tty: true, env: { NO_COLOR: "1" } });
    expect(plain.out).not.toContain(ESC);
    expect(plain.out).toContain("== Search: bellard ==");
  });

  it("answers in the language of LANG (LC_ALL first), and in English for a language it does not speak", async () => {
    const french = await consoleRun(["search", "bellard"], undefined, { env: { LANG: "fr_FR.UTF-8" } });
    expect(french.out).toContain("== Recherche : bellard ==");
    const japanese = await consoleRun(["search", "zzzqqq"], undefined, {
      env: { LANG: "fr_FR.UTF-8", LC_ALL: "ja_JP.UTF-8" },
    });
    expect(japanese.err).toContain("「zzzqqq」に一致する投稿はありません");
    const other = await consoleRun(["search", "bellard"], undefined, { env: { LANG: "nl_NL.UTF-8" } });
    expect(other.out).toContain("== Search: bellard ==");
  });

  it("says its own words in the language of LANG too: help, mistakes in a line, the banner and the Ctrl+C hint", async () => {
    const french = { env: { LANG: "fr_FR.UTF-8" } };
    const help = await consoleRun(["help"], undefined, french);
    expect(help.out).toContain("Commandes (les mêmes que dans Discord) :");
    expect(help.out).toMatch(/\/search <words> \[topic:<topic>\] \[page:<n>\] +recherche classée/);
    expect((await consoleRun(["serch", "bellard"], undefined, french)).err).toBe(
      "Commande inconnue /serch. Vouliez-vous dire /search ? Tapez /help pour la liste.\n",
    );
    expect((await consoleRun(["random", "weather"], undefined, french)).err).toContain(
      "/random ne prend pas de mots, mais a reçu « weather ». Pour un sujet, tapez topic:weather.",
    );
    expect((await consoleRun(["potd", "date:2026-02-30"], undefined, french)).err).toContain(
      "date : 2026-02-30 n’est pas un jour du calendrier",
    );
    const japanese = await consoleRun([], "/about\r\x03\x03", { tty: true, env: { LANG: "ja_JP.UTF-8" } });
    expect(strip(japanese.out)).toMatch(/^Curator \S+ コンソール · \S+ の投稿 18 件 · コマンドは \/help/u);
    expect(strip(japanese.out)).toContain(
      "（終了するにはもう一度Ctrl+C、またはCtrl+D、または /quit と入力）",
    );
  });

  it("wraps to the terminal's width between words, and not in a pipe", async () => {
    const narrow = await consoleRun(["about"], undefined, { tty: true, columns: 40 });
    const lines = narrow.out.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(narrow.out.replace(/\s+/gu, " ")).toContain(
      "Search the collection with /search, draw a post with /random",
    );
    const piped = await consoleRun(["about"]);
    expect(Math.max(...piped.out.split("\n").map((l) => l.length))).toBeGreaterThan(40);
  });

  it("Tab completes a command, and lists topics for topic:", async () => {
    const { out } = await consoleRun([], "/sea\t learning\r/random topic:we\t\r/random topic:\t\t", {
      tty: true,
      env: { NO_COLOR: "1" },
    });
    const text = strip(out);
    expect(text).toContain("== Search: learning ==");
    expect(text).toContain("== Mosaic, a probabilistic ML weather model ==");
    // Two Tabs on an ambiguous word list the candidates.
    expect(text).toContain("topic:representation-learning");
    expect(text).toContain("topic:bellard");
  });

  it("Ctrl+C clears the line being typed, warns on an empty line, and leaves on the second", async () => {
    const { code, out } = await consoleRun([], "/search bellard\x03/about\r\x03\x03/post bellard\r", {
      tty: true,
    });
    expect(code).toBe(0);
    const text = strip(out);
    expect(text).toContain("^C");
    expect(text).not.toContain("Search: bellard");
    expect(text).toContain("== About Curator ==");
    expect(text).toContain("(To leave, press Ctrl+C again, or Ctrl+D, or type /quit)");
    // The second Ctrl+C closed the console: the line after it never ran.
    expect(text).not.toContain("Fabrice Bellard, the quiet engineer");
  });

  it("keeps history between sessions in CURATOR_HISTORY, oldest first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "curator-history-"));
    const file = join(dir, "history");
    try {
      await consoleRun([], "/about\r/post bellard\r", { tty: true, env: { CURATOR_HISTORY: file } });
      expect(readFileSync(file, "utf8")).toBe("/about\n/post bellard\n");
      // Up arrow recalls the last line of the previous session.
      const again = await consoleRun([], `${ESC}[A\r`, { tty: true, env: { CURATOR_HISTORY: file } });
      expect(strip(again.out)).toContain("== Fabrice Bellard, the quiet engineer behind FFmpeg and QEMU ==");
      expect(readFileSync(file, "utf8")).toBe("/about\n/post bellard\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("completeLine", () => {
  it("completes commands, topics, post ids and options", async () => {
    const { collection } = await loadLibrary(COLLECTION);
    expect(completeLine("/se", collection)).toEqual([["/search"], "/se"]);
    expect(completeLine("an", collection)).toEqual([["another"], "an"]);
    expect(completeLine("/random topic:we", collection)).toEqual([["topic:weather"], "topic:we"]);
    expect(completeLine("/post bel", collection)).toEqual([["bellard"], "bel"]);
    expect(completeLine("/search x p", collection)).toEqual([["page:"], "p"]);
    expect(completeLine("/search x id:bel", collection)).toEqual([["id:bellard"], "id:bel"]);
  });
});

describe("the console and the bot as processes", () => {
  it('`tsx src/console/main.ts search "learning rate"` prints the learning-rate post first and exits 0', async () => {
    const { stdout } = await run("npx", ["tsx", "src/console/main.ts", "search", "learning rate"], {
      cwd: ROOT,
      env: envWithoutToken(),
    });
    expect(stdout.split("\n").slice(0, 3)).toEqual([
      "== Search: learning rate ==",
      "",
      "*1. Too much learning-rate decay in pretraining hurts post-RL performance*",
    ]);
  });

  it("`tsx src/main.ts` without DISCORD_TOKEN and without a terminal exits 1 with the hint", async () => {
    const failure = await run("npx", ["tsx", "src/main.ts"], { cwd: ROOT, env: envWithoutToken() }).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("No DISCORD_TOKEN: to connect to Discord, copy .env.example to .env");
    expect(failure?.stdout).toBe("");
  });
});
