import { answerAbout } from "../answers/about.js";
import { answerPost } from "../answers/post.js";
import { answerPotd } from "../answers/potd.js";
import { answerRandom } from "../answers/random.js";
import { answerSearch } from "../answers/search.js";
import type { AnswerContext } from "../discord/context.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { choosePostOfTheDay, newDeck } from "../library/potd.js";
import type { ConsoleCommand } from "./parse.js";

/** The console's user: one person, in one place. */
const USER = "0";

export const HELP = `Commands (the same as in Discord):
  /search <words> [topic:<topic>] [page:<n>]   ranked search; typos and accents are fine
  /random [topic:<topic>]                      a random post
  /post <id> [page:<n>]                        one post in full (long posts have pages)
  /potd [date:YYYY-MM-DD]                      the post of the day (for a server that just started its schedule)
  /about                                       the collection and the bot
  /help                                        this list
  /quit                                        leave (or Ctrl+D)`;

/** Runs one console command through the same answers the bot sends. */
export function answerConsole(command: ConsoleCommand, ctx: AnswerContext): Reply | string {
  const library = ctx.library();
  const page = command.options.page ? Math.max(Number.parseInt(command.options.page, 10) - 1, 0) : 0;
  switch (command.name) {
    case "search":
      return answerSearch(library, {
        query: command.options.query ?? command.text,
        topic: command.options.topic,
        page,
        userId: USER,
        ephemeral: false,
      });
    case "random":
      return answerRandom(library, ctx.random, {
        topic: command.options.topic,
        userId: USER,
        callerKey: USER,
        ephemeral: false,
      });
    case "post":
      if (!(command.options.id ?? command.text))
        return errorReply("Which post? For example `/post bellard`.");
      return answerPost(library, {
        id: command.options.id ?? command.text,
        page,
        userId: USER,
        ephemeral: false,
      });
    case "potd": {
      const localDate = command.options.date ?? ctx.now().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return errorReply("date must look like 2026-05-12.");
      const pick = choosePostOfTheDay(library.collection, localDate, newDeck("console"));
      return answerPotd({ post: pick?.post, localDate, userId: USER, ephemeral: false });
    }
    case "about":
      return answerAbout(library, { version: ctx.version, startedAt: ctx.startedAt, now: ctx.now() });
    case "help":
      return HELP;
    default:
      return errorReply(`Unknown command \`/${command.name}\`. Type /help for the list.`);
  }
}
