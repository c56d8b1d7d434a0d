import { describe, expect, it } from "vitest";
import { replyToText } from "../src/console/render-text.js";
import { renderPost } from "../src/discord/render-post.js";
import { renderSearchResults } from "../src/discord/render-search.js";
import { parseCollection } from "../src/library/load.js";
import type { Post } from "../src/library/post.js";

const USER = "80351110224678912";
const image = (n: number, alt?: string) => ({
  type: "image" as const,
  url: `https://img.example/${n}.jpg`,
  ...(alt && { alt }),
});

const base: Post = {
  id: "pics",
  text: "Five photos and a clip from the trip",
  topics: [],
  links: [],
  mentions: [],
  url: "https://social.example/@ann/1",
};

describe("media in Discord", () => {
  const post: Post = {
    ...base,
    media: [
      image(1, "A heron in the reeds"),
      image(2),
      { type: "video", url: "https://video.example/clip.mp4" },
      image(3, "Sunset"),
      image(4),
      image(5, "Not in the gallery"),
      { type: "gif", url: "https://video.example/dance.mp4" },
    ],
  };

  it("shows the first image in the post's embed and up to four as a gallery sharing the post's url", () => {
    const reply = renderPost(post, { userId: USER });
    expect(reply.embeds[0]!.image).toEqual({ url: "https://img.example/1.jpg" });
    expect(reply.embeds.slice(1)).toEqual([
      { url: post.url, image: { url: "https://img.example/2.jpg" } },
      { url: post.url, image: { url: "https://img.example/3.jpg" } },
      { url: post.url, image: { url: "https://img.example/4.jpg" } },
    ]);
  });

  it("gives the alt text of the images shown, and videos, GIFs and further images as links", () => {
    const fields = renderPost(post, { userId: USER }).embeds[0]!.fields;
    expect(fields).toEqual([
      { name: "Image descriptions", value: "1. A heron in the reeds\n4. Sunset", inline: false },
      {
        name: "Media",
        value:
          "[Video 3](https://video.example/clip.mp4)\n[Image 6](https://img.example/5.jpg)\n[GIF 7](https://video.example/dance.mp4)",
        inline: false,
      },
    ]);
  });

  it("uses the first image's URL to group the gallery when the post has no URL of its own", () => {
    const { url: _url, ...noUrl } = post;
    const reply = renderPost(noUrl, { userId: USER });
    expect(reply.embeds[0]!.url).toBe("https://img.example/1.jpg");
    expect(new Set(reply.embeds.map((e) => e.url))).toEqual(new Set(["https://img.example/1.jpg"]));
  });

  it("the console lists the images as lines, and the links", () => {
    const text = replyToText(renderPost(post, { userId: USER }));
    expect(text).toContain(
      "image: https://img.example/1.jpg\nimage: https://img.example/2.jpg\nimage: https://img.example/3.jpg\nimage: https://img.example/4.jpg",
    );
    expect(text).toContain("Image descriptions: 1. A heron in the reeds\n4. Sunset");
    expect(text).toContain("[Video 3](https://video.example/clip.mp4)");
    expect(text.match(/https:\/\/social\.example\/@ann\/1/g)).toHaveLength(1);
  });
});

describe("Discord's limits", () => {
  it("keeps a post with everything at its longest within 6,000 characters and 10 embeds", () => {
    const long = (n: number) => "x".repeat(n);
    const post: Post = {
      ...base,
      title: long(256),
      author: long(256),
      text: long(5000),
      topics: Array.from({ length: 200 }, (_, i) => `topic-${i}`),
      links: Array.from({ length: 100 }, (_, i) => `https://example.com/${long(40)}/${i}`),
      media: Array.from({ length: 20 }, (_, i) => ({
        ...image(i, long(1500)),
        url: `https://img.example/${long(200)}/${i}.jpg`,
      })),
    };
    for (const withWarning of [false, true]) {
      const reply = renderPost(withWarning ? { ...post, contentWarning: long(256) } : post, {
        userId: USER,
        page: 2,
      });
      const chars = reply.embeds.reduce(
        (sum, e) =>
          sum +
          (e.title?.length ?? 0) +
          (e.description?.length ?? 0) +
          (e.footer?.text.length ?? 0) +
          (e.author?.name.length ?? 0) +
          (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
        0,
      );
      expect(chars).toBeLessThanOrEqual(6000);
      expect(reply.embeds.length).toBeLessThanOrEqual(10);
      for (const field of reply.embeds[0]!.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  });
});

describe("content warnings in Discord", () => {
  const post: Post = {
    ...base,
    id: "cw",
    text: "A huge spider in the bath | with ||pipes|| and *stars*",
    contentWarning: "spiders",
    media: [image(1, "The spider, close up"), { type: "video", url: "https://video.example/s.mp4" }],
  };

  it("shows the warning and hides the text in a spoiler; the title does not give the text away", () => {
    const embed = renderPost(post, { userId: USER }).embeds[0]!;
    expect(embed.title).toBe("CW: spiders");
    expect(embed.description).toBe(
      "**CW: spiders**\n||A huge spider in the bath \\| with \\|\\|pipes\\|\\| and \\*stars\\*||",
    );
  });

  it("puts no image in the clear: the media are links in spoilers, alt text too", () => {
    const reply = renderPost(post, { userId: USER });
    expect(reply.embeds).toHaveLength(1);
    expect(reply.embeds[0]!.image).toBeUndefined();
    expect(reply.embeds[0]!.fields).toEqual([
      { name: "Image descriptions", value: "1. ||The spider, close up||", inline: false },
      {
        name: "Media",
        value: "||[Image 1](https://img.example/1.jpg)||\n||[Video 2](https://video.example/s.mp4)||",
        inline: false,
      },
    ]);
  });

  it("keeps every page of a long post behind the warning", () => {
    const long = { ...post, text: Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ") };
    const reply = renderPost(long, { userId: USER, page: 1 });
    expect(reply.embeds[0]!.description).toMatch(/^\*\*CW: spiders\*\*\n\|\|word\d+[\s\S]*\|\|$/);
  });

  it("hides the search snippet too, and the result menu names the warning, not the words", () => {
    const reply = renderSearchResults({
      query: "spider",
      page: 0,
      total: 1,
      hits: [
        {
          post,
          score: 1,
          snippet: [
            { text: "A huge ", match: false },
            { text: "spider", match: true },
            { text: " in the bath", match: false },
          ],
        },
      ],
      userId: USER,
      version: "v1",
      ephemeral: false,
    });
    expect(reply.embeds[0]!.description).toBe(
      "**1. CW: spiders**\n**CW: spiders** ||A huge **spider** in the bath||",
    );
    const menu = reply.components[0]!.components[0]!;
    expect("options" in menu && menu.options[0]).toMatchObject({
      label: "1. CW: spiders",
      description: "CW: spiders",
    });
  });
});

describe("the collection file", () => {
  const file = (fields: object) =>
    parseCollection(
      JSON.stringify([{ id: "a", text: "t", topics: [], links: [], mentions: [], ...fields }]),
      "posts.json",
    );

  it("accepts media and a content warning", () => {
    expect(file({ media: [image(1, "alt")], contentWarning: "spoilers" })).toMatchObject({ ok: true });
  });

  it("names the post and field of a bad media entry", () => {
    const result = file({ media: [{ type: "audio", url: "https://a.example/x.mp3" }] });
    expect(result).toEqual({
      ok: false,
      problems: [
        'posts.json: post #1 (id "a"): media[0].type: Invalid option: expected one of "image"|"video"|"gif"',
      ],
    });
    const relative = file({ media: [{ type: "image", url: "/media/1.png" }] });
    expect(relative).toEqual({
      ok: false,
      problems: ['posts.json: post #1 (id "a"): media[0].url: must be an http(s) URL'],
    });
  });
});
