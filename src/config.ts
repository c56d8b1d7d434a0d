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
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a PostgreSQL URL such as postgres://user:password@host/db"),
  ),
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
  POTD_RETRY_DELAYS: z
    .string()
    .default("1m,2m,5m,10m,30m,60m")
    .transform((text, ctx) => {
      const delays = text.split(",").map((part) => durationMs(part.trim()));
      if (delays.length === 0 || delays.length > 20 || delays.some((d) => d === undefined)) {
        ctx.addIssue({
          code: "custom",
          message: `"${text}" is not a list of up to 20 delays such as "1m,2m,5m" (units: s, m, h; 1s to 12h)`,
        });
        return z.NEVER;
      }
      return delays as number[];
    }),
  SHARD_IDS: optional(
    z.string().transform((value, ctx) => {
      const ids = parseShardIds(value);
      if (!ids)
        ctx.addIssue({ code: "custom", message: `"${value}" is not a shard range such as 0-7 or 0,2,4` });
      return ids ?? [];
    }),
  ),
  CURATOR_ROLES: optional(
    z.string().transform((value, ctx) => {
      const roles = value.split(",").map((role) => role.trim().toLowerCase());
      const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `unknown role ${unknown.join(", ")} (use ${ROLES.join(",")})`,
        });
      return roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
    }),
  ),
  INTERACTIONS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  INTERACTIONS_HOST: optional(z.string().min(1)),
  DISCORD_PUBLIC_KEY: optional(
    z.string().regex(/^[0-9a-fA-F]{64}$/, "must be the application's public key: 64 hexadecimal characters"),
  ),
  // The web archive (src/web): off unless WEB_PORT is set; PUBLIC_URL is where readers reach it (for links).
  WEB_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  WEB_HOST: optional(z.string().min(1)),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""))),
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
});

/** What a process does: answer over the gateway, answer over HTTP, send the post of the day. */
export const ROLES = ["gateway", "http", "scheduler"] as const;
export type Role = (typeof ROLES)[number];

/** CURATOR_ROLES, or everything this configuration can do: HTTP only when a port is set. */
export function rolesOf(config: Pick<Config, "CURATOR_ROLES" | "INTERACTIONS_PORT">): ReadonlySet<Role> {
  if (config.CURATOR_ROLES && config.CURATOR_ROLES.length > 0) return new Set(config.CURATOR_ROLES);
  return new Set<Role>(config.INTERACTIONS_PORT === undefined ? ["gateway", "scheduler"] : ROLES);
}

/** `30s`, `5m`, `1h` -> milliseconds (1 s to 12 h), or undefined. */
function durationMs(text: string): number | undefined {
  const match = /^(\d{1,5})(s|m|h)$/.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as "s" | "m" | "h"];
  return ms >= 1000 && ms <= 12 * 3_600_000 ? ms : undefined;
}

/** "0-7", "3" or "0,2,4-5" as sorted shard ids; undefined if malformed. */
function parseShardIds(value: string): number[] | undefined {
  const ids = new Set<number>();
  for (const part of value.split(",")) {
    const match = /^\s*(\d{1,4})\s*(?:-\s*(\d{1,4})\s*)?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (to < from) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

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
  if (parsed.success) problems.push(...crossFieldProblems(parsed.data));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: Object.freeze(parsed.data) };
}

/** Settings that only make sense together. */
function crossFieldProblems(config: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  const roles = rolesOf(config);
  if (roles.has("http") && config.INTERACTIONS_PORT === undefined)
    problems.push("INTERACTIONS_PORT: is required for the http role (the port Discord's interactions reach)");
  if (roles.has("http") && !config.DISCORD_PUBLIC_KEY)
    problems.push("DISCORD_PUBLIC_KEY: is required to verify interactions received over HTTP");
  if (config.SHARD_IDS && config.SHARD_IDS.length > 0) {
    if (config.SHARD_COUNT === undefined) problems.push("SHARD_COUNT: is required with SHARD_IDS");
    else if (config.SHARD_IDS.some((id) => id >= config.SHARD_COUNT!))
      problems.push(`SHARD_IDS: every shard id must be below SHARD_COUNT (${config.SHARD_COUNT})`);
  }
  return problems;
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
