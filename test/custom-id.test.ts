import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomId, decodeCustomId, encodeCustomId, MAX_QUERY_LENGTH } from "../src/discord/custom-id.js";

const BIGGEST_USER = "9".repeat(20);
const MAX_PAGE = 36 ** 3 - 1;

describe("encodeCustomId / decodeCustomId", () => {
  it.each<[CustomId, string]>([
    [
      { kind: "searchPage", userId: "1234", page: 3, version: "767f", topic: 11, query: "learning rate" },
      "sp|1234|3|767f|b|learning rate",
    ],
    [
      { kind: "searchPage", userId: "1234", page: 0, version: "767f", query: "a|b||c" },
      "sp|1234|0|767f||a|b||c",
    ],
    [{ kind: "searchOpen", version: "00af" }, "so|00af"],
    [
      { kind: "postPage", userId: "80351110224678912", page: 37, postId: "bellard" },
      "pp|80351110224678912|11|bellard",
    ],
    [{ kind: "random", userId: "42", topic: "weather" }, "rn|42|weather"],
    [{ kind: "random", userId: "42", topic: "" }, "rn|42|"],
    [
      { kind: "onThisDay", userId: "42", page: 11, date: "2026-03-14", timeZone: "Europe/Paris" },
      "od|42|b|20260314|Europe/Paris",
    ],
    [{ kind: "save", postId: "bellard" }, "sv|bellard"],
    [{ kind: "savedPage", userId: "42", page: 2 }, "sl|42|2"],
    [{ kind: "savedRemove", userId: "42", page: 0, postId: "bellard" }, "sr|42|0|bellard"],
    [{ kind: "savedClear", userId: "42", askedAt: 1764496800, confirm: true }, "sc|42|t6jag0|y"],
    [{ kind: "savedClear", userId: "42", askedAt: 1764496800, confirm: false }, "sc|42|t6jag0|n"],
  ])("%o is encoded as %s and decoded back", (id, encoded) => {
    expect(encodeCustomId(id)).toBe(encoded);
    expect(decodeCustomId(encoded)).toEqual(id);
  });

  it("leaves a search without topic with no topic after decoding", () => {
    const decoded = decodeCustomId("sp|1|0|abcd||q");
    expect(decoded).toEqual({ kind: "searchPage", userId: "1", page: 0, version: "abcd", query: "q" });
    expect(decoded?.kind === "searchPage" && decoded.topic).toBeUndefined();
  });

  it("MAX_QUERY_LENGTH is what is left of 100 characters once the longest other fields are in", () => {
    expect(MAX_QUERY_LENGTH).toBe(63);
    const longest = encodeCustomId({
      kind: "searchPage",
      userId: BIGGEST_USER,
      page: MAX_PAGE,
      version: "ffff",
      topic: MAX_PAGE,
      query: "q".repeat(MAX_QUERY_LENGTH),
    });
    expect(longest).toHaveLength(100);
  });

  it("fits every search id with a query of at most MAX_QUERY_LENGTH into 100 characters, and decodes it back", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{0,19}$/),
        fc.integer({ min: 0, max: MAX_PAGE }),
        fc.option(fc.integer({ min: 0, max: MAX_PAGE }), { nil: undefined }),
        fc.string({ maxLength: MAX_QUERY_LENGTH }),
        (userId, page, topic, query) => {
          const id: CustomId = { kind: "searchPage", userId, page, version: "0a1b", topic, query };
          const encoded = encodeCustomId(id);
          expect(encoded.length).toBeLessThanOrEqual(100);
          expect(decodeCustomId(encoded)).toEqual(id);
        },
      ),
    );
  });

  it("keeps any unicode query of MAX_QUERY_LENGTH code points within 100 code points (how Discord counts)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: MAX_QUERY_LENGTH }), (query) => {
        const id: CustomId = {
          kind: "searchPage",
          userId: BIGGEST_USER,
          page: MAX_PAGE,
          version: "ffff",
          topic: MAX_PAGE,
          query,
        };
        const encoded = encodeCustomId(id);
        expect([...encoded].length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(encoded)).toEqual(id);
      }),
    );
  });

  it("fits post-page and random ids with the longest user, page, post id and topic", () => {
    const pp = encodeCustomId({
      kind: "postPage",
      userId: BIGGEST_USER,
      page: MAX_PAGE,
      postId: "x".repeat(64),
    });
    const rn = encodeCustomId({ kind: "random", userId: BIGGEST_USER, topic: `a${"-".repeat(48)}` });
    expect(pp.length).toBeLessThanOrEqual(100);
    expect(rn.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(pp)).toEqual({
      kind: "postPage",
      userId: BIGGEST_USER,
      page: MAX_PAGE,
      postId: "x".repeat(64),
    });
  });

  it("fits on-this-day and saved-post ids with the longest user, page, zone and post id", () => {
    const ids: CustomId[] = [
      {
        kind: "onThisDay",
        userId: BIGGEST_USER,
        page: MAX_PAGE,
        date: "2026-12-31",
        timeZone: "America/Argentina/ComodRivadavia",
      },
      { kind: "save", postId: "x".repeat(64) },
      { kind: "savedPage", userId: BIGGEST_USER, page: MAX_PAGE },
      { kind: "savedRemove", userId: BIGGEST_USER, page: MAX_PAGE, postId: "x".repeat(64) },
    ];
    for (const id of ids) {
      const encoded = encodeCustomId(id);
      expect(encoded.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(encoded)).toEqual(id);
    }
  });

  it.each([
    "od|1|0|20270229|UTC",
    "od|1|0|2026-03-14|UTC",
    "od|1|0|20260314|",
    "od|1|0|20260314|../etc",
    "od|x|0|20260314|UTC",
    "sv|bad id",
    "sv|",
    "sl|1",
    "sl|1|0|x",
    "sr|1|0",
    "sr|1|0|bad id",
    "sr|one|0|bellard",
  ])("refuses the forged on-this-day or saved-post id %j", (raw) => {
    expect(decodeCustomId(raw)).toBeUndefined();
  });

  it.each([
    "",
    "|",
    "sp",
    "sp|1|0|767f|",
    "sp|abc|0|767f||q",
    "sp|123456789012345678901|0|767f||q",
    "sp|1|zzzz|767f||q",
    "sp|1|0|767F||q",
    "sp|1|0|767||q",
    "sp|1|0|767f|zzzz|q",
    "sp|1|-1|767f||q",
    "so",
    "so|",
    "so|xyz1",
    "so|767f|extra",
    "pp|1|0",
    "pp|1|0|bad id",
    "pp|1|0|bellard|2",
    `pp|1|0|${"x".repeat(65)}`,
    "pp|-1|0|bellard",
    "rn|1",
    "rn|1|Weather",
    "rn|1|weather|x",
    "rn||weather",
    "xx|1|2|3",
    "SP|1|0|767f||q",
  ])("refuses the forged or garbled id %j", (raw) => {
    expect(decodeCustomId(raw)).toBeUndefined();
  });

  it("never throws on arbitrary strings, and whatever it decodes encodes back to the same id", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.string({ unit: "binary", maxLength: 120 }),
          fc
            .tuple(
              fc.constantFrom("sp", "so", "pp", "rn", "od", "sv", "sl", "sr"),
              fc.array(fc.string({ maxLength: 25 }), { maxLength: 7 }),
            )
            .map(([kind, fields]) => [kind, ...fields].join("|")),
        ),
        (raw) => {
          const decoded = decodeCustomId(raw);
          if (decoded === undefined) return;
          expect(decodeCustomId(encodeCustomId(decoded))).toEqual(decoded);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("a query of emoji", () => {
  it("is cut at a character so the search button's custom_id stays within 100 UTF-16 units", () => {
    const query = "😀".repeat(MAX_QUERY_LENGTH);
    const id = encodeCustomId({
      kind: "searchPage",
      userId: "9".repeat(20),
      page: 3,
      version: "abcd",
      topic: 5,
      query,
    });
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeCustomId(id);
    expect(decoded).toMatchObject({ kind: "searchPage", page: 3 });
    const kept = (decoded as { query: string }).query;
    expect(query.startsWith(kept)).toBe(true);
    expect(kept.length % 2).toBe(0);
  });
});
