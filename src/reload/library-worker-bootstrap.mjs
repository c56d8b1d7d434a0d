// Worker threads do not inherit tsx's loader when the bot runs from TypeScript: load the worker through it.
import { tsImport } from "tsx/esm/api";

await tsImport("./library-worker.ts", import.meta.url);
