import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotAgainstFake, POTD_CHANNEL, startBotAgainstFake } from "./bot-process.js";

const admin = { permissions: PermissionFlagsBits.Administrator };
let run: BotAgainstFake;

beforeAll(async () => {
  run = await startBotAgainstFake({ env: { CURATOR_DB: ":memory:" } });
}, 90_000);
afterAll(async () => {
  await run?.stop();
});

async function schedule(subcommand: string, options: Record<string, string> = {}) {
  return (await run.fake.sendInteraction(
    run.fake.slashCommand({ name: "schedule", subcommand, options, ...admin }),
  )) as unknown as {
    data: { embeds: { description?: string; fields?: { name: string; value: string }[] }[] };
  };
}

async function zones(typed: string): Promise<{ name: string; value: string }[]> {
  const body = (await run.fake.sendInteraction(
    run.fake.autocomplete({
      name: "schedule",
      subcommand: "set",
      options: { timezone: typed },
      focused: "timezone",
      ...admin,
    }),
  )) as unknown as { data: { choices: { name: string; value: string }[] } };
  return body.data.choices;
}

describe("/schedule for a new admin", () => {
  it("finds zones by abbreviation and by country", async () => {
    expect((await zones("CET")).slice(0, 2)).toEqual([
      { name: "Europe/Paris (CET)", value: "Europe/Paris" },
      { name: "Europe/Berlin (CET)", value: "Europe/Berlin" },
    ]);
    expect((await zones("PST"))[0]).toEqual({
      name: "America/Los_Angeles (PST)",
      value: "America/Los_Angeles",
    });
    expect((await zones("India"))[0]).toEqual({ name: "Asia/Kolkata (India)", value: "Asia/Kolkata" });
    expect((await zones("japan"))[0]).toEqual({ name: "Asia/Tokyo (Japan)", value: "Asia/Tokyo" });
    expect((await zones("paris")).map((c) => c.value)).toContain("Europe/Paris");
  });

  it("takes time:0:00, and says the first post goes out within a minute because the time has passed", async () => {
    const set = await schedule("set", { channel: POTD_CHANNEL, time: "0:00", timezone: "UTC" });
    const text = set.data.embeds[0]!.description!;
    expect(text).toContain(`<#${POTD_CHANNEL}> at 00:00 UTC`);
    expect(text).toMatch(
      /The next one goes out today at <t:\d+:t> \(<t:\d+:R>\), because 00:00 has passed\./u,
    );
    // The scheduler keeps that promise.
    await run.fake.waitForRequest(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${POTD_CHANNEL}/messages`),
      75_000,
    );
  }, 90_000);

  it("shows the next post as a Discord timestamp in /schedule status", async () => {
    await schedule("set", { channel: POTD_CHANNEL, time: "9:30", timezone: "Asia/Kolkata" });
    const status = await schedule("status");
    const fields = Object.fromEntries(status.data.embeds[0]!.fields!.map((f) => [f.name, f.value]));
    // Stored as the zone's canonical spelling, which for Kolkata depends on the ICU version.
    expect(fields["Where and when"]).toMatch(
      new RegExp(`^<#${POTD_CHANNEL}> at 09:30 Asia/(Kolkata|Calcutta)$`, "u"),
    );
    expect(fields["Next post"]).toMatch(
      /^<t:\d+:f> \(<t:\d+:R>\); \d{4}-\d\d-\d\d 09:30 Asia\/(Kolkata|Calcutta) \(.* UTC\)$/u,
    );
    const unix = Number(/<t:(\d+):f>/u.exec(fields["Next post"]!)![1]);
    // 09:30 in Kolkata is 04:00 UTC, tomorrow (today's post is out).
    expect(new Date(unix * 1000).toISOString()).toMatch(/T04:00:00\.000Z$/u);
  });
});
