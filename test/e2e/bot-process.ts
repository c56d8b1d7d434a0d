import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type FakeDiscord, type FakeGuild, startFakeDiscord } from "../fake-discord/index.js";

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
export function startBotProcess(
  env: Record<string, string>,
  entry = "src/main.ts",
  /** Another command instead, e.g. `["npm", ["start"]]` for the compiled bot. */
  command: [string, string[]] = [process.execPath, ["--import", "tsx", entry]],
): BotProcess {
  const child = spawn(command[0], command[1], {
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

export const GUILD = "400000000000000001";

/** What every bot started against the fake needs: its token, application, server and address; commands registered. */
export function connectedTo(restUrl: string, guildId = GUILD): Record<string, string> {
  return {
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_GUILD_ID: guildId,
    DISCORD_REST_URL: restUrl,
    REGISTER_COMMANDS: "true",
  };
}

/** Where post of the day goes; interactions use PLAY so that replies never look like a post of the day. */
export const POTD_CHANNEL = "500000000000000001";
export const PLAY_CHANNEL = "500000000000000002";

export interface BotAgainstFake {
  fake: FakeDiscord;
  bot: BotProcess;
  stop(): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  guilds?: FakeGuild[];
  shards?: number;
  /** Applied before the bot starts, so start-up (and the post-of-the-day catch-up) runs under them too. */
  beforeStart?: (fake: FakeDiscord) => void;
  readyLog?: string;
  readyTimeoutMs?: number;
  entry?: string;
  /** Another command instead of tsx on `entry` (see `startBotProcess`). */
  command?: [string, string[]];
}

export const defaultGuilds = (): FakeGuild[] => [
  {
    id: GUILD,
    name: "Test server",
    channels: [
      { id: POTD_CHANNEL, name: "potd" },
      { id: PLAY_CHANNEL, name: "play" },
    ],
  },
];

export async function startBotAgainstFake(options: StartOptions = {}): Promise<BotAgainstFake> {
  const fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: options.guilds ?? defaultGuilds(),
    shards: options.shards ?? 1,
    heartbeatIntervalMs: 1000,
  });
  options.beforeStart?.(fake);
  const bot = startBotProcess(
    {
      ...connectedTo(fake.restUrl),
      CURATOR_DB: ":memory:",
      ...options.env,
    },
    options.entry,
    options.command,
  );
  try {
    // Fails at once, with the bot's output, if the bot exits instead of getting ready.
    const exited = bot.exited.then((code) => {
      throw new Error(`the bot exited (${code}) before it was ready:\n${bot.output().slice(-3000)}`);
    });
    exited.catch(() => undefined);
    await Promise.race([
      bot.waitForLog(options.readyLog ?? "scheduler started", options.readyTimeoutMs ?? 60_000),
      exited,
    ]);
  } catch (error) {
    await bot.stop("SIGKILL");
    await fake.stop();
    throw error;
  }
  return {
    fake,
    bot,
    async stop() {
      const code = await bot.stop("SIGTERM");
      await fake.stop();
      return code;
    },
  };
}

/** Polls `condition` until it holds; past `timeoutMs`, fails naming what it waited for (`what` may add the bot's output). */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  { what = "the condition", everyMs = 100 }: { what?: string | (() => string); everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
