import { ButtonStyle, ComponentType } from "discord.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { answerAbout } from "../src/answers/about.js";
import type { Library } from "../src/discord/context.js";
import { postPages, renderPost } from "../src/discord/render-post.js";
import { setPublicUrl } from "../src/discord/web-links.js";
import { loadLibrary } from "../src/load-library.js";

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
          url: `https://curator.example/archive/p/bellard${page > 0 ? `#part-${page + 1}` : ""}`,
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
