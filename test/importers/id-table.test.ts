import { describe, expect, it } from "vitest";
import { IdNumbers, IdTable } from "../../src/importers/id-table.js";

describe("IdTable", () => {
  it("tells apart X ids beyond 2^53 that differ in the last digit, as a float would not", () => {
    const table = new IdTable();
    const a = "1795012345678901234";
    const b = "1795012345678901235";
    expect(Number(a)).toBe(Number(b));
    expect(table.add(a)).toBe(0);
    expect(table.has(b)).toBe(false);
    expect(table.add(b)).toBe(1);
    expect(table.add(a)).toBe(0);
    expect(table.get(b)).toBe(1);
    expect(table.size).toBe(2);
  });

  it("keeps prefixes, leading zeros, short numbers and other ids apart", () => {
    const table = new IdTable();
    const ids = [
      "x-1234567",
      "1234567",
      "x-01234567",
      "x-001234567",
      "y-1234567",
      "12",
      "x-12",
      "https://mastodon.example/users/me/statuses/109876543210",
      "at://did:plc:abc/app.bsky.feed.post/3lroot0000001",
      "18446744073709551616123",
    ];
    for (const [i, id] of ids.entries()) expect(table.add(id)).toBe(i);
    for (const [i, id] of ids.entries()) expect(table.get(id)).toBe(i);
    expect(table.has("x-1234568")).toBe(false);
    expect(table.has("0")).toBe(false);
  });

  it("answers as a Set of strings would for many random ids, with more prefixes than it keeps tables for", () => {
    const table = new IdTable();
    const reference = new Map<string, number>();
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const wrong: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const digits = `${1 + (random() % 9)}${String(random()).padStart(10, "0")}${String(random() % 1000)}`;
      const id = i % 3 === 0 ? `p${random() % 100}-${digits}` : digits.slice(0, 6 + (random() % 14));
      const expected = reference.get(id) ?? reference.size;
      reference.set(id, expected);
      if (table.add(id) !== expected) wrong.push(`add ${id}`);
    }
    for (const [id, index] of reference) if (table.get(id) !== index) wrong.push(`get ${id}`);
    for (let i = 0; i < 2000; i++) {
      const id = `${1 + (random() % 9)}${String(random()).padStart(12, "0")}`;
      if (table.has(id) !== reference.has(id)) wrong.push(`has ${id}`);
    }
    expect(wrong).toEqual([]);
    expect(table.size).toBe(reference.size);
    expect(reference.size).toBeGreaterThan(50_000);
  });
});

describe("IdNumbers", () => {
  it("grows to any index and reads 0 where nothing was set", () => {
    const numbers = new IdNumbers();
    numbers.set(5000, 7);
    numbers.set(3, -2);
    expect(numbers.get(5000)).toBe(7);
    expect(numbers.get(3)).toBe(-2);
    expect(numbers.get(4)).toBe(0);
    expect(numbers.get(1 << 20)).toBe(0);
  });
});
