import { describe, expect, it } from "vitest";
import type { Post } from "../src/library/post.js";
import { createRandomPicker } from "../src/library/random.js";

function post(id: string, topics: string[] = []): Post {
  return { id, text: `post ${id}`, topics, links: [], mentions: [] };
}

const posts = Array.from({ length: 10 }, (_, i) => post(`p${i}`, i % 2 === 0 ? ["even"] : ["odd"]));
const draw = (seed: number, n: number, callerKey?: string) => {
  const picker = createRandomPicker(seed);
  return Array.from(
    { length: n },
    () => picker.pick(posts, callerKey === undefined ? {} : { callerKey })?.id,
  );
};

describe("random picker", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
    expect(draw(42, 20)).not.toEqual(draw(43, 20));
  });

  it("reaches every post", () => {
    expect(new Set(draw(1, 500)).size).toBe(posts.length);
  });

  it("never gives the same caller the same post twice in a row", () => {
    const two = [post("a"), post("b")];
    const picker = createRandomPicker(3);
    let last: string | undefined;
    for (let i = 0; i < 200; i++) {
      const id = picker.pick(two, { callerKey: "user-1" })!.id;
      expect(id).not.toBe(last);
      last = id;
    }
  });

  it("remembers callers separately", () => {
    const two = [post("a"), post("b")];
    const picker = createRandomPicker(5);
    const first = picker.pick(two, { callerKey: "x" })!.id;
    const seenByOthers = new Set(
      Array.from({ length: 50 }, (_, i) => picker.pick(two, { callerKey: `y${i}` })!.id),
    );
    expect(seenByOthers).toEqual(new Set(["a", "b"]));
    expect(picker.pick(two, { callerKey: "x" })!.id).not.toBe(first);
  });

  it("forgets the least recently seen caller once the bound is reached", () => {
    const two = [post("a"), post("b")];
    const repeatsAfterEviction = Array.from({ length: 50 }, (_, seed) => {
      const picker = createRandomPicker(seed, 1);
      const before = picker.pick(two, { callerKey: "old" })!.id;
      picker.pick(two, { callerKey: "new" });
      return picker.pick(two, { callerKey: "old" })!.id === before;
    }).filter(Boolean).length;
    // Remembered callers never repeat; a forgotten one gets its last post again about half the time.
    expect(repeatsAfterEviction).toBeGreaterThan(0);
  });

  it("repeats the only post there is", () => {
    const one = [post("only")];
    const picker = createRandomPicker(1);
    expect(picker.pick(one, { callerKey: "k" })!.id).toBe("only");
    expect(picker.pick(one, { callerKey: "k" })!.id).toBe("only");
  });

  it("filters by topic, case-insensitively", () => {
    const picker = createRandomPicker(7);
    const picked = Array.from({ length: 50 }, () => picker.pick(posts, { topic: "Even", callerKey: "k" })!);
    expect(picked.every((p) => p.topics.includes("even"))).toBe(true);
  });

  it("returns undefined when nothing qualifies", () => {
    const picker = createRandomPicker(1);
    expect(picker.pick([], {})).toBeUndefined();
    expect(picker.pick(posts, { topic: "none" })).toBeUndefined();
  });
});
