import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIMessage, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fake-discord/index.js";
import {
  type BotProcess,
  GUILD,
  PLAY_CHANNEL,
  POTD_CHANNEL,
  ROOT,
  startBotAgainstFake,
} from "./bot-process.js";

// Payloads as Discord receives them.
type Body = { type: number; data: any };

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;

const EPHEMERAL = 64;
const AMELIE = { id: "200000000000000021", username: "amelie" };
const admin = { permissions: PermissionFlagsBits.ManageGuild };

beforeAll(async () => {
  // The usual collection and the on-this-day fixture's dated posts (Pi day, 14 March 2012-2020), in one file.
  dir = mkdtempSync(join(tmpdir(), "curator-languages-"));
  const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as unknown[];
  writeFileSync(
    join(dir, "posts.json"),
    JSON.stringify([...read("data/posts.json"), ...read("test/fixtures/on-this-day.json")]),
  );
  ({ fake, bot } = await startBotAgainstFake({
    readyLog: "connected to Discord",
    env: { COLLECTION_PATH: join(dir, "posts.json") },
  }));
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function original(payload: { token: string }): APIMessage {
  const message = fake.originalResponse(payload.token);
  if (!message) throw new Error("no original response stored");
  return message;
}
type Button = { custom_id: string; label: string };
const buttons = (message: { components?: unknown[] }): Button[] =>
  ((message.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);

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

describe("/schedule, /onthisday and /saved in the member's language", () => {
  const french = (input: Parameters<FakeDiscord["slashCommand"]>[0]) =>
    fake.slashCommand({ locale: "fr", channelId: PLAY_CHANNEL, user: AMELIE, ...input });
  const send = async (payload: ReturnType<FakeDiscord["slashCommand"]>) =>
    (await fake.sendInteraction(payload)) as Body;

  it("answers a French admin's /schedule add, list, status and errors in French", async () => {
    const empty = await send(french({ name: "schedule", subcommand: "list", ...admin }));
    expect(empty.data.embeds[0].description).toMatch(/^Ce serveur n’a aucune programmation\./);

    const added = await send(
      french({
        name: "schedule",
        subcommand: "add",
        options: {
          name: "matin",
          channel: POTD_CHANNEL,
          time: "9:00",
          timezone: "Europe/Paris",
          days: "mon,wed,fri",
        },
        ...admin,
      }),
    );
    expect(added.data.flags).toBe(EPHEMERAL);
    expect(added.data.embeds[0].description).toMatch(
      new RegExp(`^\`matin\` ajoutée : <#${POTD_CHANNEL}> à 09:00 Europe/Paris, lun\\., mer\\., ven\\.\\. `),
    );
    expect(added.data.embeds[0].description).toContain("`/schedule status name:matin` montre tout.");

    const list = await send(french({ name: "schedule", subcommand: "list", ...admin }));
    expect(list.data.embeds[0].title).toBe("Programmations");
    expect(list.data.embeds[0].description).toBe(
      `**matin**: <#${POTD_CHANNEL}> à 09:00 Europe/Paris, lun., mer., ven.`,
    );

    const status = await send(french({ name: "schedule", subcommand: "status", ...admin }));
    expect(status.data.embeds[0].title).toBe("Publication du jour : matin");
    expect(status.data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual([
      "Où et quand",
      "Prochaine publication",
      "Dernière publication",
      "Dernière erreur",
      "Publications restantes avant que le cycle recommence",
      "Aujourd’hui",
    ]);

    const badTime = await send(
      french({ name: "schedule", subcommand: "edit", options: { name: "matin", time: "25:00" }, ...admin }),
    );
    expect(badTime.data.embeds[0].description).toBe(
      "`25:00` n’est pas une heure : utilisez HH:MM sur 24 heures, par ex. `09:00` ou `18:30`.",
    );
    const notAdmin = await send(french({ name: "schedule", subcommand: "list", permissions: 0n }));
    expect(notAdmin.data.embeds[0].description).toBe(
      "Seuls les membres ayant la permission Gérer le serveur peuvent modifier la publication du jour.",
    );
  });

  it("answers a French member's /onthisday in French, with how many years ago, and a Japanese one in Japanese", async () => {
    const reply = await send(french({ name: "onthisday", options: { date: "2026-03-14" } }));
    const embed = reply.data.embeds[0];
    expect(embed.title).toBe("Ce jour-là : 14 mars");
    expect(embed.description).toMatch(/ · il y a \d+ ans · 20\d\d-03-14/);
    expect(embed.footer.text).toMatch(/^\d+ publications · page 1\/\d+ · dates en Europe\/Paris$/);
    expect(buttons(reply.data).map((b) => b.label ?? "(menu)")).toContain("Suivant");

    const none = await send(french({ name: "onthisday", options: { date: "2026-07-01" } }));
    expect(none.data.embeds[0].description).toMatch(
      /^Aucune publication du 1 juillet dans les années avant 2026/,
    );

    const japanese = await send(
      fake.slashCommand({
        name: "onthisday",
        options: { date: "2026-03-14" },
        locale: "ja",
        channelId: PLAY_CHANNEL,
      }),
    );
    expect(japanese.data.embeds[0].title).toBe("今日は何の日: 3月14日");
    expect(japanese.data.embeds[0].description).toMatch(/ · \d+年前 · 20\d\d-03-14/);
  });

  it("answers a French member's Save and /saved list in French", async () => {
    const shown = french({ name: "post", options: { id: "pi-day-2015" } });
    await send(shown);
    const save = buttons(original(shown)).find((b) => b.label === "Enregistrer");
    expect(save).toBeDefined();
    const saved = await send(
      fake.button({ customId: save!.custom_id, message: original(shown), user: AMELIE, locale: "fr" }),
    );
    expect(saved.data.embeds[0].description).toBe(
      "**Pi day 2015** enregistrée (1 sur 100). Voyez vos publications enregistrées avec `/saved list`.",
    );
    const list = await send(french({ name: "saved", subcommand: "list" }));
    expect(list.data.embeds[0].title).toBe("Vos publications enregistrées");
    expect(list.data.embeds[0].footer.text).toBe(
      "1 sur 100 enregistrées · page 1/1 · /saved clear les supprime toutes",
    );
    expect(list.data.embeds[0].description).toMatch(/^\*\*1\. Pi day 2015\*\* · enregistrée le <t:\d+:d>/);
    expect(buttons(list.data).map((b) => b.label ?? "(menu)")).toEqual(["(menu)", "Retirer 1"]);
    expect((list.data.components[0].components[0] as { placeholder: string }).placeholder).toBe(
      "Ouvrir une publication en entier",
    );
  });
});
