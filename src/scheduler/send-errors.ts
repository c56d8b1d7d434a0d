/** Discord JSON error codes that will not fix themselves today (the schedule is kept; tomorrow tries again). */
const PERMANENT_CODES = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild
  50001, // Missing Access
  50013, // Missing Permissions
  50035, // Invalid Form Body: the payload itself is wrong
]);

export type SendErrorKind = "permanent" | "retryable";

/**
 * Classifies what `send` threw (discord.js DiscordAPIError/HTTPError carry `status` and a numeric `code`;
 * network errors carry a string `code` such as ECONNRESET). Unknown errors are retried, a bounded number of times.
 */
export function classifySendError(error: unknown): SendErrorKind {
  const { status, code } = (typeof error === "object" && error !== null ? error : {}) as {
    status?: unknown;
    code?: unknown;
  };
  if (typeof code === "number" && PERMANENT_CODES.has(code)) return "permanent";
  if (typeof status === "number") {
    if (status === 429 || status >= 500) return "retryable";
    if (status >= 400) return "permanent";
  }
  return "retryable";
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { status, code } = error as { status?: unknown; code?: unknown };
    const tags = [status, code].filter((t) => t !== undefined).join(" ");
    return (tags ? `${tags}: ${error.message}` : error.message).slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/** Discord refused the bot's token (reset or revoked): nothing works until a person puts in the new one. */
export function isTokenRefused(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 401;
}
