import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { archivePosts, type RunningArchive, startArchive } from "./web/archive-fixture.js";

const VEILED: Post = {
  id: "veiled",
  title: "Spoiled ending",
  text: "The butler did it, in the library, with the candlestick.",
  topics: ["mystery"],
  links: [],
  mentions: [],
  contentWarning: "ending of the film",
  media: [
    { type: "image", url: "https://cdn.example.org/still.jpg", alt: "A candlestick on a <table>" },
    { type: "video", url: "https://cdn.example.org/trailer.mp4" },
  ],
  createdAt: "2026-11-01T10:00:00Z",
};

let web: RunningArchive;
beforeAll(async () => {
  web = await startArchive([...archivePosts(), VEILED]);
});
afterAll(() => web.close());

const page = async (path: string) => (await fetch(`${web.url}${path}`)).text();

describe("images and content warnings on the web archive", () => {
  it("shows a warned post behind a disclosure, its images with their alt text and its video as a link", async () => {
    const html = await page("/p/veiled");
    const details = html.slice(html.indexOf('<details class="content-warning">'), html.indexOf("</details>"));
    expect(details).toContain("<summary>Content warning: ending of the film</summary>");
    expect(details).toContain("The butler did it");
    expect(details).toContain('alt="A candlestick on a &lt;table&gt;"');
    expect(details).toContain("<figcaption>A candlestick on a &lt;table&gt;</figcaption>");
    expect(details).toMatch(/<a href="https:\/\/cdn\.example\.org\/trailer\.mp4"[^>]*>Video<\/a>/);
    // Outside the disclosure (the page's title tags and unfurl), only the warning.
    expect(html.replace(details, "")).not.toContain("butler");
  });

  it("never shows the warned text in the clear in lists, search results or the feed", async () => {
    for (const path of ["/t/mystery", "/search?q=candlestick", "/feed.xml"]) {
      const html = await page(path);
      expect(html, path).not.toContain("butler");
    }
    expect(await page("/t/mystery")).toContain("Content warning: ending of the film");
  });

  it("lets the posts' images load (CSP img-src https:) and nothing else from outside", async () => {
    const response = await fetch(`${web.url}/p/veiled`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/img-src 'self' https:/);
    expect(csp).toMatch(/script-src 'self'/);
  });
});
