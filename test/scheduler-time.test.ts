import { describe, expect, it } from "vitest";
import { firstCronTime, isValidPotdCron } from "../src/scheduler/cron-time.js";
import {
  addDays,
  canonicalTimeZone,
  dueInstant,
  isValidTimeZone,
  localDate,
  localTime,
  nextRun,
  timezoneSuggestions,
} from "../src/scheduler/next-run.js";
import { classifySendError } from "../src/scheduler/send-errors.js";

const iso = (d: Date) => d.toISOString();

describe("localDate / localTime", () => {
  it("reads the wall clock of a zone", () => {
    const at = new Date("2026-11-27T23:30:00Z");
    expect(localDate(at, "UTC")).toBe("2026-11-27");
    expect(localDate(at, "Europe/Paris")).toBe("2026-11-28");
    expect(localTime(at, "Europe/Paris")).toBe("00:30");
    expect(localDate(at, "America/New_York")).toBe("2026-11-27");
    expect(localTime(new Date("2026-11-27T00:00:00Z"), "UTC")).toBe("00:00");
  });
});

describe("dueInstant", () => {
  it("converts an ordinary local time", () => {
    expect(iso(dueInstant("2026-11-27", "09:00", "America/New_York"))).toBe("2026-11-27T14:00:00.000Z");
    expect(iso(dueInstant("2026-07-01", "09:00", "Europe/Paris"))).toBe("2026-07-01T07:00:00.000Z");
    expect(iso(dueInstant("2026-11-27", "09:00", "Asia/Kathmandu"))).toBe("2026-11-27T03:15:00.000Z");
  });

  it("runs a time inside a spring-forward gap at the end of the gap", () => {
    // Paris 2026-03-29: 02:00 CET -> 03:00 CEST; New York 2026-03-08: 02:00 EST -> 03:00 EDT.
    expect(iso(dueInstant("2026-03-29", "02:30", "Europe/Paris"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(dueInstant("2026-03-08", "02:30", "America/New_York"))).toBe("2026-03-08T07:00:00.000Z");
    // Lord Howe moves by 30 minutes; Santiago skips midnight.
    expect(iso(dueInstant("2026-10-04", "02:15", "Australia/Lord_Howe"))).toBe("2026-10-03T15:30:00.000Z");
    expect(localTime(dueInstant("2026-09-06", "00:00", "America/Santiago"), "America/Santiago")).toBe(
      "01:00",
    );
  });

  it("runs a repeated fall-back time at its first occurrence", () => {
    expect(iso(dueInstant("2026-10-25", "02:30", "Europe/Paris"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(dueInstant("2026-11-01", "01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("rejects malformed input", () => {
    expect(() => dueInstant("2026-1-1", "09:00", "UTC")).toThrow(RangeError);
    expect(() => dueInstant("2026-01-01", "24:00", "UTC")).toThrow(RangeError);
  });
});

describe("nextRun", () => {
  it("is today's time if still ahead, else tomorrow's", () => {
    expect(iso(nextRun(new Date("2026-11-27T08:59:00Z"), "09:00", "UTC"))).toBe("2026-11-27T09:00:00.000Z");
    expect(iso(nextRun(new Date("2026-11-27T09:00:00Z"), "09:00", "UTC"))).toBe("2026-11-28T09:00:00.000Z");
  });

  it("does not run twice in a fall-back night", () => {
    // Between the two 01:30s in New York the next run is the following day.
    expect(iso(nextRun(new Date("2026-11-01T06:00:00Z"), "01:30", "America/New_York"))).toBe(
      "2026-11-02T06:30:00.000Z",
    );
  });

  it("steps over month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });
});

describe("time zones", () => {
  it("validates and canonicalises IANA names", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("+01:00")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(() => canonicalTimeZone("nowhere")).toThrow(RangeError);
  });

  it("suggests at most 25 zones, matching the full name or the city", () => {
    expect(timezoneSuggestions("")).toHaveLength(25);
    expect(timezoneSuggestions("europe/pa")).toContain("Europe/Paris");
    expect(timezoneSuggestions("new y")).toEqual(["America/New_York"]);
    expect(timezoneSuggestions("par")).toContain("Europe/Paris");
    expect(timezoneSuggestions("America").length).toBe(25);
    expect(timezoneSuggestions("utc")[0]).toBe("UTC");
    expect(timezoneSuggestions("zzzz")).toEqual([]);
  });
});

describe("POTD_CRON", () => {
  it("finds the first wall-clock minute a cron fires on a date", () => {
    expect(firstCronTime("0 9 * * *", "2026-11-27")).toBe("09:00");
    expect(firstCronTime("*/20 7-9 * * *", "2026-11-27")).toBe("07:00");
    expect(firstCronTime("30 2 * * *", "2026-03-29")).toBe("02:30");
    // 2026-11-28 is a Saturday.
    expect(firstCronTime("0 9 * * 1-5", "2026-11-28")).toBeNull();
    expect(firstCronTime("0 9 * * 1-5", "2026-11-27")).toBe("09:00");
  });

  it("accepts only five-field expressions", () => {
    expect(isValidPotdCron("0 9 * * *")).toBe(true);
    expect(isValidPotdCron("0 0 9 * * *")).toBe(false);
    expect(isValidPotdCron("61 9 * * *")).toBe(false);
    expect(() => firstCronTime("nope", "2026-11-27")).toThrow(RangeError);
  });
});

describe("classifySendError", () => {
  it("gives up for the day on access and permission errors", () => {
    expect(classifySendError({ status: 403, code: 50001 })).toBe("permanent");
    expect(classifySendError({ status: 403, code: 50013 })).toBe("permanent");
    expect(classifySendError({ status: 404, code: 10003 })).toBe("permanent");
    expect(classifySendError({ status: 404 })).toBe("permanent");
  });

  it("retries rate limits, server errors and network errors", () => {
    expect(classifySendError({ status: 429 })).toBe("retryable");
    expect(classifySendError({ status: 502 })).toBe("retryable");
    expect(classifySendError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(
      "retryable",
    );
    expect(classifySendError(new Error("unknown"))).toBe("retryable");
  });
});
