import { collectionVersion, type Library } from "../discord/context.js";
import { pageCount, RESULTS_PER_PAGE, renderSearchResults } from "../discord/render-search.js";
import { errorReply, type Reply } from "../discord/reply.js";
import { t } from "../i18n/translate.js";
import { clip } from "../library/text.js";
import { answerPost } from "./post.js";
import { resolveTopic } from "./topic.js";

export interface SearchRequest {
  query: string;
  topic?: string | undefined;
  page?: number;
  userId: string;
  ephemeral: boolean;
}

/** `id:<post id>` is what picking an autocomplete suggestion submits: it opens that post. */
const BY_ID = /^id:(\S+)$/u;

export function answerSearch(library: Library, request: SearchRequest): Reply {
  const byId = BY_ID.exec(request.query.trim());
  if (byId)
    return answerPost(library, { id: byId[1]!, userId: request.userId, ephemeral: request.ephemeral });

  const topic = resolveTopic(library.collection, request.topic);
  if (topic.error) return errorReply(topic.error);
  const query = request.query.trim();
  if (query === "" && topic.name === undefined) return errorReply(t("search.nothingTyped"));

  const pageOf = (page: number) =>
    library.index.search(query, {
      topic: topic.name,
      limit: RESULTS_PER_PAGE,
      offset: page * RESULTS_PER_PAGE,
    });
  let page = Math.max(request.page ?? 0, 0);
  let results = pageOf(page);
  if (results.total === 0) {
    if (query === "") return errorReply(t("search.emptyTopic", { topic: topic.name! }));
    const shown = clip(query, 100);
    return errorReply(
      topic.name
        ? t("search.noMatchInTopic", { query: shown, topic: topic.name })
        : t("search.noMatch", { query: shown }),
    );
  }
  // A page past the end (a forged button, or fewer results since): show the last one.
  if (page >= pageCount(results.total)) {
    page = pageCount(results.total) - 1;
    results = pageOf(page);
  }
  return renderSearchResults({
    query,
    topic: topic.name === undefined ? undefined : { name: topic.name, index: topic.index! },
    page,
    total: results.total,
    hits: results.hits,
    userId: request.userId,
    version: collectionVersion(library.collection),
    ephemeral: request.ephemeral,
  });
}
