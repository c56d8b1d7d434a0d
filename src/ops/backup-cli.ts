import { config as loadDotenv } from "dotenv";
import { configOrExit } from "../config.js";
import { type BackupSummary, backupDatabase, restoreDatabase } from "./backup.js";

/**
 * `npm run backup -- <file>`: a consistent copy of CURATOR_DB, safe while the bot runs.
 * `npm run restore -- <file>`: that copy back in place of CURATOR_DB (stop the bot first).
 */
loadDotenv({ quiet: true });
const [mode, file] = process.argv.slice(2);
const { CURATOR_DB } = configOrExit(process.env, { requireToken: false });

const describe = (summary: BackupSummary) =>
  `schema ${summary.schemaVersion}; ${Object.entries(summary.rows)
    .map(([table, count]) => `${table}: ${count}`)
    .join(", ")}`;

if (!file || (mode !== "backup" && mode !== "restore")) {
  console.error(`Usage: npm run ${mode === "restore" ? "restore" : "backup"} -- <file>`);
  process.exitCode = 2;
} else {
  try {
    if (mode === "backup") {
      const summary = await backupDatabase(CURATOR_DB, file);
      console.log(`Backed up ${CURATOR_DB} to ${file} (${describe(summary)}).`);
    } else {
      const summary = await restoreDatabase(file, CURATOR_DB);
      if (summary.previous) console.log(`The database it replaces is kept as ${summary.previous}.`);
      console.log(`Restored ${file} to ${CURATOR_DB} (${describe(summary)}). Start the bot again.`);
    }
  } catch (error) {
    console.error(`${mode} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
