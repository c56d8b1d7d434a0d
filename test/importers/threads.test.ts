import { describe, expect, it } from "vitest";
import { joinGroup, joinThreads } from "../../src/importers/threads.js";
import type { Item, Piece, Source } from "../../src/importers/types.js";

const postOf = (item: Item | undefined) =>
  item !== undefined && "piece" in item ? item.piece.post : undefined;

const piece = (id: string, minute: number, parent?: string): Piece => ({
  post: {
    id: `p-${id}`,
    text: id,
    topics: [id],
    links: [],
    mentions: [],
    createdAt: `2024-01-01T10:${String(minute).padStart(2, "0")}:00Z`,
    sourceId: id,
  },
  ...(parent !== undefined && { parent }),
});

const sourceOf = (items: Item[]): Source => ({
  label: "test",
  threads: true,
  async *items() {
    yield* items;
  },
});

async function collect(items: AsyncIterable<Item>): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("joinGroup", () => {
  it("orders a branching thread depth-first, the earliest reply first, whatever the input order", () => {
    const group = [
      piece("c", 5, "root"),
      piece("b", 2, "a"),
      piece("root", 0),
      piece("a", 1, "root"),
      piece("d", 6, "b"),
    ];
    const [item] = joinGroup(group);
    const post = postOf(item);
    expect(post?.text).toBe("root\n\na\n\nb\n\nd\n\nc");
    expect(post?.id).toBe("p-root");
    expect(post?.topics).toEqual(["root", "a", "b", "d", "c"]);
    expect(item).toMatchObject({ piece: { members: 5 } });
  });

  it("breaks a tie in time by the platform id as a number (shorter id first)", () => {
    const [item] = joinGroup([piece("root", 0), piece("10", 1, "root"), piece("9", 1, "root")]);
    expect(postOf(item)?.text).toBe("root\n\n9\n\n10");
  });
});

describe("a joined thread's parts", () => {
  it("marks where each member's text starts; a member with media only starts no part", () => {
    const [root, reply, photo, last] = [
      piece("root", 0),
      piece("r", 1, "root"),
      piece("m", 2, "r"),
      piece("end", 3, "m"),
    ];
    photo!.post.text = " ";
    photo!.post.media = [{ type: "image", url: "https://example.com/a.png" }];
    reply!.post.text = "a reply with 🧵";
    const post = postOf(joinGroup([root!, reply!, photo!, last!])[0])!;
    expect(post.text).toBe("root\n\na reply with 🧵\n\nend");
    expect(post.parts).toEqual([0, 6, 23]);
    expect(post.parts!.map((start, i) => post.text.slice(start, post.parts![i + 1]).trim())).toEqual([
      "root",
      "a reply with 🧵",
      "end",
    ]);
    expect(post.media).toHaveLength(1);
  });

  it("gives a post of one text no parts", () => {
    const photo = piece("m", 1, "root");
    photo.post.text = "";
    const post = postOf(joinGroup([piece("root", 0), photo])[0])!;
    expect(post.text).toBe("root");
    expect(post).not.toHaveProperty("parts");
  });
});

describe("joinThreads", () => {
  it("passes posts outside threads through and joins each thread once complete", async () => {
    const items: Item[] = [
      { piece: piece("r2", 9, "r1") },
      { piece: piece("solo", 8) },
      { skip: "retweet" },
      { piece: piece("r1", 7) },
    ];
    const out = await collect(joinThreads(sourceOf(items)));
    expect(out.map((i) => ("piece" in i ? i.piece.post.text : i.skip))).toEqual([
      "solo",
      "retweet",
      "r1\n\nr2",
    ]);
    expect(out[2]).toMatchObject({ piece: { members: 2 } });
  });

  it("keeps the members of a thread whose root is missing, each surviving chain as one post", async () => {
    const items: Item[] = [
      { piece: piece("b", 2, "a") },
      { piece: piece("c", 3, "b") },
      { piece: piece("x", 4, "gone") },
    ];
    const out = await collect(joinThreads(sourceOf(items)));
    expect(out.map((i) => "piece" in i && i.piece.post.text).sort()).toEqual(["b\n\nc", "x"]);
  });

  it("survives a reply cycle without looping", async () => {
    const items: Item[] = [{ piece: piece("a", 1, "b") }, { piece: piece("b", 2, "a") }];
    const out = await collect(joinThreads(sourceOf(items)));
    expect(out.length).toBeGreaterThan(0);
    expect(out.flatMap((i) => ("piece" in i ? i.piece.post.text.split("\n\n") : [])).sort()).toEqual([
      "a",
      "b",
    ]);
  });
});
