/** Text helpers shared by the loader, the search index and the importers. */

/** Lower-case and strip diacritics so `École` and `ecole` compare equal. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

const LINK = /https?:\/\/[^\s<>"'’”)\]]+/gu;
// A mention starts a word: `@sama` yes, `mail@example.org` no. Fediverse handles keep their `@host`.
const MENTION = /(?<![\w@])@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu;

export function extractLinks(text: string): string[] {
  const links = (text.match(LINK) ?? []).map((l) => l.replace(/[.,;:!?…]+$/u, ""));
  return [...new Set(links)];
}

export function extractMentions(text: string): string[] {
  const withoutLinks = text.replace(LINK, " ");
  return [...new Set(withoutLinks.match(MENTION) ?? [])];
}
