import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { recentPosts, suggestPosts, suggestTopics } from "../src/answers/autocomplete.js";
import { describeNextRun, normalizeTime, suggestZones } from "../src/answers/schedule-input.js";
import type { Library } from "../src/discord/context.js";
import { loadLibrary } from "../src/load-library.js";
import type { PotdSchedule } from "../src/scheduler/schedule.js";

const COLLECTION = fileURLToPath(new URL("../data/posts.json", import.meta.url));
let library: Library;
beforeAll(async () => {
  library = await loadLibrary(COLLECTION);
});

describe("normalizeTime", () => {
  it.each([
    ["9:00", "09:00"],
    [" 9:05 ", "09:05"],
    ["09:00", "09:00"],
    ["18.30", "18.30".replace(".", ":")],
    ["7h15", "07:15"],
    ["25:00", "25:00"],
    ["nine", "nine"],
  ])("%j → %j", (typed, time) => {
    expect(normalizeTime(typed)).toBe(time);
  });
});

describe("suggestZones", () => {
  const values = (typed: string) => suggestZones(typed).map((c) => c.value);

  it("finds the zones an abbreviation means, first", () => {
    expect(values("cet").slice(0, 3)).toEqual(["Europe/Paris", "Europe/Berlin", "Europe/Madrid"]);
    expect(values("PST")[0]).toBe("America/Los_Angeles");
    expect(values("IST").slice(0, 3)).toEqual(["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]);
  });

  it("finds a country's zones by name or code", () => {
    expect(suggestZones("India")[0]).toEqual({ name: "Asia/Kolkata (India)", value: "Asia/Kolkata" });
    expect(values("IN")).toContain("Asia/Kolkata");
    expect(values("united states")).toContain("America/Chicago");
    expect(values("Brazil")).toContain("America/Sao_Paulo");
  });

  it("still finds zones and cities, and offers zones before anything is typed", () => {
    expect(values("europe/pa")).toContain("Europe/Paris");
    expect(values("new y")).toContain("America/New_York");
    expect(suggestZones("")).toHaveLength(25);
    expect(suggestZones("zzzz")).toEqual([]);
  });
});

describe("describeNextRun", () => {
  const at9: PotdSchedule = {
    guildId: "1",
    channelId: "2",
    at: { time: "09:00" },
    timeZone: "Europe/Paris",
    roleId: null,
    paused: false,
  } as unknown as PotdSchedule;

  it("says the post goes out at the next minute when its time has passed today", () => {
    const now = new Date("2026-11-30T09:00:20Z"); // 10:00:20 in Paris
    const tick = Date.parse("2026-11-30T09:01:00Z") / 1000;
    expect(describeNextRun(now, at9, now)).toBe(
      `today at <t:${tick}:t> (<t:${tick}:R>), because 09:00 has passed`,
    );
  });

  it("gives a Discord timestamp for a later run", () => {
    const next = new Date("2026-12-01T08:00:00Z");
    const unix = next.getTime() / 1000;
    expect(describeNextRun(next, at9, new Date("2026-11-30T09:00:00Z"))).toBe(
      `<t:${unix}:f> (<t:${unix}:R>)`,
    );
  });
});

describe("autocomplete before anything is typed", () => {
  it("offers posts (newest first, a topic's when one is chosen) instead of nothing", () => {
    const all = suggestPosts(library.index, "", { collection: library.collection });
    expect(all).toHaveLength(18);
    expect(all.map((c) => c.value)).toEqual(recentPosts(library.collection).map((p) => `id:${p.id}`));
    const theory = suggestPosts(library.index, " ", {
      collection: library.collection,
      topic: "theory",
      asId: true,
    });
    expect(theory).toHaveLength(3);
    for (const choice of theory)
      expect(library.collection.byId.get(choice.value)?.topics).toContain("theory");
  });

  it("orders dated posts newest first, then undated ones, last added first", () => {
    const posts = [
      { id: "a", createdAt: "2020-01-01T00:00:00Z" },
      { id: "b" },
      { id: "c", createdAt: "2024-01-01T00:00:00Z" },
      { id: "d" },
    ].map((p) => ({ text: p.id, topics: [], links: [], mentions: [], ...p }));
    const collection = { ...library.collection, posts } as unknown as Library["collection"];
    expect(recentPosts(collection).map((p) => p.id)).toEqual(["c", "a", "d", "b"]);
  });

  it("offers the most used topics", () => {
    expect(suggestTopics(library.collection, "").slice(0, 2)).toEqual([
      { name: "theory (3)", value: "theory" },
      { name: "representation-learning (2)", value: "representation-learning" },
    ]);
  });
});
