import { inject } from "vitest";
import { freshSchemaUrl } from "./embedded-postgres.js";

/** A fresh, empty schema of its own on the test run's PostgreSQL server (test/postgres-server.ts). */
export function freshPostgresUrl(prefix: string): Promise<string> {
  return freshSchemaUrl(inject("postgresUrl"), prefix);
}
