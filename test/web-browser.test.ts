/**
 * The web archive in a real headless Chromium (see test/web/chromium.ts): typing, clicking and tabbing as a reader
 * does, axe-core's accessibility rules, a phone-sized screen, and a hostile post. One browser for the whole file.
 * `UPDATE_SCREENSHOTS=1` writes the screenshots to docs/web/ (committed, shown in the README); otherwise they go to
 * a temporary folder, and their size is checked either way.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANYONE, postPages, renderPost } from "../src/discord/render-post.js";
import { setPublicUrl } from "../src/discord/web-links.js";
import { partOfPage, threadParts } from "../src/web/post-parts.js";
import { archivePosts, type RunningArchive, startArchive, XSS_MARK } from "./web/archive-fixture.js";
import { launchChromium } from "./web/chromium.js";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOT_BYTES = 200 * 1024;
const update = process.env.UPDATE_SCREENSHOTS === "1";
const shots = update
  ? fileURLToPath(new URL("../docs/web/", import.meta.url))
  : mkdtempSync(join(tmpdir(), "curator-shots-"));

let web: RunningArchive;
let browser: Browser;
let desktop: BrowserContext;
let phone: BrowserContext;

beforeAll(async () => {
  [web, browser] = await Promise.all([startArchive(), launchChromium()]);
  // axe is injected as a script: CSP (script-src 'self') would refuse it, so only the test's context bypasses it.
  desktop = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, reducedMotion: "reduce" });
  phone = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  mkdirSync(shots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  if (!update) rmSync(shots, { recursive: true, force: true });
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${web.url}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  return page;
}

/** axe-core's serious and critical violations on the page, as "rule: first target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  // Expressions as strings: the tests are type-checked without the DOM library.
  const results = await page.evaluate<axe.AxeResults>('axe.run(document, { resultTypes: ["violations"] })');
  return (results.violations as axe.Result[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(shots, `${name}.png`);
  // CSS pixels: a phone screenshot at device scale 2 would be four times the bytes for the same view.
  await page.screenshot({ path, scale: "css" });
  expect(statSync(path).size, name).toBeLessThanOrEqual(SCREENSHOT_BYTES);
}

describe("the web archive in Chromium", () => {
  it("suggests posts as you type, opens one, and shows a paged thread whole on one page, its parts marked", async () => {
    const page = await open(desktop, "/");
    await page.locator("#q").pressSequentially("bella", { delay: 20 });
    await expect.poll(() => page.locator("#suggestions a").count()).toBeGreaterThan(0);
    await screenshot(page, "home-desktop");
    await page.locator("#suggestions a", { hasText: "Fabrice Bellard" }).click();
    await page.waitForURL(`${web.url}/p/bellard`);
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Fabrice Bellard, the quiet engineer behind FFmpeg and QEMU");
    const bellard = web.library.collection.byId.get("bellard")!;
    const last = bellard.text.split("\n").at(-1)!;
    expect(await page.getByText(last.slice(0, 60)).isVisible()).toBe(true);
    // Discord pages the thread; the archive shows it whole, each of its 17 original posts marked as a part: a
    // region named by its heading, holding that post's words and not the next one's.
    expect(postPages(bellard).length).toBeGreaterThan(1);
    const parts = threadParts(bellard.text, bellard.parts!);
    const count = parts.length;
    expect(count).toBe(17);
    expect(await page.getByRole("heading", { name: /^Part \d+ of \d+$/ }).allTextContents()).toEqual(
      Array.from({ length: count }, (_, i) => `Part ${i + 1} of ${count}`),
    );
    for (const [i, part] of parts.entries()) {
      const region = page.getByRole("region", { name: `Part ${i + 1} of ${count}` });
      expect(await region.getByText(part.trim().slice(0, 50)).isVisible(), `part ${i + 1}`).toBe(true);
      const words = (await region.locator("p").allInnerTexts()).join(" ").replace(/\s+/g, " ");
      expect(words.trim(), `part ${i + 1}`).toBe(part.trim().replace(/\s+/g, " "));
    }
    await screenshot(page, "post-desktop");
    // Discord's "Read on the web" from page 2 opens the page scrolled to the part that page starts in.
    setPublicUrl(web.url);
    try {
      const button = renderPost(bellard, { userId: ANYONE, page: 1 })
        .components.flatMap((row) => row.components)
        .find((c) => "url" in c)! as { url: string };
      const anchor = new URL(button.url).hash.slice(1);
      expect(anchor).toBe(`part-${partOfPage(bellard, 1)}`);
      await page.goto(button.url);
      const top = await page.evaluate<number>(
        `document.getElementById("${anchor}").getBoundingClientRect().top`,
      );
      expect(Math.abs(top)).toBeLessThan(2);
      const opening = postPages(bellard)[1]!.replace(/\\(.)/g, "$1").split(/\s+/).slice(0, 5).join(" ");
      const region = page.getByRole("region", { name: `Part ${partOfPage(bellard, 1)} of ${count}` });
      expect(await region.getByText(opening).isVisible()).toBe(true);
    } finally {
      setPublicUrl(undefined);
    }
    await page.close();
  });

  it("can be used with the keyboard alone: skip link, search, open a result", async () => {
    const page = await open(desktop, "/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Skip to content");
    await page.keyboard.press("Tab"); // the site name
    await page.keyboard.press("Tab"); // the search box
    expect(await page.evaluate("document.activeElement.id")).toBe("q");
    await page.keyboard.type("learning rate");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=learning\+rate/);
    await screenshot(page, "search-desktop");
    // From the top of the results page: Tab until the first result's link has focus, then Enter.
    const first = web.library.index.search("learning rate", { limit: 1 }).hits[0]!.post.id;
    let focused = "";
    for (let i = 0; i < 12 && !focused.endsWith(`/p/${first}`); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate<string>('document.activeElement.href ?? ""');
    }
    expect(focused).toBe(`${web.url}/p/${first}`);
    const outline = await page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
    expect(outline).toBe("solid");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${web.url}/p/${first}`);
    await page.close();
  });

  it("has no serious or critical axe violations: desktop, phone, dark colours, a content warning", async () => {
    const found: string[] = [];
    for (const [context, paths] of [
      [desktop, ["/", "/p/hostile", "/p/bellard", "/t/notes", "/search?q=theory", "/nowhere"]],
      [phone, ["/p/bellard"]],
    ] as const) {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${web.url}${path}`);
        found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      }
      await page.close();
    }
    // A post behind a content warning: the disclosure closed, then opened from the keyboard.
    const warned = await startArchive([
      ...archivePosts(),
      {
        id: "veiled",
        title: "Spoiled ending",
        text: "The butler did it, in the library, with the candlestick.",
        topics: ["mystery"],
        links: [],
        mentions: [],
        contentWarning: "ending of the film",
      },
    ]);
    try {
      const page = await desktop.newPage();
      await page.goto(`${warned.url}/p/veiled`);
      found.push(...(await seriousViolations(page)).map((v) => `/p/veiled (closed): ${v}`));
      await page.locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await page.getByText("The butler did it").isVisible()).toBe(true);
      found.push(...(await seriousViolations(page)).map((v) => `/p/veiled (open): ${v}`));
      await page.close();
    } finally {
      await warned.close();
    }
    // Contrast again with the dark colour scheme the stylesheet switches to.
    const dark = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, colorScheme: "dark" });
    const darkPage = await dark.newPage();
    await darkPage.goto(`${web.url}/search?q=learning+rate`);
    found.push(...(await seriousViolations(darkPage)).map((v) => `dark /search: ${v}`));
    await dark.close();
    expect(found).toEqual([]);
    // The check itself works: a page with an unlabelled image and an empty link fails it.
    const bad = await desktop.newPage();
    await bad.setContent('<html><body><img src="x.png"><a href="/"></a></body></html>');
    expect((await seriousViolations(bad)).map((v) => v.split(":")[0])).toEqual(
      expect.arrayContaining(["image-alt", "link-name"]),
    );
    await bad.close();
  }, 120_000); // axe takes 1-2 s a page on a busy 2-core machine

  it("fits a phone screen without sideways scrolling", async () => {
    for (const [path, name] of [
      ["/", "home-phone"],
      ["/p/bellard", "post-phone"],
      ["/search?q=learning+rate", "search-phone"],
    ] as const) {
      const page = await open(phone, path);
      const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
        "({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })",
      );
      expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
      await screenshot(page, name);
      await page.close();
    }
  });

  it("works with JavaScript off: the search form, results and paging are plain HTML", async () => {
    const noScript = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${web.url}/`);
    await page.fill("#q", "barnacles");
    await page.press("#q", "Enter");
    await page.waitForURL(/\/search\?q=barnacles/);
    expect(await page.locator("ol.cards > li").count()).toBe(20);
    await page.click("a[rel=next]");
    await page.waitForURL(/page=2/);
    expect(await page.locator("ol.cards > li").count()).toBe(10);
    await noScript.close();
  });

  it("shows a hostile post's markup as text and runs none of it", async () => {
    const page = await open(desktop, "/p/hostile");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${web.url}/search?q=${encodeURIComponent(`script window ${XSS_MARK}`)}`);
    await page.goto(`${web.url}/p/hostile`);
    await page.hover(".meta .author");
    expect(await page.evaluate(`typeof window.${XSS_MARK}`)).toBe("undefined");
    expect(await page.locator("h1").textContent()).toBe(`</title><script>window.${XSS_MARK}=1</script>`);
    expect(await page.getByText(`<script>window.${XSS_MARK}=2</script>`).count()).toBe(1);
    expect(await page.locator(".text img, .text svg, .text script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
