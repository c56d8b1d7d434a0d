import { type APIGuild, type Client, type REST, Routes } from "discord.js";
import { type Language, languageOf } from "../i18n/languages.js";

/**
 * The language of each server's channel posts: its preferred locale (Discord's `preferred_locale`, the "Server
 * Primary Language" of Community servers; `en-US` otherwise).
 *
 * Not stored in the database: Discord is the source of truth and a stored copy would go stale the day a server
 * changes its language without anyone running `/schedule`. Where it comes from, freshest first:
 * - the gateway's cache of this process's servers (GUILD_CREATE, then GUILD_UPDATE when the server changes it);
 * - the `guild_locale` of the server's latest interaction seen by this process (`rememberGuildLocale`, from the
 *   router: an HTTP-only process has no gateway);
 * - else one `GET /guilds/{guild}`, kept for `ttlMs` (a scheduler process with neither).
 * When Discord cannot be asked, the last locale known, else English: the post still goes out on time, and crash
 * repair never depends on the language (the Save button carries the date).
 */
const remembered = new Map<string, { locale: string; at: number }>();

export function rememberGuildLocale(guildId: string | null, locale: string | null, now = Date.now()): void {
  if (guildId && locale) remembered.set(guildId, { locale, at: now });
}

export function createGuildLanguages(options: {
  client?: Pick<Client, "guilds">;
  rest: Pick<REST, "get">;
  ttlMs?: number;
  now?: () => number;
}): (guildId: string) => Promise<Language> {
  const ttlMs = options.ttlMs ?? 6 * 3600_000;
  const now = options.now ?? Date.now;
  return async (guildId) => {
    const cached = options.client?.guilds.cache.get(guildId)?.preferredLocale;
    if (cached) return languageOf(cached);
    const known = remembered.get(guildId);
    if (known && now() - known.at < ttlMs) return languageOf(known.locale);
    try {
      const guild = (await options.rest.get(Routes.guild(guildId))) as APIGuild;
      rememberGuildLocale(guildId, guild.preferred_locale, now());
      return languageOf(guild.preferred_locale);
    } catch {
      return languageOf(known?.locale);
    }
  };
}
