import { existsSync, readFileSync } from "node:fs";

// From src/ (tsx) the package is one folder up; from dist/src/ (compiled) two.
const packageJson = [
  new URL("../package.json", import.meta.url),
  new URL("../../package.json", import.meta.url),
].find((url) => existsSync(url));

/** The bot's version, from package.json, for `/about` and the logs. */
export const VERSION: string = (
  JSON.parse(readFileSync(packageJson ?? new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;
