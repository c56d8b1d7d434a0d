import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

/** What the bot sends: a plain object, built by pure functions and compared with `toEqual` in tests. */
export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Posts contain `@mentions` and may contain `@everyone`: nothing the bot sends pings anyone unless a role is meant. */
  allowedMentions: { parse: []; roles?: string[] };
  ephemeral: boolean;
  /** Set on errors: the console exits 1 for them; Discord never sees this field. */
  isError?: true;
}

export const NO_MENTIONS = { parse: [] } as { parse: [] };

/** Discord's limits that the renderers respect. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  customId: 100,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  autocompleteChoices: 25,
  autocompleteName: 100,
} as const;

/** Our page size for long posts: well under the 4,096 limit, so one page reads on a phone screen. */
export const POST_PAGE_CHARS = 1800;

export const COLORS = { post: 0x5865f2, search: 0x57f287, error: 0xed4245, potd: 0xfee75c } as const;

export function errorReply(message: string): Reply {
  return {
    embeds: [{ color: COLORS.error, description: message }],
    components: [],
    allowedMentions: NO_MENTIONS,
    ephemeral: true,
    isError: true,
  };
}
