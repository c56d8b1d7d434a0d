/**
 * `npm run db:copy -- --from data/curator.db --to postgres://…`: moves a SQLite store to an empty PostgreSQL
 * database (migrated first), in one transaction. Stop the bot first, then point it at DATABASE_URL.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { copySqliteToPostgres } from "./copy.js";

const usage = "Usage: npm run db:copy -- --from <sqlite file> --to <postgres://… URL>";
let values: { from?: string; to?: string };
try {
  ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (!values.from || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
  console.error(usage);
  process.exit(2);
}
if (!existsSync(values.from)) {
  console.error(`--from ${values.from}: no such file`);
  process.exit(1);
}
const pool = new pg.Pool({ connectionString: values.to, max: 2 });
try {
  const summary = await copySqliteToPostgres(values.from, pool);
  console.log(
    `Copied ${values.from} to PostgreSQL: ${Object.entries(summary)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ")}. Set DATABASE_URL and start the bot.`,
  );
} catch (error) {
  console.error(
    `db:copy failed, nothing was copied: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await pool.end();
}
