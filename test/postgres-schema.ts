import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * A database of its own on the test run's PostgreSQL server (test/postgres-server.ts): a fresh, empty schema, chosen
 * through the URL's search_path, so tests and processes sharing the server never see each other's tables.
 */
export async function freshPostgresUrl(prefix: string): Promise<string> {
  const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("postgresUrl") });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(inject("postgresUrl"));
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
