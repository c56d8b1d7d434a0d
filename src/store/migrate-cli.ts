/**
 * `npm run db:migrate`: brings the store's schema up to date (PostgreSQL with DATABASE_URL, else the SQLite file
 * CURATOR_DB) and says which version it is at. The bot does the same at start; this is for deploy pipelines.
 */
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config.js";
import { migrations } from "./migrations.js";
import { openPostStore } from "./open-post-store.js";

loadDotenv({ quiet: true });
const result = loadConfig(process.env, { requireToken: false });
if (!result.ok) {
  console.error(`Configuration problems:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
try {
  const store = await openPostStore(result.config);
  console.log(`${store.label}: schema at version ${migrations.length}`);
  await store.close();
} catch (error) {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
