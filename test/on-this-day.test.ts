import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { answerOnThisDay } from "../src/answers/on-this-day.js";
import { runConsole } from "../src/console/run.js";
import type { Library } from "../src/discord/context.js";
import { decodeCustomId } from "../src/discord/custom-id.js";
import { translate } from "../src/i18n/translate.js";
import { chooseOnThisDay, isCalendarDate, localDateIn, postsOnThisDay } from "../src/library/on-this-day.js";
import type { Post } from "../src/library/post.js";
import { loadLibrary } from "../src/load-library.js";

function post(id: string, createdAt?: string): Post {
  return { id, text: `post ${id}`, topics: [], links: [], mentions: [], ...(createdAt ? { createdAt } : {}) };
}

const ids = (hits: { post: Post }[]) => hits.map((h) => h.post.id);

describe("postsOnThisDay", () => {
  const posts = [
    post("y2019", "2019-11-30T12:00:00Z"),
    post("y2024", "2024-11-30T08:00:00Z"),
    post("y2021", "2021-11-30T23:30:00Z"),
    post("other-day", "2024-11-29T12:00:00Z"),
    post("this-year", "2026-11-30T01:00:00Z"),
    post("next-year", "2027-11-30T01:00:00Z"),
    post("undated"),
  ];

  it("finds the posts of that month and day in earlier years, newest first, with how long ago", () => {
    const hits = postsOnThisDay(posts, "2026-11-30", "UTC");
    expect(ids(hits)).toEqual(["y2024", "y2021", "y2019"]);
    expect(hits.map((h) => h.yearsAgo)).toEqual([2, 5, 7]);
    expect(hits.map((h) => h.localDate)).toEqual(["2024-11-30", "2021-11-30", "2019-11-30"]);
  });

  it("reads createdAt in the asked zone: a late UTC evening is the next day in Tokyo, the same day in New York", () => {
    // 2021-11-30T23:30Z is 1 December 08:30 in Tokyo; 2024-11-29T12:00Z is still 29 November there.
    expect(ids(postsOnThisDay(posts, "2026-12-01", "Asia/Tokyo"))).toEqual(["y2021"]);
    expect(ids(postsOnThisDay(posts, "2026-11-30", "Asia/Tokyo"))).toEqual(["y2024", "y2019"]);
    // 2024-11-30T08:00Z is 03:00 on the 30th in New York; 2019-11-30T12:00Z is 07:00 on the 30th.
    expect(ids(postsOnThisDay(posts, "2026-11-30", "America/New_York"))).toEqual(["y2024", "y2021", "y2019"]);
  });

  it("respects the offset written in createdAt", () => {
    const p = [post("offset", "2020-03-14T23:30:00-05:00")]; // 04:30 UTC on the 15th
    expect(ids(postsOnThisDay(p, "2026-03-15", "UTC"))).toEqual(["offset"]);
    expect(ids(postsOnThisDay(p, "2026-03-14", "America/Chicago"))).toEqual(["offset"]);
  });

  it("shows 29 February posts on 28 February of a year without a 29th, and only on the 29th in a leap year", () => {
    const p = [post("leap", "2020-02-29T12:00:00Z"), post("feb28", "2019-02-28T12:00:00Z")];
    expect(ids(postsOnThisDay(p, "2027-02-28", "UTC"))).toEqual(["leap", "feb28"]);
    expect(ids(postsOnThisDay(p, "2028-02-28", "UTC"))).toEqual(["feb28"]);
    expect(ids(postsOnThisDay(p, "2028-02-29", "UTC"))).toEqual(["leap"]);
  });

  it("refuses a date that is not in the calendar and an unknown zone", () => {
    expect(() => postsOnThisDay(posts, "2027-02-29", "UTC")).toThrow(RangeError);
    expect(() => postsOnThisDay(posts, "30/11/2026", "UTC")).toThrow(RangeError);
    expect(() => postsOnThisDay([], "2026-11-30", "Mars/Olympus")).toThrow(RangeError);
  });

  it("agrees with converting every post, for any instants and zones (the UTC pre-filter loses nothing)", () => {
    const zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/St_Johns"];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2025, 11, 31) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 365 }),
        fc.constantFrom(...zones),
        (times, dayIndex, zone) => {
          const date = new Date(Date.UTC(2026, 0, 1 + dayIndex)).toISOString().slice(0, 10);
          const p = times.map((t, i) => post(`p${i}`, new Date(t).toISOString()));
          const expected = p
            .filter((x) => {
              const local = localDateIn(Date.parse(x.createdAt!), zone);
              return (
                local.slice(5) === date.slice(5) || (date.slice(5) === "02-28" && local.slice(5) === "02-29")
              );
            })
            .map((x) => x.id)
            .sort();
          expect(ids(postsOnThisDay(p, date, zone)).sort()).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("chooseOnThisDay", () => {
  const posts = [post("a", "2020-05-12T10:00:00Z"), post("b", "2023-05-12T10:00:00Z")];

  it("picks the newest match not shown yet, then the newest again once all were shown", () => {
    expect(chooseOnThisDay(posts, "2026-05-12", "UTC")?.post.id).toBe("b");
    expect(chooseOnThisDay(posts, "2026-05-12", "UTC", new Set(["b"]))?.post.id).toBe("a");
    expect(chooseOnThisDay(posts, "2026-05-12", "UTC", new Set(["a", "b"]))?.post.id).toBe("b");
  });

  it("gives nothing on a day without posts, so a schedule falls back to its deck", () => {
    expect(chooseOnThisDay(posts, "2026-05-13", "UTC")).toBeUndefined();
  });
});

describe("helpers", () => {
  it("says years in words, by each language's plural rules", () => {
    const ago = (language: Parameters<typeof translate>[0], years: number) =>
      translate(language, "onthisday.yearsAgo", { years });
    expect(ago("en", 1)).toBe("1 year ago");
    expect(ago("en", 12)).toBe("12 years ago");
    expect(ago("fr", 1)).toBe("il y a 1 an");
    expect(ago("fr", 3)).toBe("il y a 3 ans");
    expect(ago("de", 1)).toBe("vor 1 Jahr");
    expect(ago("de", 3)).toBe("vor 3 Jahren");
    expect(ago("es", 3)).toBe("hace 3 años");
    expect(ago("pt-BR", 1)).toBe("há 1 ano");
    expect(ago("ja", 3)).toBe("3年前");
  });

  it("knows the calendar", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-13-01")).toBe(false);
    expect(isCalendarDate("2027-1-01")).toBe(false);
  });
});

describe("answerOnThisDay", () => {
  let library: Library;
  const now = new Date("2026-03-14T10:00:00Z");
  const ask = (more: Partial<Parameters<typeof answerOnThisDay>[1]> = {}) =>
    answerOnThisDay(library, { timeZone: "UTC", now, userId: "42", ephemeral: false, ...more });

  beforeAll(async () => {
    // A copy: loading writes the search index's cache beside the collection.
    const copy = join(mkdtempSync(join(tmpdir(), "curator-otd-")), "posts.json");
    copyFileSync(new URL("./fixtures/on-this-day.json", import.meta.url), copy);
    library = await loadLibrary(copy);
  });

  it("lists today's posts of earlier years, five a page, newest first, with how long ago and paging buttons", () => {
    const reply = ask();
    expect(reply.isError).toBeUndefined();
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe("On this day: 14 March");
    expect(embed.footer?.text).toBe("14 posts · page 1/3 · dates in UTC");
    expect(embed.description?.split("\n\n")[0]).toBe(
      "**1. Pi day 2024** · 2 years ago · 2024-03-14\nNotes from 2024-03-14: pi day 2024\\.",
    );
    const [menu, buttons] = reply.components;
    const options = (menu!.components[0] as { options: { value: string }[] }).options;
    expect(options.map((o) => o.value)).toEqual([
      "pi-day-2024",
      "pi-day-2023",
      "pi-day-2022",
      "pi-day-2021",
      "pi-day-2020",
    ]);
    const next = buttons!.components[1] as { custom_id: string; disabled: boolean };
    expect(next.disabled).toBe(false);
    expect(decodeCustomId(next.custom_id)).toEqual({
      kind: "onThisDay",
      userId: "42",
      page: 1,
      date: "2026-03-14",
      timeZone: "UTC",
    });
  });

  it("hides the text of a post behind its content warning", () => {
    const last = ask({ page: 2 }).embeds[0]!.description!;
    expect(last).toContain("15 years ago");
    expect(last).toContain("**CW: pie recipes** ||The spoiler text of a warned post.||");
  });

  it("takes today in the server's zone: in Tokyo the afternoon posts of 14 March UTC are on the 15th", () => {
    const reply = ask({ timeZone: "Asia/Tokyo", now: new Date("2026-03-13T20:00:00Z") });
    expect(reply.embeds[0]!.title).toBe("On this day: 14 March");
    expect(reply.embeds[0]!.description).toContain("Pi day in Tokyo, not in London");
    expect(reply.embeds[0]!.footer?.text).toBe("2 posts · page 1/1 · dates in Asia/Tokyo");
  });

  it("takes another date, and shows the last page for a page past the end", () => {
    expect(ask({ date: "2027-03-15" }).embeds[0]!.description).toContain("The ides of March");
    expect(ask({ page: 99 }).embeds[0]!.footer?.text).toContain("page 3/3");
  });

  it("says clearly when there is nothing, or when the date or zone is wrong", () => {
    expect(ask({ date: "2026-07-01" }).embeds[0]!.description).toMatch(
      /^No posts from 1 July in years before 2026/,
    );
    expect(ask({ date: "2027-02-29" }).embeds[0]!.description).toBe(
      "date: 2027-02-29 is not a day in the calendar.",
    );
    expect(ask({ date: "14 March" }).embeds[0]!.description).toMatch(/must look like 2026-05-12/);
    expect(ask({ timeZone: "Mars/Olympus" }).isError).toBe(true);
  });
});

describe("/onthisday in the console", () => {
  async function run(args: string[], lines?: string[]) {
    const copy = join(mkdtempSync(join(tmpdir(), "curator-otd-")), "posts.json");
    copyFileSync(new URL("./fixtures/on-this-day.json", import.meta.url), copy);
    const output = new PassThrough();
    const errorOutput = new PassThrough();
    let out = "";
    let err = "";
    output.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    errorOutput.on("data", (c: Buffer) => {
      err += c.toString("utf8");
    });
    const code = await runConsole(args, {
      collectionPath: copy,
      output,
      errorOutput,
      env: { CURATOR_HISTORY: "" },
      ...(lines ? { input: Readable.from(lines.map((l) => `${l}\n`)) } : {}),
    });
    return { code, out, err };
  }

  it("lists a day's posts and turns the page with `next`", async () => {
    const { code, out } = await run([], ["/onthisday date:2026-03-14", "next"]);
    expect(code).toBe(0);
    expect(out).toContain("== On this day: 14 March ==");
    expect(out).toContain("14 posts · page 1/3 · dates in UTC");
    expect(out).toContain("14 posts · page 2/3 · dates in UTC");
    expect(out).toContain("7 years ago · 2019-03-14");
  });

  it("exits 2 on a date that is not in the calendar, 1 on a day without posts", async () => {
    expect((await run(["onthisday", "date:2027-02-29"])).code).toBe(2);
    const empty = await run(["onthisday", "date:2026-07-01"]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain("No posts from 1 July in years before 2026");
  });
});
