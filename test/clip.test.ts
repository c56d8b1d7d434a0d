import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip } from "../src/library/text.js";

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.segment);

describe("clip", () => {
  it("cuts before an emoji that does not fit whole", () => {
    expect(clip(`${"x".repeat(63)}😀😀`, 64)).toBe("x".repeat(63));
    expect(clip("ab🇫🇷", 4)).toBe("ab");
    expect(clip("short", 64)).toBe("short");
  });

  it("is a whole-grapheme prefix of at most max units, and never leaves a lone surrogate", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 0, max: 40 }), (text, max) => {
        const cut = clip(text, max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0));
        expect(text.startsWith(cut)).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(graphemes(text).slice(0, graphemes(cut).length).join("")).toBe(cut);
      }),
    );
  });
});
