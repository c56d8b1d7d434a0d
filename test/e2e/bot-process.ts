import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TOKEN = "fake-bot-token.0123456789abcdefghijklmnop";
export const APP_ID = "300000000000000001";

export interface BotProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr together). */
  output(): string;
  /** Resolves when a pino line with this `msg` appears. */
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the bot exactly as `npm start` does (tsx src/main.ts), or `npm run start:sharded` (src/sharded.ts), in a
 * child process with the given environment.
 */
export function startBotProcess(env: Record<string, string>, entry = "src/main.ts"): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  function findLog(msg: string): Record<string, unknown> | undefined {
    for (const line of output.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === msg) return entry;
      } catch {
        // a partial line: wait for the rest
      }
    }
    return undefined;
  }

  return {
    child,
    output: () => output,
    exited,
    waitForLog(msg, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const entry = findLog(msg);
          if (entry) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(entry);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no log "${msg}" within ${timeoutMs} ms; output so far:\n${output.slice(-3000)}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => check());
        check();
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
