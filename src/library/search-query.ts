import { tokenize } from "./search-words.js";
import { fold } from "./text.js";

const TOPIC_TOKEN = /(?:^|\s)topic:(\S*)/giu;
/** Nobody types more than this into a search box; the cap bounds the work a pasted novel can cause. */
const MAX_QUERY_CHARS = 1_000;
const MAX_TERMS = 32;

export interface ParsedQuery {
  terms: string[];
  /** The query ended inside a word, so the last term may be a prefix the user is still typing. */
  endsInWord: boolean;
  topic: string | undefined;
}

export function parseQuery(query: string): ParsedQuery {
  const raw = typeof query === "string" ? query.slice(0, MAX_QUERY_CHARS) : "";
  let topic: string | undefined;
  const withoutTopics = raw.replace(TOPIC_TOKEN, (_whole, name: string) => {
    topic = fold(name);
    return " ";
  });
  const terms = tokenize(withoutTopics).slice(0, MAX_TERMS);
  const endsInWord = /[\p{L}\p{N}\p{M}]$/u.test(withoutTopics);
  return { terms, endsInWord, topic };
}
