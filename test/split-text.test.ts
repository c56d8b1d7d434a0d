import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitText } from "../src/discord/split-text.js";

/** With the u flag a surrogate pair is one code point: only a half pair is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

const FAMILY = "👨‍👩‍👧‍👦"; // 11 UTF-16 units joined by ZWJ
const nonSpace = (text: string) => text.replace(/\s+/gu, "");

describe("splitText", () => {
  it("keeps text that fits as one page, and empty text as one empty page", () => {
    expect(splitText("short text", 100)).toEqual(["short text"]);
    expect(splitText("", 10)).toEqual([""]);
  });

  it("cuts at a paragraph break rather than a sentence end", () => {
    const text = "First sentence here. Second one.\n\nNew paragraph. And more words follow.";
    expect(splitText(text, 50)).toEqual([
      "First sentence here. Second one.",
      "New paragraph. And more words follow.",
    ]);
  });

  it("cuts at a sentence end rather than at a space", () => {
    const text = "One two three four. Five six seven eight nine ten eleven";
    expect(splitText(text, 40)).toEqual(["One two three four.", "Five six seven eight nine ten eleven"]);
  });

  it("cuts at a space rather than inside a word", () => {
    const text = "alpha beta gamma delta epsilon zeta eta theta";
    expect(splitText(text, 20)).toEqual(["alpha beta gamma", "delta epsilon zeta", "eta theta"]);
  });

  it("cuts a word longer than a page at a grapheme boundary", () => {
    expect(splitText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("ignores a boundary in the first third of a page, which would make a lopsided page", () => {
    // The only space is after 3 characters of a 30-character page: cut the word instead.
    const text = `abc ${"x".repeat(40)}`;
    expect(splitText(text, 30)).toEqual([`abc ${"x".repeat(26)}`, "x".repeat(14)]);
  });

  it("never splits a ZWJ emoji sequence", () => {
    const text = FAMILY.repeat(10); // 110 units, no spaces
    const pages = splitText(text, 25);
    expect(pages).toEqual(Array.from({ length: 5 }, () => FAMILY.repeat(2)));
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(25);
  });

  it("never splits a surrogate pair", () => {
    const pages = splitText("😀".repeat(20), 7);
    expect(pages).toEqual(["😀😀😀", "😀😀😀", "😀😀😀", "😀😀😀", "😀😀😀", "😀😀😀", "😀😀"]);
  });

  it("never splits a markdown escape `\\*`", () => {
    const text = "\\*".repeat(20); // 40 characters, no boundary
    const pages = splitText(text, 9);
    expect(pages).toEqual(["\\*\\*\\*\\*", "\\*\\*\\*\\*", "\\*\\*\\*\\*", "\\*\\*\\*\\*", "\\*\\*\\*\\*"]);
    for (const page of pages) expect(page.endsWith("\\")).toBe(false);
  });

  it("may end a page after whole `\\\\` pairs (escaped backslashes), but not inside one", () => {
    const text = "\\\\".repeat(50); // 100 backslashes: 50 escaped backslashes
    const pages = splitText(text, 9);
    expect(pages).toHaveLength(13);
    for (const page of pages) expect(page.length % 2).toBe(0);
    expect(pages.join("")).toBe(text);
  });

  it("cuts a single grapheme longer than a page between code points, never inside a surrogate pair", () => {
    const zalgo = `😀${"\u0301".repeat(30)}`;
    const pages = splitText(zalgo, 10);
    expect(pages.join("")).toBe(zalgo);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(10);
      expect(page).not.toMatch(LONE_SURROGATE);
    }
  });

  it("keeps every page within max and every non-space character in order (property)", () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.constantFrom(
        " ",
        "\n",
        "\n\n",
        ". ",
        "! ",
        "\\*",
        "\\_",
        "\\\\",
        FAMILY,
        "👍🏽",
        "שלום עולם",
        "مرحبا",
        "🇫🇷",
      ),
      fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("")),
        fc.integer({ min: 12, max: 400 }),
        (text, max) => {
          const pages = splitText(text, max);
          for (const page of pages) {
            expect(page.length).toBeLessThanOrEqual(max);
            expect(page).not.toMatch(LONE_SURROGATE);
          }
          expect(nonSpace(pages.join(""))).toBe(nonSpace(text));
          if (text.trim() !== "") expect(pages.every((p) => p.trim() !== "")).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
