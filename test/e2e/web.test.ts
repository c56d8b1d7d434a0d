import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fake-discord/index.js";
import { type BotProcess, startBotAgainstFake } from "./bot-process.js";

type Body = { type: number; data: any };
const PUBLIC_URL = "https://curator.example";

let fake: FakeDiscord;
let bot: BotProcess;
let archive: string;

/** A port nothing listens on right now, for WEB_PORT. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

beforeAll(async () => {
  const port = await freePort();
  ({ fake, bot } = await startBotAgainstFake({
    env: { WEB_PORT: String(port), WEB_HOST: "127.0.0.1", PUBLIC_URL },
  }));
  const listening = await bot.waitForLog("web archive listening");
  archive = String(listening.url);
}, 90_000);

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
});

describe("the bot with WEB_PORT and PUBLIC_URL", () => {
  it("serves the archive, with the server's post of the day on the home page", async () => {
    expect(archive).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const potd = (await fake.sendInteraction(fake.slashCommand({ name: "potd" }))) as Body;
    const title: string = potd.data.embeds[0].title;
    const home = await fetch(`${archive}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const section = html.slice(html.indexOf('id="potd-heading"'), html.indexOf("</section>"));
    expect(section).toContain(`${title.replace(/&/g, "&amp;").replace(/'/g, "&#39;")}</a>`);
    expect(section).toContain(potd.data.embeds[0].url.slice(PUBLIC_URL.length));
    expect((await fetch(`${archive}/p/bellard`)).status).toBe(200);
  });

  it("links embeds to the archive and long posts to 'Read on the web'", async () => {
    const body = (await fake.sendInteraction(
      fake.slashCommand({ name: "post", options: { id: "bellard" } }),
    )) as Body;
    expect(body.data.embeds[0].url).toBe(`${PUBLIC_URL}/p/bellard`);
    const link = body.data.components[0].components.find((c: any) => c.style === 5);
    expect(link).toMatchObject({ label: "Read on the web", url: `${PUBLIC_URL}/p/bellard` });
    const about = (await fake.sendInteraction(fake.slashCommand({ name: "about" }))) as Body;
    expect(about.data.embeds[0].url).toBe(`${PUBLIC_URL}/`);
  });
});
