import { answerAbout } from "../answers/about.js";
import { answerOnThisDay } from "../answers/on-this-day.js";
import { answerPost } from "../answers/post.js";
import { answerPotd } from "../answers/potd.js";
import { answerRandom } from "../answers/random.js";
import { answerSearch } from "../answers/search.js";
import type { AnswerContext } from "../discord/context.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { choosePostOfTheDay, newDeck } from "../library/potd.js";
import type { ConsoleCommand } from "./parse.js";

/** The console's user: one person, in one place. */
export const CONSOLE_USER = "0";

export const HELP = `Commands (the same as in Discord):
  /search <words> [topic:<topic>] [page:<n>]   ranked search; typos and accents are fine
  /random [topic:<topic>]                      a random post
  /post <id> [page:<n>]                        one post in full (long posts have pages)
  /potd [date:YYYY-MM-DD]                      the post of the day (for a server that just started its schedule)
  /onthisday [date:YYYY-MM-DD] [page:<n>]      posts of this day (UTC) in earlier years
  /about                                       the collection and the bot
  /help                                        this list
  /quit                                        leave (or Ctrl+D, or Ctrl+C twice)
The buttons of the last answer:
  next, prev                                   the next or previous page of results or of a long post
  another                                      another random post
  1, 2, 3 …                                    open that search result in full
Tab completes commands, topics and post ids; Up and Down recall earlier lines.`;

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
      if (!id) return errorReply("Which post? For example /post bellard (Tab completes ids).");
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
      return HELP;
  }
}
