import { createInterface } from "node:readline/promises";
import type { AnswerContext } from "../discord/context.js";
import type { Reply } from "../discord/reply.js";
import { languageOf } from "../i18n/languages.js";
import { t, withLanguage } from "../i18n/translate.js";
import { CollectionError } from "../library/load.js";
import { createRandomPicker } from "../library/random.js";
import { loadLibrary } from "../load-library.js";
import { VERSION } from "../version.js";
import { answerConsole } from "./answer.js";
import { openResult, pressButton } from "./buttons.js";
import { completeLine } from "./complete.js";
import { HISTORY_SIZE, historyPath, readHistory, writeHistory } from "./history.js";
import { parseConsoleLine, usageProblem } from "./parse.js";
import { replyToText, wrapToWidth } from "./render-text.js";

export interface ConsoleOptions {
  collectionPath: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Where errors go (stderr by default), so `npm run console -- … > file` keeps only answers. */
  errorOutput?: NodeJS.WritableStream;
  now?: () => Date;
  /** `NO_COLOR` and `CURATOR_HISTORY` are read from here (process.env by default). */
  env?: NodeJS.ProcessEnv;
}

/** The console's exit codes, as the README documents them. */
export const EXIT = {
  /** Answered. */
  ok: 0,
  /** The command ran and the answer is an error: nothing found, no such post or topic, an invalid collection. */
  error: 1,
  /** The line itself is wrong: unknown command, an option the command does not take, a value that is not valid. */
  usage: 2,
} as const;

const BUTTON_WORDS: Record<string, "next" | "prev" | "another"> = {
  next: "next",
  n: "next",
  prev: "prev",
  previous: "prev",
  p: "prev",
  another: "another",
  a: "another",
};

type TerminalStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * The offline console: the bot's commands on the bundled collection, as text. With arguments it runs one command
 * and returns its exit code (see EXIT); without, it reads commands until /quit, end of input or Ctrl+C twice.
 */
export function runConsole(args: readonly string[], options: ConsoleOptions): Promise<number> {
  const env = options.env ?? process.env;
  // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
  const language = languageOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  return withLanguage(language, () => runIn(args, options));
}

async function runIn(args: readonly string[], options: ConsoleOptions): Promise<number> {
  const output: TerminalStream = options.output ?? process.stdout;
  const errorOutput = options.errorOutput ?? process.stderr;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  let ctx: AnswerContext;
  try {
    const library = await loadLibrary(options.collectionPath, now);
    ctx = { library: () => library, random: createRandomPicker(), startedAt: now(), version: VERSION, now };
  } catch (error) {
    if (!(error instanceof CollectionError)) throw error;
    errorOutput.write(`${error.message}\n`);
    return EXIT.error;
  }
  const tty = output.isTTY === true;
  const interactive = args.length === 0;
  const style = {
    interactive,
    // https://no-color.org: any non-empty NO_COLOR turns colour and other ANSI styling off.
    ...(tty && !env.NO_COLOR ? { bold: (t: string) => `\x1b[1m${t}\x1b[22m` } : {}),
  };
  const width = () => (tty ? output.columns : undefined);
  const write = (text: string) => output.write(`${wrapToWidth(text, width())}\n`);
  const writeError = (text: string) => errorOutput.write(`${wrapToWidth(text, width())}\n`);

  let last: Reply | undefined;
  const run = (line: string): number => {
    const word = line.trim().toLowerCase();
    let reply: Reply | string;
    const button = BUTTON_WORDS[word];
    if (button) reply = pressButton(last, button, ctx);
    else if (/^\d{1,4}$/.test(word)) reply = openResult(last, Number(word), ctx);
    else {
      const command = parseConsoleLine(line);
      if (!command || command.name === "quit" || command.name === "exit") return EXIT.ok;
      const problem = usageProblem(command);
      if (problem) {
        writeError(problem);
        return EXIT.usage;
      }
      reply = answerConsole(command, ctx);
    }
    if (typeof reply === "string") {
      write(reply);
      return EXIT.ok;
    }
    if (reply.isError) {
      writeError(replyToText(reply, { bold: (t) => t }).trim());
      return EXIT.error;
    }
    last = reply;
    write(replyToText(reply, style));
    return EXIT.ok;
  };

  if (!interactive) return run(args.join(" "));

  const { collection } = ctx.library();
  write(t("console.banner", { version: VERSION, count: collection.posts.length, source: collection.source }));
  const history = historyPath(env);
  const rl = createInterface({
    input: options.input ?? process.stdin,
    output,
    terminal: tty,
    completer: (line: string) => completeLine(line, ctx.library().collection),
    history: tty ? readHistory(history) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  if (tty) {
    rl.on("history", (lines: string[]) => {
      const problem = writeHistory(history, lines);
      if (problem) writeError(problem);
    });
  }
  // Ctrl+C clears the line being typed, as in bash and the Node REPL; on an empty line it warns, and a second one
  // leaves.
  let exitArmed = false;
  // Worded now: the handler runs in the terminal's context, outside this run's language.
  const leaveHint = `\n${t("console.leave")}\n`;
  rl.on("SIGINT", () => {
    if (rl.line !== "") {
      rl.write(null, { ctrl: true, name: "e" });
      rl.write(null, { ctrl: true, name: "u" });
      exitArmed = false;
      output.write("^C\n");
    } else if (exitArmed) {
      output.write("\n");
      rl.close();
      return;
    } else {
      exitArmed = true;
      output.write(leaveHint);
    }
    rl.prompt();
  });
  // A prompt is for a person: piped input gets answers only.
  rl.setPrompt(tty ? "curator> " : "");
  rl.prompt();
  for await (const line of rl) {
    exitArmed = false;
    const trimmed = line.trim();
    const command = parseConsoleLine(trimmed);
    if (command && (command.name === "quit" || command.name === "exit") && command.text === "") break;
    if (trimmed !== "") {
      run(trimmed);
      write("");
    }
    rl.prompt();
  }
  rl.close();
  return EXIT.ok;
}
