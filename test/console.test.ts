import { execFile } from "node:child_process";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runConsole } from "../src/console/run.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COLLECTION = fileURLToPath(new URL("../data/posts.json", import.meta.url));
const run = promisify(execFile);

/** Runs the console with its output captured as text. */
async function consoleRun(args: string[], input?: string[]): Promise<{ code: number; out: string }> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const code = await runConsole(args, {
    collectionPath: COLLECTION,
    output,
    ...(input ? { input: Readable.from(input.map((line) => `${line}\n`)) } : {}),
  });
  return { code, out: chunks.join("") };
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

  it("exits 1 with a clear message for an unknown command", async () => {
    const { code, out } = await consoleRun(["nonsense"]);
    expect(code).toBe(1);
    expect(out).toContain("Unknown command `/nonsense`. Type /help for the list.");
  });

  it("exits 1 when a search finds nothing", async () => {
    const { code, out } = await consoleRun(["search", "zzqxjv"]);
    expect(code).toBe(1);
    expect(out).toContain("No posts match “zzqxjv”.");
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

  it("stops at the end of input without /quit", async () => {
    const { code, out } = await consoleRun([], ["/about"]);
    expect(code).toBe(0);
    expect(out).toContain("== About Curator ==");
    expect(out).toContain("Posts: 18");
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
