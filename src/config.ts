import { z } from "zod";
import type { FailureSettings } from "./ops/explain-failure.js";
import { isValidPotdCron, timesPerDay } from "./scheduler/cron-time.js";
import { isValidTimeZone } from "./scheduler/next-run.js";

const snowflake = (what: string) =>
  z.string().regex(/^\d{17,20}$/, `must be a Discord ${what} id (17-20 digits)`);
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()) as unknown as z.ZodOptional<T>;

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z.string().regex(/^\S{20,}$/, "does not look like a bot token (copy it again from the Bot page)"),
  ),
  DISCORD_CLIENT_ID: optional(snowflake("application")),
  DISCORD_GUILD_ID: optional(snowflake("server")),
  DISCORD_REST_URL: optional(z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""))),
  COLLECTION_PATH: z.string().min(1).default("data/posts.json"),
  CURATOR_DB: z.string().min(1).default("data/curator.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REGISTER_COMMANDS: flag.default(false),
  POTD_CHANNEL_ID: optional(snowflake("channel")),
  POTD_CRON: z
    .string()
    .min(1)
    .default("0 9 * * *")
    .refine(isValidPotdCron, {
      error: (issue) => `"${String(issue.input)}" is not a five-field cron expression such as "0 9 * * *"`,
    })
    .refine((cron) => !isValidPotdCron(cron) || timesPerDay(cron) === 1, {
      error: (issue) =>
        `"${String(issue.input)}" fires ${timesPerDay(String(issue.input))} times a day, but the post of the day goes ` +
        'out once a day: give one minute and one hour, such as "0 9 * * *" (or "0 9 * * 1-5" for weekdays)',
    }),
  POTD_TIMEZONE: z
    .string()
    .min(1)
    .default("UTC")
    .refine(isValidTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as Europe/Paris`,
    }),
  SHARD_COUNT: optional(z.coerce.number().int().min(1).max(1000)),
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
});

export type Config = Readonly<z.infer<typeof EnvSchema>>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the environment once, listing every problem (never the token's value) rather than stopping at the first. */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  { requireToken }: { requireToken: boolean },
): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  // Read from env, not the parse result: a missing token is worth reporting alongside the other problems.
  if (requireToken) {
    if (!env.DISCORD_TOKEN) problems.push("DISCORD_TOKEN: is required to connect to Discord");
    if (!env.DISCORD_CLIENT_ID) problems.push("DISCORD_CLIENT_ID: is required to connect to Discord");
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: Object.freeze(parsed.data) };
}

/**
 * For the entry points: the config, or every problem printed and exit code 1. Without a token (the offline console)
 * the other settings are still checked, so a mistake shows before the token is added.
 */
export function configOrExit(env: NodeJS.ProcessEnv = process.env, { requireToken = true } = {}): Config {
  const result = loadConfig(env, { requireToken });
  if (result.ok) return result.config;
  console.error(
    `Configuration problems (see .env.example):\n${result.problems.map((p) => `  - ${p}`).join("\n")}`,
  );
  process.exit(1);
}

/** The settings a start-up failure is explained with, read leniently: they are needed even when the config is not valid. */
export function failureSettings(env: NodeJS.ProcessEnv = process.env): FailureSettings {
  return {
    CURATOR_DB:
      EnvSchema.shape.CURATOR_DB.safeParse(env.CURATOR_DB || undefined).data ?? String(env.CURATOR_DB),
    ...(env.DISCORD_REST_URL ? { DISCORD_REST_URL: env.DISCORD_REST_URL } : {}),
    ...(env.METRICS_PORT ? { METRICS_PORT: env.METRICS_PORT } : {}),
  };
}
