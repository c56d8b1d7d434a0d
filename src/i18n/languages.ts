/** The languages Curator speaks; English is the source every other catalog translates. */
export const LANGUAGES = ["en", "fr", "de", "es", "pt-BR", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Discord's locale codes for each language (https://discord.com/developers/docs/reference#locales): where a
 * command's localized name and description are shown. English is the default text, so it needs none.
 */
export const DISCORD_LOCALES: Record<Exclude<Language, "en">, readonly string[]> = {
  fr: ["fr"],
  de: ["de"],
  es: ["es-ES", "es-419"],
  "pt-BR": ["pt-BR"],
  ja: ["ja"],
};

/**
 * The language for a Discord locale (`fr`, `es-419`, `pt-BR`) or a POSIX locale from `LANG` (`fr_FR.UTF-8`,
 * `pt_BR`); English for anything else.
 */
export function languageOf(locale: string | null | undefined): Language {
  const tag = (locale ?? "").split(".")[0]!.replace("_", "-").toLowerCase();
  const [base, region] = tag.split("-");
  if (base === "pt") return region === "br" || region === undefined ? "pt-BR" : "en";
  return (LANGUAGES as readonly string[]).includes(base ?? "") ? (base as Language) : "en";
}
