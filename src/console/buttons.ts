import { answerOnThisDay } from "../answers/on-this-day.js";
import { answerPost } from "../answers/post.js";
import { answerRandom } from "../answers/random.js";
import { answerSearch } from "../answers/search.js";
import type { AnswerContext } from "../discord/context.js";
import { decodeCustomId } from "../discord/custom-id.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { CONSOLE_USER } from "./answer.js";

const LABELS = { next: "Next", prev: "Previous", another: "Another" } as const;

/** `next`, `prev` or `another` typed after an answer: what pressing that button of the answer in Discord sends. */
export function pressButton(last: Reply | undefined, word: keyof typeof LABELS, ctx: AnswerContext): Reply {
  const label = LABELS[word];
  const button = buttonsOf(last).find((b) => b.label === label);
  if (!button) return errorReply(`The last answer has no [${label}] button.`);
  if (button.disabled)
    return errorReply(word === "next" ? "This is the last page." : "This is the first page.");
  const id = decodeCustomId(button.customId);
  const library = ctx.library();
  const user = { userId: CONSOLE_USER, ephemeral: false };
  switch (id?.kind) {
    case "searchPage":
      return answerSearch(library, {
        query: id.query,
        topic: id.topic === undefined ? undefined : library.collection.topics[id.topic]?.name,
        page: id.page,
        ...user,
      });
    case "postPage":
      return answerPost(library, { id: id.postId, page: id.page, ...user });
    case "onThisDay":
      return answerOnThisDay(library, {
        date: id.date,
        timeZone: id.timeZone,
        now: ctx.now(),
        page: id.page,
        ...user,
      });
    case "random":
      return answerRandom(library, ctx.random, {
        topic: id.topic || undefined,
        callerKey: CONSOLE_USER,
        ...user,
      });
    default:
      return errorReply(`The [${label}] button of the last answer is not one the console knows.`);
  }
}

/** A result number typed after a search: what picking it in the search's menu opens. */
export function openResult(last: Reply | undefined, number: number, ctx: AnswerContext): Reply {
  const options = menuOptionsOf(last);
  if (options.length === 0) return errorReply("The last answer has no numbered results to open.");
  const option = options.find((o) => o.label.startsWith(`${number}. `));
  if (!option) {
    const numbers = options.map((o) => o.label.split(".")[0]);
    return errorReply(`There is no result ${number} on this page: type ${numbers.join(", ")}, next or prev.`);
  }
  return answerPost(ctx.library(), { id: option.value, userId: CONSOLE_USER, ephemeral: false });
}

/** The labels of the buttons and menu of an answer, as the console offers them. */
export function buttonsOf(
  reply: Reply | undefined,
): { label: string; customId: string; disabled: boolean }[] {
  return (reply?.components ?? []).flatMap((row) =>
    row.components.flatMap((c) =>
      "label" in c &&
      c.label &&
      "custom_id" in c &&
      !CONSOLE_LESS.has(decodeCustomId(c.custom_id)?.kind ?? "")
        ? [{ label: c.label, customId: c.custom_id, disabled: c.disabled === true }]
        : [],
    ),
  );
}

/** Buttons about a Discord member's own list (Save): the console has no member to keep one for. */
const CONSOLE_LESS = new Set(["save", "savedPage", "savedRemove"]);

export function menuOptionsOf(reply: Reply | undefined): { label: string; value: string }[] {
  return (reply?.components ?? []).flatMap((row) =>
    row.components.flatMap((c) => ("options" in c && Array.isArray(c.options) ? c.options : [])),
  );
}
