import { readFileSync } from "node:fs";

/** The bot's version, from package.json, for `/about` and the logs. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
