import { type Logger, pino } from "pino";

/**
 * Structured logs on stdout. Secrets are scrubbed from every line as written, so a token can't leak even through an
 * error message or a stack that happens to contain it.
 */
export function createLogger(level: string, secrets: readonly (string | undefined)[]): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === "string" && s.length >= 8);
  return pino({
    level,
    redact: {
      paths: ["token", "*.token", "config.DISCORD_TOKEN", "headers.authorization"],
      censor: "[redacted]",
    },
    hooks: {
      streamWrite(line) {
        let out = line;
        for (const secret of hidden) out = out.split(secret).join("[redacted]");
        return out;
      },
    },
  });
}
