import { ButtonStyle, ComponentType } from "discord.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { answerAbout } from "../src/answers/about.js";
import type { Library } from "../src/discord/context.js";
import { postPages, renderPost } from "../src/discord/render-post.js";
import { setPublicUrl } from "../src/discord/web-links.js";
import { joinTexts } from "../src/importers/threads.js";
import type { Post } from "../src/library/post.js";
import { loadLibrary } from "../src/load-library.js";
import { partOfPage, threadParts } from "../src/web/post-parts.js";

const USER = "80351110224678912";
let library: Library;

beforeAll(async () => {
  library = await loadLibrary(new URL("../data/posts.json", import.meta.url).pathname);
});
afterEach(() => setPublicUrl(undefined));

const post = (id: string) => library.collection.byId.get(id)!;
const linkButtons = (reply: ReturnType<typeof renderPost>) =>
  reply.components
    .flatMap((row) => row.components)
    .filter((c) => c.type === ComponentType.Button && c.style === ButtonStyle.Link);

describe("Discord links to the web archive (PUBLIC_URL)", () => {
  it("links a post's title to its page, and adds 'Read on the web' beside the page buttons of a long post", () => {
    setPublicUrl("https://curator.example/archive/");
    const long = post("bellard");
    expect(postPages(long).length).toBeGreaterThan(1);
    for (const page of [0, 1]) {
      const reply = renderPost(long, { userId: USER, page });
      expect(reply.embeds[0]?.url).toBe("https://curator.example/archive/p/bellard");
      const row = reply.components[0]!.components;
      expect(row.map((c) => ("label" in c ? c.label : ""))).toEqual([
        "Previous",
        "Next",
        "Read on the web",
        "Save",
      ]);
      expect(linkButtons(reply)).toEqual([
        {
          type: ComponentType.Button,
          style: ButtonStyle.Link,
          label: "Read on the web",
          // Page 2 starts inside the thread's ninth post, the archive's part 9 (see the next test).
          url: `https://curator.example/archive/p/bellard${page > 0 ? "#part-9" : ""}`,
        },
      ]);
    }
    const short = renderPost(post("lr-decay"), { userId: USER });
    expect(short.embeds[0]?.url).toBe("https://curator.example/archive/p/lr-decay");
    // A short post has no page buttons: only Save.
    expect(
      short.components.flatMap((row) => row.components.map((c) => ("label" in c ? c.label : ""))),
    ).toEqual(["Save"]);
  });

  it("sends each Discord page to the part of the thread it starts in, or to the same page without parts", () => {
    setPublicUrl("https://curator.example");
    const webLink = (post: Post, page: number) =>
      linkButtons(renderPost(post, { userId: USER, page }))[0]!.url;
    // A thread of posts of many lengths, with markdown to escape (which moves Discord's cuts against the text).
    const texts = Array.from(
      { length: 14 },
      (_, i) => `Post ${i + 1} of the *thread* _here_: ${"word ".repeat(20 + ((i * 37) % 90))}end ${i + 1}.`,
    );
    const synthetic: Post = { id: "synthetic", ...joinTexts(texts), topics: [], links: [], mentions: [] };
    for (const thread of [post("bellard"), synthetic]) {
      const id = thread.id;
      const pages = postPages(thread);
      const parts = threadParts(thread.text, thread.parts!);
      expect(pages.length, id).toBeGreaterThan(1);
      for (let page = 1; page < pages.length; page++) {
        const part = Number(/#part-(\d+)$/.exec(webLink(thread, page))![1]);
        // The page's first words are in that part (Discord's page is escaped markdown).
        const opening = pages[page]!.replace(/\\(.)/g, "$1").split(/\s+/).slice(0, 3).join(" ");
        expect(parts[part - 1], `${id} page ${page + 1}`).toContain(opening);
        expect(partOfPage(thread, page)).toBe(part);
      }
    }
    expect(partOfPage(post("bellard"), 0)).toBe(1);
    // Without recorded parts the archive marks Discord's pages: page N is part N.
    const { parts: _, ...paged } = post("bellard");
    expect(webLink(paged, 1)).toBe("https://curator.example/p/bellard#part-2");
    expect(webLink(paged, 0)).toBe("https://curator.example/p/bellard");
  });

  it("keeps the source link on the author when the title goes to the archive", () => {
    setPublicUrl("https://curator.example");
    const withSource = { ...post("lr-decay"), author: "Ada", url: "https://source.example/1" };
    const embed = renderPost(withSource, { userId: USER }).embeds[0]!;
    expect(embed.url).toBe("https://curator.example/p/lr-decay");
    expect(embed.author).toEqual({ name: "Ada", url: "https://source.example/1" });
  });

  it("changes nothing without PUBLIC_URL", () => {
    const withSource = { ...post("bellard"), author: "Ada", url: "https://source.example/1" };
    const reply = renderPost(withSource, { userId: USER });
    expect(reply.embeds[0]?.url).toBe("https://source.example/1");
    expect(reply.embeds[0]?.author).toEqual({ name: "Ada" });
    expect(linkButtons(reply)).toEqual([]);
    expect(
      answerAbout(library, { version: "1", startedAt: new Date(0), now: new Date(0) }).embeds[0]?.url,
    ).toBe(undefined);
  });

  it("links /about to the archive", () => {
    setPublicUrl("https://curator.example");
    const embed = answerAbout(library, { version: "1", startedAt: new Date(0), now: new Date(0) }).embeds[0]!;
    expect(embed.url).toBe("https://curator.example/");
    expect(embed.description).toContain("Read and share every post on the web: https://curator.example/");
  });
});
