import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { decodeCustomId } from "../src/discord/custom-id.js";
import {
  pageCount,
  RESULTS_PER_PAGE,
  renderSearchResults,
  renderSnippet,
  type SearchView,
} from "../src/discord/render-search.js";
import { COLORS, LIMITS, type Reply } from "../src/discord/reply.js";
import type { Post } from "../src/library/post.js";
import type { SearchHit } from "../src/library/search.js";

const USER = "80351110224678912";

function post(id: string, title?: string, text = `Text of ${id}`): Post {
  return { id, text, topics: [], links: [], mentions: [], ...(title ? { title } : {}) };
}

function hit(id: string, title: string, snippet: SearchHit["snippet"]): SearchHit {
  return { post: post(id, title), score: 1, snippet };
}

function view(overrides: Partial<SearchView> = {}): SearchView {
  return {
    query: "learning rate",
    page: 0,
    total: 2,
    hits: [
      hit("lr", "Learning rates", [
        { text: "too much ", match: false },
        { text: "learning", match: true },
        { text: " ", match: false },
        { text: "rate", match: true },
        { text: " decay", match: false },
      ]),
      hit("b", "B_post", [{ text: "no match *here*", match: false }]),
    ],
    userId: USER,
    version: "767f",
    ephemeral: false,
    ...overrides,
  };
}

type Row = Reply["components"][number];
const rowItems = (row: Row | undefined) => row?.components ?? [];

describe("renderSnippet", () => {
  it("bolds the matched parts and escapes each part on its own", () => {
    expect(
      renderSnippet([
        { text: "…the ", match: false },
        { text: "learning_rate", match: true },
        { text: " is *key*\nnext line", match: false },
      ]),
    ).toBe("…the **learning\\_rate** is \\*key\\* next line");
  });

  it("does not bold a match that is only whitespace", () => {
    expect(
      renderSnippet([
        { text: " ", match: true },
        { text: "x", match: false },
      ]),
    ).toBe(" x");
  });

  it("stops after 300 characters", () => {
    const long = "word ".repeat(100);
    const out = renderSnippet([
      { text: long, match: false },
      { text: "after", match: true },
    ]);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith("…")).toBe(true);
    expect(out).not.toContain("after");
  });
});

describe("renderSearchResults", () => {
  it("renders a page of results as a whole payload", () => {
    expect(renderSearchResults(view())).toEqual({
      embeds: [
        {
          color: COLORS.search,
          title: "Search: learning rate",
          description:
            "**1. Learning rates**\ntoo much **learning** **rate** decay\n\n**2. B\\_post**\nno match \\*here\\*",
          footer: { text: "2 posts · page 1/1" },
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: "so|767f",
              placeholder: "Open a result in full",
              options: [
                { label: "1. Learning rates", description: "too much learning rate decay", value: "lr" },
                { label: "2. B_post", description: "no match *here*", value: "b" },
              ],
            },
          ],
        },
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: "Previous",
              custom_id: "sp|80351110224678912|0|767f||learning rate",
              disabled: true,
            },
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: "Next",
              custom_id: "sp|80351110224678912|1|767f||learning rate",
              disabled: true,
            },
          ],
        },
      ],
      allowedMentions: { parse: [] },
      ephemeral: false,
    } satisfies Reply);
  });

  it("shows 5 results per page, numbered across pages, with counts and the topic in the footer", () => {
    expect(RESULTS_PER_PAGE).toBe(5);
    expect([0, 1, 5, 6, 10, 11].map(pageCount)).toEqual([1, 1, 1, 2, 2, 3]);
    const hits = ["a", "b", "c", "d", "e"].map((id) => hit(id, `Title ${id}`, [{ text: id, match: false }]));
    const reply = renderSearchResults(
      view({ hits, total: 12, page: 1, topic: { name: "theory", index: 7 }, ephemeral: true }),
    );
    const embed = reply.embeds[0];
    expect(embed?.description?.match(/^\*\*\d+\. /gmu)).toEqual([
      "**6. ",
      "**7. ",
      "**8. ",
      "**9. ",
      "**10. ",
    ]);
    expect(embed?.footer?.text).toBe("12 posts in topic theory · page 2/3");
    expect(reply.ephemeral).toBe(true);

    const [menu] = rowItems(reply.components[0]);
    expect(menu && "options" in menu ? menu.options.map((o) => [o.label, o.value]) : []).toEqual([
      ["6. Title a", "a"],
      ["7. Title b", "b"],
      ["8. Title c", "c"],
      ["9. Title d", "d"],
      ["10. Title e", "e"],
    ]);

    const ids = rowItems(reply.components[1]).map((b) =>
      "custom_id" in b ? decodeCustomId(b.custom_id) : undefined,
    );
    expect(ids).toEqual([
      { kind: "searchPage", userId: USER, page: 0, version: "767f", topic: 7, query: "learning rate" },
      { kind: "searchPage", userId: USER, page: 2, version: "767f", topic: 7, query: "learning rate" },
    ]);
    expect(rowItems(reply.components[1]).map((b) => "disabled" in b && b.disabled)).toEqual([false, false]);
  });

  it("says 1 post, not 1 posts", () => {
    expect(
      renderSearchResults(view({ total: 1, hits: view().hits.slice(0, 1) })).embeds[0]?.footer?.text,
    ).toBe("1 post · page 1/1");
  });

  it("disables Next on the last page only", () => {
    const onLast = renderSearchResults(view({ total: 12, page: 2 }));
    expect(rowItems(onLast.components[1]).map((b) => "disabled" in b && b.disabled)).toEqual([false, true]);
  });

  it("keeps menu labels and descriptions within 100 characters, falling back to the id", () => {
    const long = "A very long title that goes on and on ".repeat(5);
    const hits = [
      hit("long", long, [{ text: "snippet words ".repeat(20), match: false }]),
      hit("empty", "Empty snippet", []),
    ];
    const reply = renderSearchResults(view({ hits, total: 2 }));
    const [menu] = rowItems(reply.components[0]);
    const options = menu && "options" in menu ? menu.options : [];
    expect(options).toHaveLength(2);
    for (const option of options) {
      expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
      expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionDescription);
    }
    expect(options[0]?.label.endsWith("…")).toBe(true);
    expect(options[1]?.description).toBe("empty");
    expect(options.map((o) => o.value)).toEqual(["long", "empty"]);
  });
});
