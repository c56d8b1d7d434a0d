import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openStore } from "../src/store/store.js";

const root = fileURLToPath(new URL("..", import.meta.url));

// One OS process racing the others: opens the store, waits for "go" on stdin, ticks once at a fixed instant.
const racer = `
import { appendFileSync } from "node:fs";
const [db, log, owner] = process.argv.slice(1);
const { openStore } = await import(${JSON.stringify(join(root, "src/store/store.ts"))});
const { createScheduler } = await import(${JSON.stringify(join(root, "src/scheduler/scheduler.ts"))});
const { sqlitePostStore } = await import(${JSON.stringify(join(root, "src/store/sqlite-store.ts"))});
const file = openStore(db);
const store = sqlitePostStore(file);
const at = new Date("2026-11-27T09:00:00Z");
const scheduler = createScheduler({
  store, now: () => at, listGuilds: () => ["g1"],
  collection: () => ({ posts: [{ id: "p1", text: "one", topics: [], links: [], mentions: [] }] }),
  send: async () => { appendFileSync(log, owner + "\\n"); return { messageId: "m-" + owner }; },
  findPosted: async () => [],
  log: { info() {}, warn() {}, error() {} },
});
process.stdout.write("ready\\n");
process.stdin.once("data", async () => {
  const ticks = await scheduler.tick(at);
  file.close();
  process.stdout.write(JSON.stringify(ticks.map((t) => t.outcome.kind)) + "\\n");
  process.exit(0);
});
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "curator-processes-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      onLine(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
    }
  });
}

it("lets exactly one of several OS processes on the same database send the day's post", {
  timeout: 60_000,
}, async () => {
  const db = join(dir, "curator.db");
  const log = join(dir, "sends.log");
  const setup = openStore(db);
  setup.settings.update("g1", { channelId: "c" }, new Date(0), { time: "09:00", timeZone: "UTC" });
  setup.close();

  const children = Array.from({ length: 4 }, (_, i) =>
    spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", racer, db, log, `proc-${i}`], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    }),
  );
  const ready = children.map(
    (child) => new Promise<void>((resolve) => lines(child, (l) => l === "ready" && resolve())),
  );
  const results = children.map(
    (child) =>
      new Promise<string[]>((resolve, reject) => {
        lines(child, (l) => l.startsWith("[") && resolve(JSON.parse(l) as string[]));
        child.on("exit", (code) => code !== 0 && reject(new Error(`racer exited with ${code}`)));
      }),
  );
  await Promise.all(ready);
  for (const child of children) child.stdin!.write("go\n");
  const outcomes = (await Promise.all(results)).flat().sort();

  // The others found the day claimed ("nothing") or, ticking later, already settled (no outcome at all).
  expect(outcomes.filter((kind) => kind !== "nothing")).toEqual(["sent"]);
  expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(1);
  const check = openStore(db);
  expect(check.deliveries.get("g1", "2026-11-27")).toMatchObject({ status: "sent", attempts: 1 });
  check.close();
});
