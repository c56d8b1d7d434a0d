import { ButtonStyle, ComponentType } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Library } from "../src/discord/context.js";
import { decodeCustomId } from "../src/discord/custom-id.js";
import { postPages, renderPost } from "../src/discord/render-post.js";
import { COLORS, LIMITS, POST_PAGE_CHARS, type Reply } from "../src/discord/reply.js";
import type { Post } from "../src/library/post.js";
import { loadLibrary } from "../src/load-library.js";

const USER = "80351110224678912";
let library: Library;
let bellard: Post;

beforeAll(async () => {
  library = await loadLibrary(new URL("../data/posts.json", import.meta.url).pathname);
  const found = library.collection.posts.find((p) => p.topics.includes("bellard"));
  if (!found) throw new Error("the seed has no post with topic bellard");
  bellard = found;
});

function post(id: string): Post {
  const found = library.collection.byId.get(id);
  if (!found) throw new Error(`no seed post ${id}`);
  return found;
}

/** What a reader gets back from rendered text: escapes and zero-width spaces removed, whitespace normalized. */
function unescaped(text: string): string {
  return text
    .replace(/\\(.)/gsu, "$1")
    .replace(/\u200b/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

function embedChars(reply: Reply): number {
  return reply.embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

describe("renderPost", () => {
  it("renders a short seed post as one embed with its topics and links", () => {
    expect(renderPost(post("drifting-fixed-point"), { userId: USER })).toEqual({
      embeds: [
        {
          color: COLORS.post,
          title: "Your drifting model is secretly a fixed point of a Wasserstein gradient flow",
          description:
            "Your drifting model is secretly a fixed point for the Wasserstein gradient flow on...\n...the KL?\n" +
            "...an approximation to the Sinkhorn?\n...Is it even a Wasserstein gradient flow at all?\n" +
            "https://t.co/QJLh86Hi0d\n@liwenliang @agalashov @JamesTThorn @ValentinDeBort1 @ArnaudDoucet1",
          footer: { text: "id: drifting-fixed-point" },
          fields: [
            { name: "Topics", value: "`theory` `optimal-transport`", inline: true },
            { name: "Links", value: "https://t.co/QJLh86Hi0d", inline: false },
          ],
        },
      ],
      components: [saveRow("drifting-fixed-point")],
      allowedMentions: { parse: [] },
      ephemeral: false,
    } satisfies Reply);
  });

  it("escapes underscores in handles, and shows every option of the view", () => {
    expect(
      renderPost(post("symmetry-breaking"), {
        userId: USER,
        ephemeral: true,
        color: COLORS.potd,
        heading: "**Post of the day** · 2026-11-27",
      }),
    ).toEqual({
      content: "**Post of the day** · 2026-11-27",
      embeds: [
        {
          color: COLORS.potd,
          title: "Spontaneous symmetry breaking, Goldstone modes and deep learning",
          description:
            "We have a new paper out on spontaneous symmetry breaking, Goldstone modes, and deep learning!\n" +
            "This is work with the amazing team of @t\\_andy\\_keller @YueSong48287250 @takeru\\_miyato @wellingmax.\n" +
            "A brief thread on a marriage of physics and ML. (Link at end).",
          footer: { text: "id: symmetry-breaking" },
          fields: [{ name: "Topics", value: "`physics` `theory`", inline: true }],
        },
      ],
      components: [saveRow("symmetry-breaking")],
      allowedMentions: { parse: [] },
      ephemeral: true,
    } satisfies Reply);
  });

  it("shows author, url, timestamp and the pinned day, and titles an untitled post with its first line", () => {
    const full: Post = {
      id: "p1",
      text: "First line of the post\nsecond line",
      topics: [],
      links: [],
      mentions: [],
      author: "Ada",
      url: "https://example.org/p/1",
      createdAt: "2026-05-12T10:00:00+02:00",
      day: "05-12",
    };
    expect(renderPost(full, { userId: USER })).toEqual({
      embeds: [
        {
          color: COLORS.post,
          title: "First line of the post",
          description: "First line of the post\nsecond line",
          footer: { text: "id: p1 · every 12 May" },
          url: "https://example.org/p/1",
          author: { name: "Ada" },
          timestamp: "2026-05-12T08:00:00.000Z",
        },
      ],
      components: [saveRow("p1")],
      allowedMentions: { parse: [] },
      ephemeral: false,
    } satisfies Reply);
  });

  describe("a long thread (the Bellard post)", () => {
    it("is cut into pages within the page size and Discord's description limit", () => {
      const pages = postPages(bellard);
      expect(pages.length).toBe(3);
      for (const page of pages) {
        expect(page.length).toBeLessThanOrEqual(POST_PAGE_CHARS);
        expect(page.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      }
    });

    it("loses nothing: the pages joined give back the whole text", () => {
      const pages = Array.from({ length: 3 }, (_, page) => renderPost(bellard, { userId: USER, page }));
      const joined = pages.map((r) => r.embeds[0]?.description ?? "").join(" ");
      expect(unescaped(joined)).toBe(unescaped(bellard.text));
    });

    it("numbers its pages in the footer and shows topics only on the last page", () => {
      const footers = [0, 1, 2].map(
        (page) => renderPost(bellard, { userId: USER, page }).embeds[0]?.footer?.text,
      );
      expect(footers).toEqual(["id: bellard · page 1/3", "id: bellard · page 2/3", "id: bellard · page 3/3"]);
      expect(renderPost(bellard, { userId: USER, page: 0 }).embeds[0]?.fields).toBeUndefined();
      expect(renderPost(bellard, { userId: USER, page: 2 }).embeds[0]?.fields).toEqual([
        { name: "Topics", value: "`bellard` `software-history`", inline: true },
      ]);
    });

    it.each([
      [0, { prev: 0, prevDisabled: true, next: 1, nextDisabled: false }],
      [1, { prev: 0, prevDisabled: false, next: 2, nextDisabled: false }],
      [2, { prev: 1, prevDisabled: false, next: 3, nextDisabled: true }],
    ])("on page %i has Previous/Next buttons leading to the right pages", (page, want) => {
      const reply = renderPost(bellard, { userId: USER, page });
      expect(reply.components).toHaveLength(1);
      const [prev, next] = reply.components[0]?.components ?? [];
      expect(prev).toMatchObject({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Previous",
      });
      expect(next).toMatchObject({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Next" });
      const ids = [prev, next].map((b) => (b && "custom_id" in b ? b.custom_id : ""));
      expect(ids.map(decodeCustomId)).toEqual([
        { kind: "postPage", userId: USER, page: want.prev, postId: bellard.id },
        { kind: "postPage", userId: USER, page: want.next, postId: bellard.id },
      ]);
      expect(new Set(ids).size).toBe(2);
      expect(prev && "disabled" in prev && prev.disabled).toBe(want.prevDisabled);
      expect(next && "disabled" in next && next.disabled).toBe(want.nextDisabled);
    });

    it("clamps a page out of range to the first or last page", () => {
      expect(renderPost(bellard, { userId: USER, page: 99 })).toEqual(
        renderPost(bellard, { userId: USER, page: 2 }),
      );
      expect(renderPost(bellard, { userId: USER, page: -5 })).toEqual(
        renderPost(bellard, { userId: USER, page: 0 }),
      );
    });

    it("stays within 6,000 characters per message on every page", () => {
      for (const page of [0, 1, 2]) {
        expect(embedChars(renderPost(bellard, { userId: USER, page }))).toBeLessThanOrEqual(
          LIMITS.embedTotal,
        );
      }
    });
  });

  describe("escaping", () => {
    const tricky: Post = {
      id: "tricky",
      title: "Tricky",
      text:
        "Hey @everyone and @here, read *this* and _that_ with `code`.\n# Not a heading\n> not a quote\n" +
        "-# not small\n[masked](https://evil.example/x) and https://example.org/some_path_with_underscores?q=a_b*c",
      topics: [],
      links: ["https://example.org/some_path_with_underscores?q=a_b*c"],
      mentions: [],
    };

    it("escapes markdown and defuses @everyone/@here, but leaves links as written", () => {
      const description = renderPost(tricky, { userId: USER }).embeds[0]?.description;
      expect(description).toBe(
        "Hey @\u200beveryone and @\u200bhere, read \\*this\\* and \\_that\\_ with \\`code\\`.\n\\# Not a heading\n" +
          "\\> not a quote\n\\-# not small\n\\[masked\\](https://evil.example/x) and " +
          "https://example.org/some_path_with_underscores?q=a_b*c",
      );
    });

    it.each([
      ["# heading words", "\\# heading words"],
      ["> quoted", "\\> quoted"],
      ["- item", "\\- item"],
      ["1. first", "1\\. first"],
      ["-# small", "\\-# small"],
    ])("escapes %j mid-line too, since it can start the next page", (tail, page2) => {
      const long: Post = {
        id: "long",
        text: `${"a".repeat(1799)} ${tail}`,
        topics: [],
        links: [],
        mentions: [],
      };
      expect(postPages(long)).toEqual(["a".repeat(1799), page2]);
    });

    it("never lets the Links field or a mention ping anyone", () => {
      const reply = renderPost(tricky, { userId: USER });
      expect(reply.allowedMentions).toEqual({ parse: [] });
      expect(reply.embeds[0]?.fields).toEqual([
        { name: "Links", value: "https://example.org/some_path_with_underscores?q=a_b*c", inline: false },
      ]);
    });
  });

  it("keeps a long list of links within a field, saying how many did not fit", () => {
    const links = Array.from({ length: 60 }, (_, i) => `https://example.org/a/very/long/path/number/${i}`);
    const many: Post = { id: "links", text: "links", topics: [], links, mentions: [] };
    const field = renderPost(many, { userId: USER }).embeds[0]?.fields?.[0];
    expect(field?.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    expect(field?.value).toMatch(/\n… and \d+ more$/u);
    const shown = field?.value.split("\n").filter((l) => l.startsWith("https://")).length ?? 0;
    expect(field?.value.endsWith(`… and ${60 - shown} more`)).toBe(true);
  });
});

/** The row with the Save button that every short post carries. */
function saveRow(postId: string): Reply["components"][number] {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Save",
        emoji: { name: "🔖" },
        custom_id: `sv|${postId}`,
      },
    ],
  };
}
