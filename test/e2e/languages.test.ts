import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fake-discord/index.js";
import { type BotProcess, GUILD, startBotAgainstFake } from "./bot-process.js";

// Payloads as Discord receives them.
type Body = { type: number; data: any };

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  ({ fake, bot } = await startBotAgainstFake({ readyLog: "connected to Discord" }));
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
});

const search = async (query: string, locale: string) =>
  (await fake.sendInteraction(fake.slashCommand({ name: "search", options: { query }, locale }))) as Body;

describe("every member in their own language", () => {
  it("registers command names and help in every language Curator speaks", () => {
    const registered = fake.commands(GUILD).find((c) => c.name === "search") as unknown as {
      name_localizations: Record<string, string>;
      description_localizations: Record<string, string>;
    };
    expect(registered.name_localizations).toMatchObject({ fr: "chercher", de: "suchen", ja: "検索" });
    expect(registered.description_localizations["pt-BR"]).toBe("Pesquisar na coleção");
  });

  it("answers a French member in French and a Japanese member in Japanese, in the same server", async () => {
    const french = await search("learning rate", "fr");
    expect(french.data.embeds[0].title).toBe("Recherche : learning rate");
    expect(french.data.embeds[0].footer.text).toMatch(/^\d+ publications? · page 1\/\d+$/);
    expect(french.data.components[0].components[0].placeholder).toBe("Ouvrir un résultat en entier");

    const japanese = await search("learning rate", "ja");
    expect(japanese.data.embeds[0].title).toBe("検索: learning rate");
    expect(japanese.data.components[1].components.map((b: { label: string }) => b.label)).toEqual([
      "前へ",
      "次へ",
    ]);

    const nothing = await search("zzzqqqxxx", "ja");
    expect(nothing.data.embeds[0].description).toMatch(/^「zzzqqqxxx」に一致する投稿はありません/);
  });

  it("answers in English when the member's language is not one Curator speaks", async () => {
    const dutch = await search("learning rate", "nl");
    expect(dutch.data.embeds[0].title).toBe("Search: learning rate");
  });
});
