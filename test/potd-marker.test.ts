import type { APIMessage } from "discord.js";
import { describe, expect, it } from "vitest";
import { encodeCustomId } from "../src/discord/custom-id.js";
import { createGuildLanguages, rememberGuildLocale } from "../src/discord/guild-languages.js";
import { messageMarker, postOfTheDayHeading, renderPostOfTheDay } from "../src/discord/render-potd.js";
import type { Reply } from "../src/discord/reply.js";
import { LANGUAGES } from "../src/i18n/languages.js";
import { withLanguage } from "../src/i18n/translate.js";
import type { Post } from "../src/library/post.js";
import { isDeliveryMarker } from "../src/scheduler/deliver.js";

/** The post of the day in the server's language, and the marker crash repair reads back from it in any language. */

const post: Post = { id: "p-1", title: "On cats", text: "x", topics: ["cats"], links: [], mentions: [] };
/** A message as the channel's history returns it: what the bot sent. */
const asMessage = (reply: Reply) =>
  ({ content: reply.content ?? "", components: reply.components }) as Pick<
    APIMessage,
    "content" | "components"
  >;
const labels = (reply: Reply) =>
  reply.components.flatMap((row) => row.components.map((c) => ("label" in c ? c.label : "")));

describe("the post of the day in the server's language", () => {
  it("writes the heading, its date and the buttons in the language; the post's own text stays as it is", () => {
    const fr = withLanguage("fr", () => renderPostOfTheDay(post, "2026-11-30", null));
    expect(fr.content).toBe("**Publication du jour** · 30 novembre 2026");
    expect(labels(fr)).toEqual(["Enregistrer"]);
    expect(fr.embeds[0]!.title).toBe("On cats");
    const ja = withLanguage("ja", () => renderPostOfTheDay(post, "2026-11-30", "42"));
    expect(ja.content).toBe("<@&42> **今日の投稿** · 2026年11月30日");
    expect(labels(ja)).toEqual(["保存"]);
    const de = withLanguage("de", () =>
      renderPostOfTheDay(post, "2026-11-30", null, { template: "{title} — {date}", topic: null }),
    );
    expect(de.content).toBe("On cats — 30. November 2026");
    // English is as it always was.
    expect(renderPostOfTheDay(post, "2026-11-30", null).content).toBe("**Post of the day** · 2026-11-30");
  });
});

describe("the marker crash repair reads back", () => {
  it("is the local date, from the Save button, in every language and with any heading", () => {
    for (const language of LANGUAGES)
      for (const template of [null, "{title} · {date}", "{date}"]) {
        const reply = withLanguage(language, () =>
          renderPostOfTheDay(post, "2026-11-30", "42", { template, topic: null }),
        );
        // Read back under any template: the server may have changed its heading since.
        expect({ language, template, marker: messageMarker(asMessage(reply), "{topic} {date}") }).toEqual({
          language,
          template,
          marker: "2026-11-30",
        });
        expect(isDeliveryMarker(messageMarker(asMessage(reply)), "g", "2026-11-30")).toBe(true);
        expect(isDeliveryMarker(messageMarker(asMessage(reply)), "g", "2026-12-01")).toBe(false);
      }
  });

  it("still reads a post written before the upgrade: an English heading and a Save button without the date", () => {
    const before = {
      content: "<@&42> **Post of the day** · 2026-11-27",
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, label: "Save", custom_id: encodeCustomId({ kind: "save", postId: "p-1" }) },
          ],
        },
      ],
    } as unknown as APIMessage;
    expect(messageMarker(before)).toBe("2026-11-27");
    expect(messageMarker({ ...before, content: "**cats** · 2026-11-27" }, "**{topic}** · {date}")).toBe(
      "2026-11-27",
    );
  });

  it("finds a post written in French before the server switched to Japanese, and none in someone's message", () => {
    const french = withLanguage("fr", () => renderPostOfTheDay(post, "2026-11-29", null));
    const japaneseNow = withLanguage("ja", () => postOfTheDayHeading("2026-11-30"));
    expect(japaneseNow).toBe("**今日の投稿** · 2026年11月30日");
    expect(messageMarker(asMessage(french))).toBe("2026-11-29");
    // A plain message quoting a heading in another language, or a Save button of another post without a date.
    expect(
      messageMarker({ content: "**Publication du jour** · 29 novembre 2026", components: [] }),
    ).toBeUndefined();
    const shown = withLanguage("fr", () => renderPostOfTheDay(post, "2026-11-29", null));
    expect(shown.components[0]!.components[0]).toMatchObject({ custom_id: "sv|p-1|20261129" });
  });
});

describe("the server's language", () => {
  const rest = (locale: string) => {
    const calls: string[] = [];
    return {
      calls,
      get: async (route: string) => {
        calls.push(route);
        if (locale === "down") throw new Error("Discord is down");
        return { preferred_locale: locale };
      },
    };
  };

  it("comes from the gateway's cache first, else from the server's last interaction, else from Discord once", async () => {
    const client = { guilds: { cache: new Map([["g-cached", { preferredLocale: "de" }]]) } };
    const api = rest("pt-BR");
    let now = 1_000;
    const languageOf = createGuildLanguages({
      client: client as never,
      rest: api as never,
      ttlMs: 60_000,
      now: () => now,
    });
    expect(await languageOf("g-cached")).toBe("de");
    rememberGuildLocale("g-seen", "ja", now);
    expect(await languageOf("g-seen")).toBe("ja");
    expect(api.calls).toEqual([]);
    expect(await languageOf("g-other")).toBe("pt-BR");
    expect(await languageOf("g-other")).toBe("pt-BR");
    expect(api.calls).toEqual(["/guilds/g-other"]);
    // Past the TTL it asks again; when Discord cannot answer, the last known language is kept.
    now += 120_000;
    const down = createGuildLanguages({ rest: rest("down") as never, ttlMs: 60_000, now: () => now });
    expect(await down("g-other")).toBe("pt-BR");
    expect(await down("g-never-seen")).toBe("en");
  });
});
