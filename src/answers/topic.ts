import { t } from "../i18n/translate.js";
import type { Collection } from "../library/collection.js";
import { clip, fold } from "../library/text.js";

export type TopicChoice = { name?: string; index?: number; error?: string };

/** A topic option as typed by a user: matched case- and accent-insensitively, or refused with the topics to pick from. */
export function resolveTopic(collection: Collection, typed: string | undefined): TopicChoice {
  if (typed === undefined || typed.trim() === "") return {};
  const wanted = fold(typed.trim());
  const index = collection.topics.findIndex((t) => t.name === wanted);
  if (index >= 0) return { name: collection.topics[index]!.name, index };
  const some = collection.topics
    .slice(0, 10)
    .map((t) => `\`${t.name}\``)
    .join(", ");
  return {
    error: t("error.noTopic", { topic: clip(typed.trim(), 50), examples: some }),
  };
}
