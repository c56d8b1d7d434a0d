import { ButtonStyle, ComponentType } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { answerAbout, formatDuration } from "../src/answers/about.js";
import { suggestPosts, suggestTopics } from "../src/answers/autocomplete.js";
import { answerPost } from "../src/answers/post.js";
import { answerPotd } from "../src/answers/potd.js";
import { answerRandom } from "../src/answers/random.js";
import { answerSearch } from "../src/answers/search.js";
import type { Library } from "../src/discord/context.js";
import { decodeCustomId, MAX_QUERY_LENGTH } from "../src/discord/custom-id.js";
import { COLORS, LIMITS, type Reply } from "../src/discord/reply.js";
import { createRandomPicker } from "../src/library/random.js";
import { loadLibrary } from "../src/load-library.js";

const USER = "80351110224678912";
const LOADED_AT = new Date("2026-11-27T08:00:00Z");
let library: Library;

beforeAll(async () => {
  library = await loadLibrary(new URL("../data/posts.json", import.meta.url).pathname, () => LOADED_AT);
});

const search = (query: string, more: { topic?: string; page?: number } = {}) =>
  answerSearch(library, { query, userId: USER, ephemeral: false, ...more });

/** The post ids of a search reply, best first, from its "open" menu. */
function resultIds(reply: Reply): string[] {
  const menu = reply.components[0]?.components[0];
  return menu && "options" in menu ? menu.options.map((o) => o.value) : [];
}

function description(reply: Reply): string {
  return reply.embeds[0]?.description ?? "";
}

describe("answerSearch", () => {
  it("ranks the learning-rate post first for `learning rate`", () => {
    const reply = search("learning rate");
    expect(reply.isError).toBeUndefined();
    expect(resultIds(reply)[0]).toBe("lr-decay");
    expect(description(reply)).toMatch(/^\*\*1\. Too much learning-rate decay in pretraining/u);
    expect(description(reply)).toContain("**learning** **rate**");
    expect(reply.embeds[0]?.footer?.text).toMatch(/^\d+ posts · page 1\/\d+$/u);
  });

  it.each([
    ["ecole", "bellard", "École"],
    ["belard", "bellard", "Bellard"],
    ["mirzakhni", "mirzakhani-birthday", "Mirzakhani"],
  ])("finds %s despite accents and typos", (query, id, bolded) => {
    const reply = search(query);
    expect(resultIds(reply)[0]).toBe(id);
    expect(description(reply)).toContain(`**${bolded}**`);
  });

  it("filters by topic, case-insensitively, and says so in the footer", () => {
    const reply = search("learning", { topic: "Theory" });
    const theory = library.collection.posts.filter((p) => p.topics.includes("theory")).map((p) => p.id);
    expect(resultIds(reply).length).toBeGreaterThan(0);
    for (const id of resultIds(reply)) expect(theory).toContain(id);
    expect(reply.embeds[0]?.footer?.text).toMatch(/ in topic theory · page 1\/1$/u);
  });

  it("refuses an unknown topic, listing topics to pick from", () => {
    const reply = search("learning", { topic: "cooking" });
    expect(reply.isError).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.color).toBe(COLORS.error);
    const some = library.collection.topics.slice(0, 10).map((t) => `\`${t.name}\``);
    expect(description(reply)).toBe(
      `There is no topic \`cooking\`. Start typing to pick one, e.g. ${some.join(", ")}.`,
    );
  });

  it("tells what to do when nothing matches", () => {
    const reply = search("zzqxjv");
    expect(reply).toEqual({
      embeds: [
        {
          color: COLORS.error,
          description:
            "No posts match “zzqxjv”. Try fewer or other words, check the spelling, or use `/random`.",
        },
      ],
      components: [],
      allowedMentions: { parse: [] },
      ephemeral: true,
      isError: true,
    } satisfies Reply);
  });

  it("asks for words when the query is blank and no topic is given", () => {
    expect(description(search("   "))).toBe(
      "Type something to search for, for example `/search query:bellard`, or pick a topic to browse it.",
    );
  });

  it("lists a topic's posts when given a topic and no words", () => {
    const reply = search("", { topic: "weather" });
    const weather = library.collection.posts.filter((p) => p.topics.includes("weather")).map((p) => p.id);
    expect(reply.isError).toBeUndefined();
    expect(reply.embeds[0]?.title).toBe("Topic: weather");
    // The seed posts have no dates: undated posts keep the collection's order.
    expect(resultIds(reply)).toStrictEqual(weather.slice(0, 5));
    expect(reply.embeds[0]?.footer?.text).toBe(
      `${weather.length} ${weather.length === 1 ? "post" : "posts"} in topic weather · page 1/${Math.ceil(weather.length / 5)}`,
    );
  });

  it("opens a post for `id:<id>`, what an autocomplete pick submits", () => {
    const reply = search("id:mosaic");
    expect(reply.embeds[0]?.title).toBe("Mosaic, a probabilistic ML weather model");
    expect(reply.embeds[0]?.footer?.text).toBe("id: mosaic");
    expect(search("id:nope").isError).toBe(true);
  });

  it("pages through results, clamping a page past the end", () => {
    const first = search("learning");
    const total = Number(/^(\d+) posts/u.exec(first.embeds[0]?.footer?.text ?? "")?.[1]);
    expect(total).toBeGreaterThan(5);
    const second = search("learning", { page: 1 });
    expect(resultIds(second)).not.toEqual(resultIds(first));
    expect(description(second)).toMatch(/^\*\*6\. /u);
    const last = Math.ceil(total / 5) - 1;
    expect(search("learning", { page: 50 })).toEqual(search("learning", { page: last }));
    expect(search("learning", { page: 50 }).embeds[0]?.footer?.text).toBe(
      `${total} posts · page ${last + 1}/${last + 1}`,
    );
  });
});

describe("answerPost", () => {
  it("opens a post by id and a page of a long one", () => {
    const reply = answerPost(library, { id: " bellard ", userId: USER, page: 1, ephemeral: true });
    expect(reply.embeds[0]?.footer?.text).toBe("id: bellard · page 2/3");
    expect(reply.ephemeral).toBe(true);
  });

  it("explains an unknown id", () => {
    expect(description(answerPost(library, { id: "nope", userId: USER, ephemeral: false }))).toBe(
      "There is no post with id `nope`. Start typing in the `id` option to pick one, or use `/search`.",
    );
  });
});

describe("answerRandom", () => {
  it("never gives a caller the same post twice in a row", () => {
    const random = createRandomPicker(1234);
    let last = "";
    for (let i = 0; i < 300; i++) {
      const reply = answerRandom(library, random, { userId: USER, callerKey: "chan:user", ephemeral: false });
      const id = reply.embeds[0]?.footer?.text.split(" · ")[0];
      expect(id).not.toBe(last);
      last = id ?? "";
    }
  });

  it("draws only from the topic asked for, and offers Another for the same topic", () => {
    const random = createRandomPicker(7);
    const reply = answerRandom(library, random, {
      topic: "Weather",
      userId: USER,
      callerKey: "k",
      ephemeral: false,
    });
    expect(reply.embeds[0]?.footer?.text).toBe("id: mosaic");
    expect(reply.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "Save",
            emoji: { name: "🔖" },
            custom_id: "sv|mosaic",
          },
        ],
      },
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: "Another",
            custom_id: `rn|${USER}|weather`,
          },
        ],
      },
    ]);
    expect(decodeCustomId(`rn|${USER}|weather`)).toEqual({ kind: "random", userId: USER, topic: "weather" });
  });

  it("puts the Another button after the page buttons of a long post", () => {
    const random = createRandomPicker(7);
    const reply = answerRandom(library, random, {
      topic: "bellard",
      userId: USER,
      callerKey: "k",
      ephemeral: false,
    });
    expect(reply.components.map((row) => row.components.map((c) => ("label" in c ? c.label : "")))).toEqual([
      ["Previous", "Next", "Save"],
      ["Another"],
    ]);
    const another = reply.components[1]?.components[0];
    expect(another && "custom_id" in another ? another.custom_id : "").toBe(`rn|${USER}|bellard`);
  });

  it("refuses an unknown topic", () => {
    const reply = answerRandom(library, createRandomPicker(1), {
      topic: "nope",
      userId: USER,
      callerKey: "k",
      ephemeral: false,
    });
    expect(reply.isError).toBe(true);
    expect(description(reply)).toMatch(/^There is no topic `nope`\. Start typing to pick one, e\.g\. `/u);
  });
});

describe("answerPotd", () => {
  it("shows the post with a heading and the potd colour", () => {
    const reply = answerPotd({
      post: library.collection.byId.get("mosaic"),
      localDate: "2026-11-27",
      userId: USER,
      ephemeral: false,
    });
    expect(reply.content).toBe("**Post of the day** · 2026-11-27");
    expect(reply.embeds[0]?.color).toBe(COLORS.potd);
  });

  it("says when there is nothing to show", () => {
    expect(
      answerPotd({ post: undefined, localDate: "2026-11-27", userId: USER, ephemeral: false }).isError,
    ).toBe(true);
  });
});

describe("answerAbout", () => {
  it("shows the number of posts, the topics, the source, the version and the uptime", () => {
    const reply = answerAbout(library, {
      version: "1.2.3",
      startedAt: new Date("2026-11-25T06:00:00Z"),
      now: new Date("2026-11-27T09:07:30Z"),
    });
    const fields = Object.fromEntries((reply.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Posts).toBe("18");
    expect(fields.Topics).toBe(String(library.collection.topics.length));
    expect(fields["Topic list"]).toContain("`theory` (3)");
    expect(fields["Topic list"]).toContain("`bellard` (1)");
    // Discord timestamps: each reader sees the time in their own zone.
    const loaded = Date.parse("2026-11-27T08:00:00.000Z") / 1000;
    expect(fields.Collection).toBe(
      `\`${library.collection.source}\`, loaded <t:${loaded}:f> (<t:${loaded}:R>)`,
    );
    expect(fields.Collection).toContain("data/posts.json");
    expect(fields.Version).toBe("Curator 1.2.3");
    expect(fields.Uptime).toBe(`2d 3h 7m, since <t:${Date.parse("2026-11-25T06:00:00Z") / 1000}:f>`);
    expect(fields.Dates).toBe("no dates in this collection");
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it.each([
    [0, "0m"],
    [-5000, "0m"],
    [59_999, "0m"],
    [61 * 60_000, "1h 1m"],
    [24 * 3_600_000, "1d 0m"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("autocomplete", () => {
  it.each(["", "l", "learn", "bellard", "ecole", "zzzz", "x".repeat(200), "id:", "😀‍🔥 שלום"])(
    "suggestPosts(%j) gives at most 25 choices with names within 100 and values that open a post",
    (typed) => {
      for (const asId of [false, true]) {
        const choices = suggestPosts(library.index, typed, { asId });
        expect(choices.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
        for (const { name, value } of choices) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(LIMITS.autocompleteName);
          expect(value.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
          const id = asId ? value : value.replace(/^id:/u, "");
          expect(library.collection.byId.has(id)).toBe(true);
          if (!asId)
            expect(search(value).embeds[0]?.footer?.text).toMatch(new RegExp(`^id: ${id}( |$)`, "u"));
        }
      }
    },
  );

  it("suggests the Bellard post for `bell`", () => {
    expect(suggestPosts(library.index, "bell")[0]).toEqual({
      name: "Fabrice Bellard, the quiet engineer behind FFmpeg and QEMU (bellard)",
      value: "id:bellard",
    });
  });

  it("suggests topics that start with, then contain, what was typed", () => {
    const names = suggestTopics(library.collection, "Th").map((c) => c.value);
    expect(names[0]).toBe("theory");
    expect(suggestTopics(library.collection, "theo")).toEqual([{ name: "theory (3)", value: "theory" }]);
    const learning = suggestTopics(library.collection, "learning").map((c) => c.value);
    expect(learning).toEqual(["representation-learning"]);
  });

  it("suggests at most 25 topics, all real, for an empty prefix", () => {
    const choices = suggestTopics(library.collection, "");
    expect(choices).toHaveLength(Math.min(25, library.collection.topics.length));
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.autocompleteName);
      expect(library.collection.topics.some((t) => t.name === c.value)).toBe(true);
    }
    expect(suggestTopics(library.collection, "zzz")).toEqual([]);
  });
});
