import { answerAbout } from "../answers/about.js";
import { answerOnThisDay } from "../answers/on-this-day.js";
import { answerPost } from "../answers/post.js";
import { answerPotd } from "../answers/potd.js";
import { answerRandom } from "../answers/random.js";
import { answerSearch } from "../answers/search.js";
import type { AnswerContext } from "../discord/context.js";
import { errorReply, type Reply } from "../discord/reply.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import { t } from "../i18n/translate.js";
import { choosePostOfTheDay, newDeck } from "../library/potd.js";
import type { ConsoleCommand } from "./parse.js";

/** The console's user: one person, in one place. */
export const CONSOLE_USER = "0";

/** The console's own commands and buttons (the syntax stays as typed; its meaning is in the reader's language). */
const HELP_ROWS: readonly (readonly [string, MessageKey])[] = [
  ["/search <words> [topic:<topic>] [page:<n>]", "console.helpSearch"],
  ["/random [topic:<topic>]", "console.helpRandom"],
  ["/post <id> [page:<n>]", "console.helpPost"],
  ["/potd [date:YYYY-MM-DD]", "console.helpPotd"],
  ["/onthisday [date:YYYY-MM-DD] [page:<n>]", "console.helpOnThisDay"],
  ["/about", "console.helpAbout"],
  ["/help", "console.helpHelp"],
  ["/quit", "console.helpQuit"],
];
const BUTTON_ROWS: readonly (readonly [string, MessageKey])[] = [
  ["next, prev", "console.helpPages"],
  ["another", "console.helpAnother"],
  ["1, 2, 3 …", "console.helpOpen"],
];

/** `/help`, in the reader's language. */
export function consoleHelp(): string {
  const rows = (list: typeof HELP_ROWS) => list.map(([syntax, key]) => `  ${syntax.padEnd(45)}${t(key)}`);
  return [
    t("console.helpCommands"),
    ...rows(HELP_ROWS),
    t("console.helpButtons"),
    ...rows(BUTTON_ROWS),
    t("console.helpKeys"),
  ].join("\n");
}

/** Runs one valid console command (see `usageProblem`) through the same answers the bot sends. */
export function answerConsole(command: ConsoleCommand, ctx: AnswerContext): Reply | string {
  const library = ctx.library();
  const page = command.options.page ? Number.parseInt(command.options.page, 10) - 1 : 0;
  switch (command.name) {
    case "search":
      return answerSearch(library, {
        query: command.options.query ?? command.text,
        topic: command.options.topic,
        page,
        userId: CONSOLE_USER,
        ephemeral: false,
      });
    case "random":
      return answerRandom(library, ctx.random, {
        topic: command.options.topic,
        userId: CONSOLE_USER,
        callerKey: CONSOLE_USER,
        ephemeral: false,
      });
    case "post": {
      const id = command.options.id ?? command.text;
      if (!id) return errorReply(t("console.whichPost"));
      return answerPost(library, { id, page, userId: CONSOLE_USER, ephemeral: false });
    }
    case "potd": {
      const localDate = command.options.date ?? ctx.now().toISOString().slice(0, 10);
      const pick = choosePostOfTheDay(library.collection, localDate, newDeck("console"));
      return answerPotd({ post: pick?.post, localDate, userId: CONSOLE_USER, ephemeral: false });
    }
    case "onthisday":
      return answerOnThisDay(library, {
        date: command.options.date,
        timeZone: "UTC",
        now: ctx.now(),
        page,
        userId: CONSOLE_USER,
        ephemeral: false,
      });
    case "about":
      return answerAbout(library, { version: ctx.version, startedAt: ctx.startedAt, now: ctx.now() });
    default:
      return consoleHelp();
  }
}
