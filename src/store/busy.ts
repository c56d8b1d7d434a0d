import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs a write, retrying while another process holds SQLite's write lock. The connection's own busy wait is kept
 * short (see `openDatabase`) because it blocks the event loop, and with it every interaction reply; the waiting
 * is done here, asynchronously, with jittered backoff, until `deadlineMs`.
 */
export async function whenFree<T>(write: () => T, deadlineMs = 15_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= until) throw error;
    }
    await sleep(Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random()));
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
