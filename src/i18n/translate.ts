import { AsyncLocalStorage } from "node:async_hooks";
import { IntlMessageFormat } from "intl-messageformat";
import { CATALOGS, type MessageKey } from "./catalog/index.js";
import type { Language } from "./languages.js";

export type MessageValues = Record<string, string | number>;

const formats = new Map<string, IntlMessageFormat>();
const current = new AsyncLocalStorage<Language>();

/** One message in one language: ICU MessageFormat (`{name}`, `{n, plural, one {…} other {…}}`). */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const id = `${language}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[language][key], language);
    formats.set(id, format);
  }
  return String(format.format(values));
}

/** The message in the language of whoever is being answered (`withLanguage`); English outside any. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translate(currentLanguage(), key, values);
}

export function currentLanguage(): Language {
  return current.getStore() ?? "en";
}

/** Runs `fn` (and everything it awaits) answering in `language`: the router sets it per interaction. */
export function withLanguage<T>(language: Language, fn: () => T): T {
  return current.run(language, fn);
}
