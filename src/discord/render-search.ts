import { ComponentType } from "discord.js";
import { t } from "../i18n/translate.js";
import type { SearchHit } from "../library/search.js";
import { encodeCustomId } from "./custom-id.js";
import { escapePostText, truncate } from "./markdown.js";
import { pageButtons } from "./page-buttons.js";
import { postTitle, spoiler, warningLine } from "./render-post.js";
import { COLORS, LIMITS, NO_MENTIONS, type Reply } from "./reply.js";

export const RESULTS_PER_PAGE = 5;
const SNIPPET_CHARS = 300;

export interface SearchView {
  query: string;
  topic?: { name: string; index: number };
  page: number;
  total: number;
  hits: readonly SearchHit[];
  userId: string;
  /** The collection version the results come from: a changed collection makes the buttons stale. */
  version: string;
  ephemeral: boolean;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
}

/** A page of search results: numbered titles with snippets, a menu to open one in full, and paging buttons. */
export function renderSearchResults(view: SearchView): Reply {
  const pages = pageCount(view.total);
  const first = view.page * RESULTS_PER_PAGE;
  const lines = view.hits.map((hit, i) => {
    const title = escapePostText(postTitle(hit.post));
    const warning = hit.post.contentWarning;
    // Behind a content warning the snippet is a spoiler too: a search must not show what the post hides.
    const snippet =
      warning === undefined
        ? renderSnippet(hit.snippet)
        : `${warningLine(warning)} ${spoiler(renderSnippet(hit.snippet))}`;
    return `**${first + i + 1}. ${title}**\n${snippet}`;
  });
  return {
    embeds: [
      {
        color: COLORS.search,
        title: truncate(
          view.query === "" && view.topic
            ? t("search.titleTopic", { topic: view.topic.name })
            : t("search.titleQuery", { query: view.query }),
          LIMITS.embedTitle,
        ),
        description: lines.join("\n\n"),
        footer: {
          text: view.topic
            ? t("search.footerInTopic", {
                total: view.total,
                topic: view.topic.name,
                page: view.page + 1,
                pages,
              })
            : t("search.footer", { total: view.total, page: view.page + 1, pages }),
        },
      },
    ],
    components: [openMenu(view), pagingButtons(view, pages)],
    allowedMentions: NO_MENTIONS,
    ephemeral: view.ephemeral,
  };
}

/** Snippet parts with the matched words in bold; each part escaped on its own so a match never breaks markdown. */
export function renderSnippet(parts: SearchHit["snippet"]): string {
  let out = "";
  let budget = SNIPPET_CHARS;
  for (const part of parts) {
    if (budget <= 0) break;
    const text = part.text.length > budget ? truncate(part.text, budget) : part.text;
    budget -= text.length;
    const escaped = escapePostText(text).replace(/\n+/g, " ");
    out += part.match && escaped.trim() !== "" ? `**${escaped}**` : escaped;
  }
  return out;
}

function openMenu(view: SearchView): Reply["components"][number] {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: encodeCustomId({ kind: "searchOpen", version: view.version }),
        placeholder: t("search.openMenu"),
        options: view.hits.map((hit, i) => ({
          label: truncate(
            `${view.page * RESULTS_PER_PAGE + i + 1}. ${postTitle(hit.post)}`,
            LIMITS.selectOptionLabel,
          ),
          description: truncate(
            (hit.post.contentWarning !== undefined
              ? `CW: ${hit.post.contentWarning}`
              : hit.snippet
                  .map((p) => p.text)
                  .join("")
                  .replace(/\s+/g, " ")
                  .trim()) || hit.post.id,
            LIMITS.selectOptionDescription,
          ),
          value: hit.post.id,
        })),
      },
    ],
  };
}

function pagingButtons(view: SearchView, pages: number): Reply["components"][number] {
  return pageButtons(view.page, pages, (page) =>
    encodeCustomId({
      kind: "searchPage",
      userId: view.userId,
      page,
      version: view.version,
      topic: view.topic?.index,
      query: view.query,
    }),
  );
}
