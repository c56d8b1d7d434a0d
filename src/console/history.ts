import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** How many lines are kept between sessions. */
export const HISTORY_SIZE = 500;

/** `CURATOR_HISTORY` names the file (empty: keep none); by default `~/.curator_history`. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CURATOR_HISTORY !== undefined) return env.CURATOR_HISTORY || undefined;
  return join(homedir(), ".curator_history");
}

/** The saved lines, newest first (as readline's `history` option wants them); none if the file is missing. */
export function readHistory(path: string | undefined): string[] {
  if (!path) return [];
  try {
    return readFileSync(path, "utf8").split("\n").filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/** Saves readline's history (newest first) oldest first, one line each, like a shell; a failure only loses history. */
export function writeHistory(path: string | undefined, history: readonly string[]): string | undefined {
  if (!path) return undefined;
  try {
    writeFileSync(path, `${[...history].slice(0, HISTORY_SIZE).reverse().join("\n")}\n`, { mode: 0o600 });
    return undefined;
  } catch (error) {
    return `history not saved to ${path}: ${(error as Error).message}`;
  }
}
