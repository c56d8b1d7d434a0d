import { type DestinationStream, type Logger, pino } from "pino";
import pretty from "pino-pretty";

/**
 * Structured logs on stdout. Secrets are scrubbed from every line as written, so a token can't leak even through an
 * error message or a stack that happens to contain it.
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[],
  destination: DestinationStream = pino.destination(1),
): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ["token", "*.token", "config.DISCORD_TOKEN", "headers.authorization"],
        censor: "[redacted]",
      },
      serializers: { err: safeError },
      hooks: {
        streamWrite: (line) => redact(line, secrets),
      },
    },
    destination,
  );
}

/** Where logs go for `LOG_FORMAT`: JSON lines on stdout, or pino-pretty's coloured lines (not with NO_COLOR). */
export function logDestination(
  format: "json" | "pretty",
  env: NodeJS.ProcessEnv = process.env,
): DestinationStream {
  if (format === "json") return pino.destination(1);
  return pretty({ destination: 1, sync: true, colorize: !env.NO_COLOR && process.stdout.isTTY === true });
}

/**
 * An error as logged: what it says and where it came from, never what was sent. discord.js's API errors carry the
 * request body (a whole reply) and the URL, which for an interaction holds its token.
 */
function safeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== "object") return serialized;
  const { requestBody: _body, ...rest } = serialized;
  return rest;
}

/**
 * Interaction and webhook tokens in Discord URLs (`/interactions/<id>/<token>/callback`, `/webhooks/<app>/<token>`):
 * each grants replying as the bot for 15 minutes.
 */
const URL_TOKENS = /\/(interactions|webhooks)\/(\d+)\/[A-Za-z0-9_.-]{20,}/gu;

/** `text` with every secret (of 8 characters or more: shorter ones would hide ordinary words) replaced. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(URL_TOKENS, "/$1/$2/[redacted]");
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length >= 8) out = out.split(secret).join("[redacted]");
  }
  return out;
}
