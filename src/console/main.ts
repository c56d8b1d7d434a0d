import { config as loadDotenv } from "dotenv";
import { runConsole } from "./run.js";

loadDotenv({ quiet: true });
process.exitCode = await runConsole(process.argv.slice(2), {
  collectionPath: process.env.COLLECTION_PATH ?? "data/posts.json",
});
