import { ChannelType } from "discord.js";
import { describe, expect, it } from "vitest";
import { previewSourceNote } from "../src/answers/post-source.js";
import { renderScheduleList } from "../src/answers/schedule.js";
import { headingTemplateError, schedulePatch } from "../src/answers/schedule-options.js";
import { postOfTheDayMarker, renderPostOfTheDay } from "../src/discord/render-potd.js";
import { withLanguage } from "../src/i18n/translate.js";
import { headingDate, plainHeading, renderHeading } from "../src/library/heading.js";
import type { Post } from "../src/library/post.js";

const topics = new Set(["cats", "dogs"]);
const text = { id: "c1", type: ChannelType.GuildText };
const forum = { id: "f1", type: ChannelType.GuildForum };
const news = { id: "n1", type: ChannelType.GuildAnnouncement };

describe("/schedule add|edit options", () => {
  it("turns options into a schedule, with the channel's kind", () => {
    expect(
      schedulePatch(
        {
          channel: text,
          time: "9:05",
          timezone: "Europe/Paris",
          days: "weekdays",
          topic: "#Cats",
          roleId: "r",
        },
        undefined,
        topics,
      ),
    ).toEqual({
      patch: {
        channelId: "c1",
        channelKind: "text",
        time: "09:05",
        timeZone: "Europe/Paris",
        days: "mon,tue,wed,thu,fri",
        topic: "cats",
        roleId: "r",
      },
    });
    expect(schedulePatch({ channel: forum }, undefined, topics)).toEqual({
      patch: { channelId: "f1", channelKind: "forum" },
    });
    expect(schedulePatch({ channel: text, threads: true }, undefined, topics)).toMatchObject({
      patch: { channelKind: "thread" },
    });
    expect(schedulePatch({ channel: news, crosspost: true }, undefined, topics)).toEqual({
      patch: { channelId: "n1", channelKind: "announcement", crosspost: true },
    });
    // Editing only the time keeps the kind; `none` and `default` clear the topic and heading.
    expect(
      schedulePatch({ time: "18:00", topic: "none", template: "default" }, { channelKind: "forum" }, topics),
    ).toEqual({ patch: { time: "18:00", topic: null, template: null } });
    // The source is a choice: either one is stored as given, and only when given.
    expect(schedulePatch({ source: "on-this-day" }, { channelKind: "text" }, topics)).toEqual({
      patch: { postSource: "on-this-day" },
    });
    expect(schedulePatch({ source: "deck" }, { channelKind: "text" }, topics)).toEqual({
      patch: { postSource: "deck" },
    });
  });

  it("names the option that is wrong and what to type", () => {
    const error = (o: Parameters<typeof schedulePatch>[0]) => {
      const result = schedulePatch(o, undefined, topics);
      return "error" in result ? result.error : "";
    };
    expect(error({ time: "25:00" })).toMatch(/`25:00` is not a time/);
    expect(error({ timezone: "Mars/Base" })).toMatch(/`Mars\/Base` is not a time zone/);
    expect(error({ days: "mon,someday" })).toMatch(/`someday` is not a day/);
    expect(error({ topic: "birds" })).toMatch(/No post has the topic `birds`/);
    expect(error({ channel: text, crosspost: true })).toMatch(/announcement channel/);
    expect(error({ channel: forum, threads: true })).toMatch(/forum channel already/);
    expect(error({ template: "Quote of {day}" })).toMatch(/`\{day\}` is not a placeholder/);
  });
});

describe("heading templates", () => {
  const post: Post = { id: "p", title: "On *cats*", text: "x", topics: ["cats"], links: [], mentions: [] };

  it("checks placeholders, one line, a length and {date}", () => {
    expect(headingTemplateError("**{topic}** of {date}: {title}")).toBeUndefined();
    expect(headingTemplateError("No date here")).toMatch(/must contain `\{date\}`/);
    expect(headingTemplateError("{date}\nsecond")).toMatch(/one line/);
    expect(headingTemplateError("{date} {")).toMatch(/not part of a placeholder/);
    expect(headingTemplateError(`{date}${"x".repeat(200)}`)).toMatch(/at most 200/);
  });

  it("renders the heading and reads the date back, after a role ping and from a forum post's name", () => {
    const template = "**{topic}** · {title} · {date}";
    const reply = renderPostOfTheDay(post, "2026-11-30", "42", { template, topic: null });
    expect(reply.content).toBe("<@&42> **cats** · On *cats* · 2026-11-30");
    expect(reply.allowedMentions).toEqual({ parse: [], roles: ["42"] });
    expect(postOfTheDayMarker(reply.content!, template)).toBe("2026-11-30");
    expect(postOfTheDayMarker(reply.content!, null)).toBeUndefined();
    const name = plainHeading(
      renderHeading(template, { date: "2026-11-30", topic: "cats", title: "On *cats*" }),
    );
    expect(name).toBe("cats · On cats · 2026-11-30");
    expect(headingDate(template, name, true)).toBe("2026-11-30");
    // The default heading reads back as it always did.
    expect(postOfTheDayMarker("**Post of the day** · 2026-11-27")).toBe("2026-11-27");
  });
});

describe("/schedule list", () => {
  it("lists each schedule by name in words, and those switched off", () => {
    const on = {
      guildId: "g",
      name: "news",
      channelId: "c",
      timeZone: "Europe/Paris",
      at: { time: "18:00" },
      days: "mon,tue,wed,thu,fri",
      topic: "cats",
      roleId: "r",
      paused: true,
      channelKind: "thread",
      crosspost: false,
      template: "{date}",
      postSource: "on-this-day",
      source: "settings",
    } as const;
    const off = { name: "old", channelId: null } as unknown as Parameters<
      typeof renderScheduleList
    >[1][number];
    const reply = renderScheduleList([on], [off]);
    expect(reply.embeds![0]!.description).toBe(
      "**news**: <#c> at 18:00 Europe/Paris, weekdays, topic `cats`, pinging <@&r>, a thread per post, heading `{date}`, on this day in earlier years, else the deck (paused)\n**old**: off",
    );
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(renderScheduleList([], []).embeds![0]!.description).toMatch(
      /no schedule\. Add one with `\/schedule add/,
    );
  });
});

describe("/schedule preview of a schedule's source", () => {
  const hit = {
    post: { id: "p", text: "t", topics: [], links: [], mentions: [] },
    yearsAgo: 1,
    localDate: "2025-03-16",
  };
  it("says which year an on-this-day post is from, or that the deck gave it; nothing for a deck schedule", () => {
    expect(
      previewSourceNote({ postSource: "on-this-day" }, { localDate: "2026-03-16", onThisDay: hit }),
    ).toBe("On this day: written 2025-03-16, 1 year ago.");
    expect(previewSourceNote({ postSource: "on-this-day" }, { localDate: "2026-03-18" })).toBe(
      "Nothing was written on this day (2026-03-18) in earlier years: this post comes from the deck.",
    );
    expect(
      withLanguage("fr", () =>
        previewSourceNote(
          { postSource: "on-this-day" },
          { localDate: "2026-03-16", onThisDay: { ...hit, yearsAgo: 3 } },
        ),
      ),
    ).toBe("Ce jour-là : écrite le 2025-03-16, il y a 3 ans.");
    expect(
      previewSourceNote({ postSource: "deck" }, { localDate: "2026-03-16", onThisDay: hit }),
    ).toBeUndefined();
    expect(previewSourceNote(undefined, { localDate: "2026-03-16" })).toBeUndefined();
  });
});
