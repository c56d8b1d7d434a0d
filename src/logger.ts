import { type DestinationStream, type Logger, pino } from "pino";

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
      hooks: {
        streamWrite: (line) => redact(line, secrets),
      },
    },
    destination,
  );
}

/** `text` with every secret (of 8 characters or more: shorter ones would hide ordinary words) replaced. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length >= 8) out = out.split(secret).join("[redacted]");
  }
  return out;
}
