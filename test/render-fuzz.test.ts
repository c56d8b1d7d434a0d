import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerPotd } from "../src/answers/potd.js";
import { answerRandom } from "../src/answers/random.js";
import type { Library } from "../src/discord/context.js";
import { escapePostText, truncate } from "../src/discord/markdown.js";
import { renderPost } from "../src/discord/render-post.js";
import { renderSearchResults } from "../src/discord/render-search.js";
import { LIMITS, type Reply } from "../src/discord/reply.js";
import { createCollection } from "../src/library/collection.js";
import { type Post, PostSchema } from "../src/library/post.js";
import { createRandomPicker } from "../src/library/random.js";
import type { SearchHit } from "../src/library/search.js";
import { createSearchIndex } from "../src/library/search.js";

/** With the u flag a surrogate pair is one code point: only a half pair is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

const MAX_TEXT = 20_000;
const USER = "99999999999999999999";
const LINK = /https?:\/\/[^\s<>"'’”)\]]+/gu;

const special = fc.constantFrom(
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "👍🏽",
  "🇫🇷",
  "שלום עולם",
  "مرحبا بالعالم",
  "\u202Ereversed\u202C",
  "@everyone",
  "@here",
  " @everyone ",
  "<@123456789012345678>",
  "*",
  "**bold**",
  "_",
  "__u__",
  "`",
  "```js\nconst x = 1;\n```",
  "\n# ",
  "\n> ",
  "\n-# ",
  "\n- ",
  "\n1. ",
  "||spoiler||",
  "~~",
  "\\",
  "\\*",
  "[masked](https://evil.example/x)",
  "https://example.org/a_b*c?d=e_f",
  " ",
  "\n",
  "\n\n",
  ". ",
  "e\u0301\u0301\u0301",
);
const piece = fc.oneof(
  { weight: 4, arbitrary: special },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 400 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 800 }).map((n) => "word ".repeat(n)) },
);

/** Cuts at MAX_TEXT UTF-16 units without leaving half a surrogate pair. */
function cap(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const code = text.charCodeAt(MAX_TEXT - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_TEXT - 1 : MAX_TEXT);
}

const text = fc.array(piece, { minLength: 1, maxLength: 120 }).map((parts) => cap(`x${parts.join("")}`));
const within = (max: number) =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: max })
    .filter((s) => s.length <= max && s.trim() !== "");
const topic = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,48}$/);
const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length < 2000);

const postArb: fc.Arbitrary<Post> = fc
  .record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      text,
      topics: fc.uniqueArray(topic, { maxLength: 80 }),
      links: fc.array(url, { maxLength: 80 }),
      mentions: fc.constant([]),
      title: within(256),
      author: within(256),
      url,
      createdAt: fc
        .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString()),
      day: fc.constantFrom("01-01", "02-29", "12-31"),
    },
    { requiredKeys: ["id", "text", "topics", "links", "mentions"] },
  )
  .map((p) => PostSchema.parse(p));

function customIds(reply: Reply): string[] {
  return reply.components.flatMap((row) =>
    row.components.flatMap((c) => ("custom_id" in c ? [c.custom_id] : [])),
  );
}

/** Every Discord message limit the renderers promise to respect. */
function expectWithinDiscordLimits(reply: Reply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect(reply.embeds.length).toBeGreaterThan(0);
  expect(reply.embeds.length).toBeLessThanOrEqual(10);
  expect(reply.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  let total = 0;
  for (const embed of reply.embeds) {
    const strings = [
      embed.title ?? "",
      embed.description ?? "",
      embed.footer?.text ?? "",
      embed.author?.name ?? "",
    ];
    expect(strings[0]!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(strings[1]!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(strings[2]!.length).toBeLessThanOrEqual(LIMITS.embedFooter);
    expect(strings[3]!.length).toBeLessThanOrEqual(256);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
      strings.push(field.name, field.value);
    }
    for (const s of strings) expect(s).not.toMatch(LONE_SURROGATE);
    // A page may start anywhere a line does not: no line of it may open a heading, quote, list or subtext.
    for (const line of (embed.description ?? "").split("\n")) {
      expect(line).not.toMatch(/^\s*(#{1,3}|>|-#|[-*]|\d+\.)\s/u);
    }
    // A mention in a description never pings, but shown plainly it looks like one: only links may carry it verbatim.
    expect((embed.description ?? "").replace(LINK, "")).not.toMatch(/@(everyone|here)/u);
    total += strings.reduce((sum, s) => sum + s.length, 0);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect(reply.components.length).toBeLessThanOrEqual(5);
  for (const row of reply.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
  }
  const ids = customIds(reply);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
  expect(new Set(ids).size).toBe(ids.length);
}

describe("rendering arbitrary posts (fast-check)", () => {
  it("keeps every page of every post within Discord's limits", () => {
    fc.assert(
      fc.property(postArb, (post) => {
        const first = renderPost(post, { userId: USER });
        const pageCount = !/page \d+\//u.test(first.embeds[0]?.footer?.text ?? "")
          ? 1
          : Number(/page \d+\/(\d+)/u.exec(first.embeds[0]?.footer?.text ?? "")?.[1]);
        expect(pageCount).toBeGreaterThanOrEqual(1);
        for (let page = 0; page < pageCount; page++) {
          expectWithinDiscordLimits(
            renderPost(post, { userId: USER, page, heading: "**Post of the day** · 2026-11-27" }),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps random and post-of-the-day answers within the limits, Another button included", () => {
    fc.assert(
      fc.property(fc.array(postArb, { minLength: 1, maxLength: 3 }), (posts) => {
        const unique = [...new Map(posts.map((p) => [p.id, p])).values()];
        const collection = createCollection(unique, {
          source: "fuzz",
          hash: "abcdef",
          loadedAt: new Date(0),
        });
        const library: Library = { collection, index: createSearchIndex(unique) };
        const reply = answerRandom(library, createRandomPicker(1), {
          userId: USER,
          callerKey: "k",
          ephemeral: false,
        });
        expectWithinDiscordLimits(reply);
        expectWithinDiscordLimits(
          answerPotd({ post: unique[0], localDate: "2026-02-28", userId: USER, ephemeral: true }),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("keeps search result pages within the limits whatever the posts and snippets", () => {
    const snippet = fc.array(
      fc.record({
        text: fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), special),
        match: fc.boolean(),
      }),
      { maxLength: 30 },
    );
    const hit: fc.Arbitrary<SearchHit> = fc.record({
      post: postArb,
      score: fc.double({ noNaN: true }),
      snippet,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(hit, { minLength: 1, maxLength: 5, selector: (h) => h.post.id }),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 63 }),
        fc.nat(50),
        (hits, query, page) => {
          const reply = renderSearchResults({
            query,
            page,
            total: page * 5 + hits.length,
            hits,
            userId: USER,
            version: "abcd",
            ephemeral: false,
            topic: { name: "a-topic", index: 46_655 },
          });
          expectWithinDiscordLimits(reply);
          const menu = reply.components[0]?.components[0];
          for (const option of menu && "options" in menu ? menu.options : []) {
            expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
            expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionDescription);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("escaping and truncating arbitrary text (fast-check)", () => {
  const noLinks = text.map((t) => t.replaceAll("http", "htp").replaceAll("\u200b", ""));

  it("loses nothing: removing the escapes gives back the text as written", () => {
    fc.assert(
      fc.property(noLinks, (t) => {
        expect(
          escapePostText(t)
            .replace(/\\(.)/gsu, "$1")
            .replace(/@\u200b/gu, "@"),
        ).toBe(t);
      }),
      { numRuns: 200 },
    );
  });

  it("leaves no inline markdown character unescaped", () => {
    fc.assert(
      fc.property(noLinks, (t) => {
        // Drop escape pairs; whatever markdown character remains was not escaped.
        expect(escapePostText(t).replace(/\\./gsu, "")).not.toMatch(/[*_`~|[\]\\]/u);
      }),
      { numRuns: 200 },
    );
  });

  it("truncates within max, never leaving half a surrogate pair", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.integer({ min: 1, max: 300 }),
        (t, max) => {
          const out = truncate(t, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(LONE_SURROGATE);
          if (t.length <= max) expect(out).toBe(t);
          else expect(out.endsWith("…")).toBe(true);
        },
      ),
    );
  });
});
