import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChannelType } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { answerOnThisDay } from "../src/answers/on-this-day.js";
import { answerSave, answerSavedCleared, answerSavedList } from "../src/answers/saved.js";
import { renderScheduleList, renderScheduleStatus } from "../src/answers/schedule.js";
import { headingTemplateError, schedulePatch } from "../src/answers/schedule-options.js";
import type { Library } from "../src/discord/context.js";
import { withLanguage } from "../src/i18n/translate.js";
import { loadLibrary } from "../src/load-library.js";
import type { PotdSchedule } from "../src/scheduler/schedule.js";

/** The replies of /schedule, /onthisday and /saved, rendered in each language: what a member reads. */

let library: Library;
beforeAll(async () => {
  // A copy: loading writes an index cache next to the file.
  const path = join(mkdtempSync(join(tmpdir(), "curator-answers-")), "posts.json");
  copyFileSync(new URL("./fixtures/on-this-day.json", import.meta.url), path);
  library = await loadLibrary(path);
});

const schedule: PotdSchedule = {
  guildId: "g",
  name: "news",
  channelId: "c",
  timeZone: "Europe/Paris",
  at: { time: "18:00" },
  days: "mon,wed,fri",
  topic: "cats",
  roleId: "r",
  paused: true,
  channelKind: "thread",
  crosspost: false,
  template: null,
  source: "settings",
} as PotdSchedule;

const description = (reply: { embeds: { description?: string }[] }) => reply.embeds[0]?.description;

describe("/schedule in every language", () => {
  it("describes a schedule with the language's words and day names", () => {
    const line = (language: "de" | "es" | "pt-BR" | "ja") =>
      withLanguage(language, () => description(renderScheduleList([schedule], [])));
    expect(line("de")).toBe(
      "**news**: <#c> um 18:00 Europe/Paris, Mo., Mi., Fr., Thema `cats`, erwähnt <@&r>, ein Thread pro Beitrag (pausiert)",
    );
    expect(line("es")).toMatch(
      /^\*\*news\*\*: <#c> a las 18:00 Europe\/Paris, lun\., mié\., vie\., tema `cats`/,
    );
    expect(line("pt-BR")).toMatch(/, um tópico por publicação \(pausado\)$/);
    expect(line("ja")).toBe(
      "**news**: <#c> に 18:00 Europe/Paris, 月, 水, 金, トピック `cats`, <@&r> にメンション, 投稿ごとにスレッド（一時停止中）",
    );
  });

  it("titles the status and names its fields in the reader's language", () => {
    const status = {
      name: "news",
      schedule,
      localDate: "2026-11-30",
      dueToday: null,
      nextRun: null,
      today: undefined,
      recent: [],
      remainingInCycle: 3,
      lastError: null,
    };
    const view = { status, guildId: "g", posts: new Map() };
    const ja = withLanguage("ja", () => renderScheduleStatus(view)).embeds[0]!;
    expect(ja.title).toBe("今日の投稿: news");
    expect(ja.fields?.map((f) => f.value)).toEqual([
      expect.stringContaining("（一時停止中）"),
      "一時停止中",
      "まだなし",
      "なし",
      "3",
      "2026-11-30: 未送信",
    ]);
    const daily = { ...view, status: { ...status, name: "daily" } };
    expect(withLanguage("de", () => renderScheduleStatus(daily)).embeds[0]!.title).toBe("Beitrag des Tages");
    expect(withLanguage("en", () => renderScheduleStatus(daily)).embeds[0]!.title).toBe("Post of the day");
  });

  it("refuses bad options in the reader's language, naming what was typed", () => {
    const topics = new Set(["cats"]);
    const text = { id: "c1", type: ChannelType.GuildText };
    expect(withLanguage("de", () => schedulePatch({ days: "mon,funday" }, undefined, topics))).toEqual({
      error:
        "`funday` ist kein Tag: verwende `weekdays`, `weekends`, `every day` oder Tage wie `mon,wed,fri`.",
    });
    expect(withLanguage("es", () => schedulePatch({ timezone: "Mars/Base" }, undefined, topics))).toEqual({
      error:
        "`Mars/Base` no es una zona horaria. Empieza a escribir una ciudad y elige una, p. ej. `Europe/Madrid`.",
    });
    expect(
      withLanguage("pt-BR", () => schedulePatch({ channel: text, crosspost: true }, undefined, topics)),
    ).toEqual({ error: expect.stringMatching(/^Só uma publicação em um canal de anúncios/) });
    expect(withLanguage("fr", () => headingTemplateError("Du jour : {titre}"))).toBe(
      "`{titre}` n’est pas un paramètre : utilisez `{date}`, `{topic}` ou `{title}`.",
    );
    expect(withLanguage("ja", () => headingTemplateError("{title}"))).toMatch(
      /^見出しには `\{date\}` が必要です/,
    );
    expect(headingTemplateError("{date} }")).toBe(
      "A `{` or `}` in the heading is not part of a placeholder: use `{date}`, `{topic}` or `{title}`.",
    );
  });
});

describe("/onthisday in every language", () => {
  const ask = (date: string) =>
    answerOnThisDay(library, { date, timeZone: "UTC", now: new Date(), userId: "1", ephemeral: false });

  it("says the day and how many years ago by the language's rules", () => {
    const de = withLanguage("de", () => ask("2026-03-14")).embeds[0]!;
    expect(de.title).toBe("An diesem Tag: 14. März");
    expect(de.description).toMatch(/ · vor \d+ Jahren · 20\d\d-03-14/);
    expect(de.footer?.text).toMatch(/^\d+ Beiträge · Seite 1\/\d+ · Daten in UTC$/);
    const ja = withLanguage("ja", () => ask("2026-03-14")).embeds[0]!;
    expect(ja.title).toBe("今日は何の日: 3月14日");
    expect(ja.description).toMatch(/ · \d+年前 · 20\d\d-03-14/);
    // One year ago: the singular.
    const pt = withLanguage("pt-BR", () => ask("2021-03-14")).embeds[0]!;
    expect(pt.description).toContain(" · há 1 ano · 2020-03-14");
  });

  it("says what is wrong with a date, and that a day has no posts, in the language", () => {
    expect(description(withLanguage("es", () => ask("2027-02-29")))).toBe(
      "date: 2027-02-29 no es un día del calendario.",
    );
    expect(description(withLanguage("fr", () => ask("demain")))).toBe(
      "date : doit ressembler à 2026-05-12, pas à « demain ».",
    );
    expect(description(withLanguage("ja", () => ask("2026-07-01")))).toMatch(
      /^2026 年より前の 7月1日 の投稿はありません（日付は UTC）/,
    );
  });
});

describe("/saved in every language", () => {
  it("saves, lists, and clears in the language, with plural counts", () => {
    const post = library.collection.posts[0]!;
    const saved = withLanguage("es", () => answerSave(library, post.id, { status: "saved", count: 3 }, 100));
    expect(description(saved)).toMatch(
      /^\*\*.+\*\* guardada \(3 de 100\)\. Mira tus publicaciones guardadas/,
    );
    const full = withLanguage("de", () => answerSave(library, post.id, { status: "full", count: 100 }, 100));
    expect(full.isError).toBe(true);
    expect(description(full)).toMatch(/^Du hast 100 gespeicherte Beiträge/);

    const list = withLanguage("ja", () =>
      answerSavedList(library, [{ postId: post.id, savedAt: "2026-11-30T10:00:00.000Z" }], {
        userId: "1",
        cap: 100,
      }),
    );
    expect(list.embeds[0]!.title).toBe("保存した投稿");
    expect(list.embeds[0]!.footer?.text).toBe("1/100 件保存済み · 1/1 ページ · /saved clear ですべて削除");
    expect(list.embeds[0]!.description).toContain(
      `<t:${Date.parse("2026-11-30T10:00:00.000Z") / 1000}:d> に保存`,
    );
    expect(
      withLanguage("ja", () => answerSavedList(library, [], { userId: "1", cap: 100 })).embeds[0]!
        .description,
    ).toMatch(/^保存した投稿はありません。/);

    const cleared = (language: "fr" | "de" | "ja", count: number) =>
      withLanguage(language, () => description(answerSavedCleared(count)));
    expect(cleared("fr", 0)).toBe("Vous n’aviez aucune publication enregistrée : rien à supprimer.");
    expect(cleared("fr", 1)).toBe("Votre publication enregistrée a été supprimée.");
    expect(cleared("fr", 6)).toBe("Vos 6 publications enregistrées ont été supprimées.");
    expect(cleared("de", 6)).toBe("Deine 6 gespeicherten Beiträge wurden gelöscht.");
    expect(cleared("ja", 6)).toBe("保存した投稿 6 件を削除しました。");
  });
});
