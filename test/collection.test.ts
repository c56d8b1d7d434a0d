import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCollection } from "../src/library/collection.js";
import { parseCollection } from "../src/library/load.js";
import { POST_ID, type Post } from "../src/library/post.js";
import { extractLinks, extractMentions } from "../src/library/text.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const seedFixture = `${root}test/fixtures/seed/posts-seed.txt`;
const sharedSeed = `${root}../shared/seed/posts-seed.txt`;
/** sha256 of shared/seed/posts-seed.txt. */
const SEED_SHA256 = "8d61bfe0d7c0ddcfe28b47cc21401bbb13119696515da4c12de54996352b5f0c";
const bundled = readFileSync(`${root}data/posts.json`, "utf8");
const posts = JSON.parse(bundled) as Post[];

// The post table of shared/seed/README.md: 1-based line ranges of posts-seed.txt and the suggested topics.
const TABLE: [first: number, last: number, topics: string[]][] = [
  [1, 17, ["bellard", "software-history"]],
  [18, 18, ["pretraining", "optimization"]],
  [19, 36, ["agents", "causality", "rl"]],
  [37, 37, ["representation-learning", "books"]],
  [38, 38, ["compression", "representation-learning"]],
  [39, 41, ["interpretability", "distillation"]],
  [42, 48, ["essays", "work-life"]],
  [49, 54, ["theory", "optimal-transport"]],
  [55, 56, ["agi", "opinion"]],
  [57, 57, ["neurotech", "bci"]],
  [58, 60, ["weather", "releases"]],
  [61, 61, ["security", "github"]],
  [62, 64, ["bitter-lesson", "scaling"]],
  [65, 65, ["careers", "llms"]],
  [66, 68, ["physics", "theory"]],
  [69, 69, ["theory", "generalization"]],
  [70, 70, ["arxiv", "research-integrity"]],
  [71, 73, ["mathematics", "anniversaries"]],
];

// The only repairs the README allows, each on one line of the seed.
const REPAIRS: { line: number; from: string; to: string }[] = [
  { line: 21, from: "GATO \u{1F408}\u2B1B", to: "GATO \u{1F408}\u200D\u2B1B" },
  { line: 35, from: "Thanks @sama@gdb and team \uFFFD\uFFFD\uFFFD", to: "Thanks @sama @gdb and team" },
  {
    line: 54,
    from: "@liwenliang@agalashov@JamesTThorn@ValentinDeBort1@ArnaudDoucet1",
    to: "@liwenliang @agalashov @JamesTThorn @ValentinDeBort1 @ArnaudDoucet1",
  },
  {
    line: 67,
    from: "@t_andy_keller@YueSong48287250@takeru_miyato@wellingmax.",
    to: "@t_andy_keller @YueSong48287250 @takeru_miyato @wellingmax.",
  },
];

/** A seed line as the bundled collection holds it. */
function repaired(number: number, line: string): string {
  const repair = REPAIRS.find((r) => r.line === number);
  return repair ? line.replace(repair.from, repair.to) : line;
}

function expectedTexts(seed: string): string[] {
  const lines = seed.split("\n");
  for (const { line, from, to } of REPAIRS) {
    const text = lines[line - 1]!;
    expect(text.split(from), `line ${line} holds the damage once`).toHaveLength(2);
    lines[line - 1] = text.replace(from, to);
  }
  return TABLE.map(([first, last]) => lines.slice(first - 1, last).join("\n"));
}

describe("the bundled collection data/posts.json", () => {
  const seed = readFileSync(seedFixture, "utf8");

  it("is the seed, split by the README's table and repaired only as the README says", () => {
    expect(seed.split("\n")).toHaveLength(73);
    const texts = expectedTexts(seed);
    expect(posts.map((post) => post.text)).toStrictEqual(texts);
    for (const [index, post] of posts.entries()) {
      expect(Buffer.from(post.text, "utf8").equals(Buffer.from(texts[index]!, "utf8")), post.id).toBe(true);
    }
  });

  it("marks each line of a thread as a part: the offsets where the seed's lines start in the text", () => {
    const lines = seed.split("\n");
    for (const [index, [first, last]] of TABLE.entries()) {
      const post = posts[index]!;
      if (first === last) {
        expect(post.parts, post.id).toBeUndefined();
        continue;
      }
      // Each part is one line of the seed: the offsets where the repaired lines start once joined with "\n".
      const texts = expectedTexts(seed).at(index)!.split("\n");
      expect(texts, post.id).toHaveLength(last - first + 1);
      const starts = texts.map((_, i) => texts.slice(0, i).reduce((at, line) => at + line.length + 1, 0));
      expect(post.parts, post.id).toStrictEqual(starts);
      expect(
        post.parts!.map((start, i) => post.text.slice(start, post.parts![i + 1]).trimEnd()),
      ).toStrictEqual(lines.slice(first - 1, last).map((line, i) => repaired(first + i, line)));
    }
    expect(posts.filter((post) => post.parts !== undefined)).toHaveLength(10);
  });

  it("keeps no replacement character and has the black cat whole", () => {
    expect(bundled).not.toContain("\uFFFD");
    expect(posts[2]!.text).toContain("GATO \u{1F408}\u200D\u2B1B\n");
  });

  it("carries the README's suggested topics", () => {
    expect(posts.map((post) => post.topics)).toStrictEqual(TABLE.map(([, , topics]) => topics));
  });

  it("has the links and mentions that the text helpers extract", () => {
    for (const post of posts) {
      expect(post.links, post.id).toStrictEqual(extractLinks(post.text));
      expect(post.mentions, post.id).toStrictEqual(extractMentions(post.text));
    }
    expect(posts[2]!.mentions).toStrictEqual(["@GoogleDeepMind", "@OpenAI", "@sama", "@gdb"]);
    expect(posts[7]!.mentions).toHaveLength(5);
    expect(posts[14]!.mentions).toHaveLength(4);
  });

  it("has unique, URL-safe ids and short titles", () => {
    const ids = posts.map((post) => post.id);
    expect(new Set(ids).size).toBe(18);
    for (const id of ids) {
      expect(id).toMatch(POST_ID);
      expect(encodeURIComponent(id)).toBe(id);
    }
    for (const post of posts) {
      expect(post.title?.length, post.id).toBeGreaterThan(0);
      expect(post.title!.length, post.id).toBeLessThanOrEqual(80);
    }
  });

  it("invents no author, url or date, and ties only the Mirzakhani post to a day", () => {
    for (const post of posts) {
      expect(Object.keys(post), post.id).not.toContain("author");
      expect(Object.keys(post), post.id).not.toContain("url");
      expect(Object.keys(post), post.id).not.toContain("createdAt");
    }
    expect(posts.filter((post) => post.day !== undefined).map((post) => [post.id, post.day])).toStrictEqual([
      ["mirzakhani-birthday", "05-12"],
    ]);
  });

  it("validates with the loader", () => {
    const result = parseCollection(bundled, "data/posts.json");
    expect(result).toStrictEqual({ ok: true, posts });
  });

  it("is pretty-printed with two spaces", () => {
    expect(bundled).toBe(`${JSON.stringify(posts, null, 2)}\n`);
  });

  // The fixture ships with the repository, so this runs in any clone: its hash pins it to the seed as received, and
  // where the seed itself is at hand (../shared/seed/), the bytes are compared too.
  it("has a seed fixture identical to the seed (shared/seed/posts-seed.txt)", () => {
    const fixture = readFileSync(seedFixture);
    expect(createHash("sha256").update(fixture).digest("hex")).toBe(SEED_SHA256);
    if (existsSync(sharedSeed)) expect(fixture.equals(readFileSync(sharedSeed))).toBe(true);
  });
});

describe("createCollection", () => {
  const post = (id: string, topics: string[], createdAt?: string): Post => ({
    id,
    text: `text of ${id}`,
    topics,
    links: [],
    mentions: [],
    ...(createdAt ? { createdAt } : {}),
  });
  const meta = { source: "posts.json", hash: "ab".repeat(32), loadedAt: new Date("2026-01-02T03:04:05Z") };

  it("indexes posts by id and counts the posts of each topic, most used first, then by name", () => {
    const posts = [post("a", ["zeta", "beta"]), post("b", ["alpha", "zeta", "alpha"]), post("c", ["beta"])];
    const collection = createCollection(posts, meta);
    expect(collection.byId.get("b")).toBe(posts[1]);
    expect(collection.byId.size).toBe(3);
    expect(collection.topics).toStrictEqual([
      { name: "beta", count: 2 },
      { name: "zeta", count: 2 },
      { name: "alpha", count: 1 },
    ]);
    expect(collection).toMatchObject(meta);
    expect(collection.dateRange).toBeUndefined();
  });

  it("takes the date range from createdAt, comparing instants across offsets", () => {
    const collection = createCollection(
      [
        post("a", [], "2024-05-12T09:00:00+02:00"),
        post("b", []),
        post("c", [], "2024-05-12T08:30:00Z"),
        post("d", [], "2024-05-12T07:30:00Z"),
      ],
      meta,
    );
    expect(collection.dateRange).toStrictEqual({
      from: "2024-05-12T09:00:00+02:00",
      to: "2024-05-12T08:30:00Z",
    });
  });
});

describe("a post's parts (where each post of a joined thread starts)", () => {
  const text = "First post 🧵\n\nSecond post\n\nThird";
  const record = (parts: unknown, fields: Record<string, unknown> = {}) => ({
    id: "thread",
    text,
    topics: [],
    links: [],
    mentions: [],
    parts,
    ...fields,
  });
  const problemsOf = (parts: unknown, fields?: Record<string, unknown>) => {
    const result = parseCollection(JSON.stringify([record(parts, fields)]), "data/posts.json");
    return result.ok ? [] : result.problems;
  };
  const where = 'data/posts.json: post #1 (id "thread")';

  it("accepts ascending start offsets from 0, each inside the text, and keeps them", () => {
    const parts = [0, text.indexOf("Second"), text.indexOf("Third")];
    expect(parseCollection(JSON.stringify([record(parts)]), "posts.json")).toStrictEqual({
      ok: true,
      posts: [record(parts)],
    });
  });

  it("names the file, the post, the offset and what is wrong with it", () => {
    expect(problemsOf([0, 15, 15])).toStrictEqual([
      `${where}: parts[2]: must be greater than the part before it (15): parts are start offsets in ascending order`,
    ]);
    expect(problemsOf([3, 15])).toStrictEqual([
      `${where}: parts[0]: must be 0: the first part starts the text`,
    ]);
    expect(problemsOf([0, 15, 999])).toStrictEqual([
      `${where}: parts[2]: must be less than the length of text (${text.length})`,
    ]);
    expect(problemsOf([0, 1.5])).toStrictEqual([`${where}: parts[1]: must be a whole number, got 1.5`]);
    expect(problemsOf([0, -2])).toContain(`${where}: parts[1]: must not be negative`);
    expect(problemsOf([0])).toStrictEqual([
      `${where}: parts: must list at least two parts (a post of one part has none)`,
    ]);
    expect(problemsOf("0,15")).toStrictEqual([`${where}: parts: must be an array, got a string`]);
  });

  it("refuses a part that starts inside an emoji or holds only white space", () => {
    // 🧵 is two UTF-16 units: offset 12 is between them.
    expect(text.codePointAt(11)).toBe(0x1f9f5);
    expect(problemsOf([0, 12])).toStrictEqual([
      `${where}: parts[1]: must not start a part inside a character (between the two halves of a surrogate pair)`,
    ]);
    expect(problemsOf([0, 13, 15])).toStrictEqual([
      `${where}: parts[1]: starts a part that holds only white space`,
    ]);
  });

  it("reports an empty or missing text once, not once per part, and never trips over a malformed record", () => {
    expect(problemsOf([0, 5], { text: " " })).toStrictEqual([`${where}: text: must not be empty`]);
    expect(problemsOf([0, 5], { text: undefined })).toStrictEqual([`${where}: text: is required`]);
    expect(problemsOf([0, 5], { text: 42 })).toStrictEqual([
      `${where}: text: must be a string, got a number`,
    ]);
    expect(problemsOf({ 0: 0, 1: 5, length: 2 })).toStrictEqual([
      `${where}: parts: must be an array, got an object`,
    ]);
    expect(problemsOf([0, "5"])).toStrictEqual([`${where}: parts[1]: must be a number, got a string`]);
  });
});
