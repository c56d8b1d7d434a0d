import { dirname, resolve } from "node:path";

/** The settings a start-up failure may come from: what the person can change. */
export interface FailureSettings {
  CURATOR_DB: string;
  DISCORD_REST_URL?: string | undefined;
  METRICS_PORT?: string | undefined;
}

/**
 * A start-up failure as one line that names the setting it comes from and what to do, e.g.
 * `CURATOR_DB=data/curator.db: file is not a database …`. Failures that no setting explains keep their message.
 */
export function explainFailure(error: unknown, settings: FailureSettings): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  const db = settings.CURATOR_DB;
  if (code === "SQLITE_NOTADB" || /file is not a database/u.test(message))
    return (
      `CURATOR_DB=${db}: file is not a database (${resolve(db)} is not an SQLite file, or is damaged). ` +
      "Point CURATOR_DB at Curator's database, restore one with npm run restore -- <backup>, or move the file " +
      "away to start with an empty one."
    );
  if (code === "SQLITE_CANTOPEN" || /unable to open database file/u.test(message))
    return (
      `CURATOR_DB=${db}: unable to open database file. Check that ${resolve(db)} is a file (not a folder) and that ` +
      `${resolve(dirname(db))} exists and is writable by this user, or point CURATOR_DB elsewhere.`
    );
  if ((code === "EADDRINUSE" || code === "EACCES") && settings.METRICS_PORT)
    return (
      `METRICS_PORT=${settings.METRICS_PORT}: cannot listen there (${message}). Choose a free port, stop what ` +
      "holds it, or leave METRICS_PORT empty to serve no health and metrics."
    );
  if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)$/u.test(code ?? "")) {
    const cause = causeMessage(error) ?? message;
    return settings.DISCORD_REST_URL
      ? `DISCORD_REST_URL=${settings.DISCORD_REST_URL}: cannot reach it (${cause}). Start the REST proxy there, ` +
          "fix the URL, or leave DISCORD_REST_URL empty to talk to Discord directly."
      : `Cannot reach Discord (${cause}). Check this machine's network, DNS and any firewall or proxy in between.`;
  }
  return message;
}

/** `code` of the error or of its cause (fetch wraps the socket's error as `cause`). */
function codeOf(error: unknown): string | undefined {
  let e = error;
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function causeMessage(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown })?.cause;
  return cause instanceof Error ? cause.message : undefined;
}
