import { createInterface } from "node:readline/promises";
import type { AnswerContext } from "../discord/context.js";
import { CollectionError } from "../library/load.js";
import { createRandomPicker } from "../library/random.js";
import { loadLibrary } from "../load-library.js";
import { VERSION } from "../version.js";
import { answerConsole } from "./answer.js";
import { parseConsoleLine } from "./parse.js";
import { replyToText } from "./render-text.js";

export interface ConsoleOptions {
  collectionPath: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  now?: () => Date;
}

/**
 * The offline console: the bot's commands on the bundled collection, as text. With arguments it runs one command
 * and returns its exit code (0 answered, 1 error); without, it reads commands until /quit or end of input.
 */
export async function runConsole(args: readonly string[], options: ConsoleOptions): Promise<number> {
  const output = options.output ?? process.stdout;
  const write = (text: string) => output.write(`${text}\n`);
  const now = options.now ?? (() => new Date());
  let ctx: AnswerContext;
  try {
    const library = await loadLibrary(options.collectionPath, now);
    ctx = { library: () => library, random: createRandomPicker(), startedAt: now(), version: VERSION, now };
  } catch (error) {
    if (!(error instanceof CollectionError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const tty = "isTTY" in output && output.isTTY === true;
  const bold = tty ? (t: string) => `\x1b[1m${t}\x1b[22m` : undefined;

  const run = (line: string): boolean => {
    const command = parseConsoleLine(line);
    if (!command) return true;
    const reply = answerConsole(command, ctx);
    if (typeof reply === "string") {
      write(reply);
      return true;
    }
    write(replyToText(reply, bold));
    return !reply.isError;
  };

  if (args.length > 0) return run(args.join(" ")) ? 0 : 1;

  const { collection } = ctx.library();
  write(
    `Curator ${VERSION} console · ${collection.posts.length} posts from ${collection.source} · /help for commands`,
  );
  const rl = createInterface({ input: options.input ?? process.stdin, output, terminal: tty });
  rl.setPrompt("curator> ");
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === "/quit" || trimmed === "/exit" || trimmed === "quit" || trimmed === "exit") break;
    if (trimmed === "") {
      rl.prompt();
      continue;
    }
    run(trimmed);
    write("");
    rl.prompt();
  }
  rl.close();
  return 0;
}
