import { rmSync } from "node:fs";

const pending = new Set<string>();
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function onSignal(signal: keyof typeof EXIT_CODES): void {
  for (const path of pending) rmSync(path, { force: true });
  process.exit(EXIT_CODES[signal]);
}

/**
 * Removes `path` if the process is interrupted (Ctrl-C, a service manager's stop) before `release` is
 * called: an import cut short leaves no hidden half-written file behind.
 */
export function removeOnSignal(path: string): () => void {
  if (pending.size === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  pending.add(path);
  return () => {
    pending.delete(path);
    if (pending.size === 0) {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  };
}
