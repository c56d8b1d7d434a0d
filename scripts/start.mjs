#!/usr/bin/env node
/**
 * `npm start`: runs the compiled bot (dist/) in this very process, so signals reach the bot and no TypeScript
 * runtime is loaded. dist/ is built on install (`prepare`); if the sources are newer (a fresh clone installed with
 * --ignore-scripts, or an edit since), it is rebuilt first with tsc.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist/.tsbuildinfo");
// `npm install` runs this with "prepare": build when TypeScript is there (not after `npm ci --omit=dev`).
if (process.argv[2] === "prepare") {
  if (tscPath()) build();
  else console.error("TypeScript is not installed: dist/ not built (run `npm run build` where it is).");
  process.exit(0);
}
const entries = { main: "dist/src/main.js", sharded: "dist/src/sharded.js" };
const entry = entries[process.argv[2] ?? "main"];
if (!entry) {
  console.error(`Unknown entry "${process.argv[2]}": use one of ${Object.keys(entries).join(", ")}.`);
  process.exit(1);
}

if (!existsSync(join(root, entry)) || !existsSync(stamp) || newestSource() > statSync(stamp).mtimeMs) {
  build();
}
await import(pathToFileURL(join(root, entry)).href);

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (path.endsWith(".ts") || path.endsWith(".json")) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ["src", "commands", "tsconfig.json", "tsconfig.build.json", "package.json"]) {
    visit(join(root, path));
  }
  return newest;
}

function build() {
  const tsc = tscPath();
  if (!tsc) {
    console.error(
      "dist/ is missing or older than the sources, and TypeScript is not installed to build it: run `npm install` (with dev dependencies) and `npm run build`.",
    );
    process.exit(1);
  }
  console.error("Building dist/ with tsc...");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  // An incremental build with nothing to do leaves the stamp alone: touch it, or every start would rebuild.
  if (existsSync(stamp)) utimesSync(stamp, new Date(), new Date());
  // tsc still writes JavaScript when types are wrong, as tsx would have run it: warn and go on.
  if (result.status !== 0 && !existsSync(join(root, "dist/src/main.js"))) process.exit(result.status ?? 1);
  if (result.status !== 0) console.error("tsc reported type errors (above); starting the bot anyway.");
}

function tscPath() {
  try {
    return createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    return undefined;
  }
}
