import type { APIMessage } from "discord.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCustomId } from "../../src/discord/custom-id.js";
import type { FakeDiscord } from "../fake-discord/index.js";
import { type BotProcess, startBotAgainstFake } from "./bot-process.js";

const OWNER = { id: "200000000000000001", username: "owner" };
const OTHER = { id: "200000000000000002", username: "other" };
const EPHEMERAL = 64;

type Body = { type: number; data?: { flags?: number; embeds?: { description?: string }[] } };

let fake: FakeDiscord;
let bot: BotProcess;
/** Tokens of the owner's replies that carry real components, to forge against: a search, a long post, a random post. */
let tokens: string[];
let version: string;

beforeAll(async () => {
  ({ fake, bot } = await startBotAgainstFake({ readyLog: "connected to Discord" }));
  tokens = [];
  for (const [name, options] of [
    ["search", { query: "learning" }],
    ["post", { id: "bellard" }],
    ["random", {}],
  ] as const) {
    const payload = fake.slashCommand({ name, options, user: OWNER });
    await fake.sendInteraction(payload);
    tokens.push(payload.token);
  }
  const searchIds = customIds(fake.originalResponse(tokens[0]!)!);
  const search = decodeCustomId(searchIds.find((id) => id.startsWith("sp|"))!);
  if (search?.kind !== "searchPage") throw new Error("the search reply has no page buttons");
  version = search.version;
});

afterAll(async () => {
  await bot?.stop("SIGKILL");
  await fake?.stop();
});

function customIds(message: APIMessage): string[] {
  return ((message.components ?? []) as { components?: { custom_id?: string }[] }[])
    .flatMap((row) => row.components ?? [])
    .flatMap((c) => (c.custom_id ? [c.custom_id] : []));
}

const user = fc.constantFrom(OWNER.id, OTHER.id, "0", "1", "99999999999999999999");
const page = fc.oneof(
  fc.nat({ max: 36 ** 3 - 1 }).map((n) => n.toString(36)),
  fc.string({ maxLength: 4 }),
);
const hex4 = fc.stringMatching(/^[0-9a-f]{4}$/);
const postId = fc.oneof(fc.constant("bellard"), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));
const field = fc.string({ maxLength: 20 });
const cut = (id: string) => (id.length === 0 ? "x" : id.slice(0, 100));

/** Forged custom_ids: every kind of lie a client could tell, cut to Discord's 100 characters. */
const forgedId = fc
  .oneof(
    // the owner's or someone else's search, any page, the real or a stale version, any topic index
    fc
      .tuple(user, page, fc.oneof(fc.constant("VERSION"), hex4), fc.string({ maxLength: 3 }), field)
      .map(([u, p, v, t, q]) => ["sp", u, p, v, t, q || "learning"].join("|")),
    fc.tuple(fc.oneof(fc.constant("VERSION"), hex4, field)).map(([v]) => `so|${v}`),
    fc.tuple(user, page, postId).map(([u, p, id]) => ["pp", u, p, id].join("|")),
    fc.tuple(user, fc.oneof(fc.constant(""), fc.constant("weather"), field)).map(([u, t]) => `rn|${u}|${t}`),
    // the right prefix with the wrong number of fields
    fc
      .tuple(fc.constantFrom("sp", "so", "pp", "rn"), fc.array(field, { maxLength: 7 }))
      .map(([kind, rest]) => [kind, ...rest].join("|")),
    fc.string({ minLength: 1, maxLength: 100 }),
    fc.string({ minLength: 100, maxLength: 100 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 50 }),
  )
  .map((id) => cut(id.replace("VERSION", () => version)));

describe("forged buttons and menus sent to the real bot", () => {
  it("answer with a private refusal or an update for the person named in the id, never a crash", async () => {
    const seen = { refusals: 0, updates: 0 };
    await fc.assert(
      fc.asyncProperty(
        forgedId,
        fc.constantFrom(OWNER, OTHER),
        fc.nat({ max: 2 }),
        fc.boolean(),
        fc.array(fc.oneof(fc.constant("bellard"), field), { minLength: 1, maxLength: 1 }),
        async (customId, clicker, which, menu, values) => {
          const asMenu = menu;
          const message = fake.originalResponse(tokens[which]!)!;
          const payload = asMenu
            ? fake.selectMenu({ customId, values: values.map((v) => v || "x"), message, user: clicker })
            : fake.button({ customId, message, user: clicker });
          const body = (await fake.sendInteraction(payload, { timeoutMs: 10_000 })) as Body;
          expect([4, 7]).toContain(body.type);
          if (body.type === 4) {
            expect(body.data?.flags, customId).toBe(EPHEMERAL);
            seen.refusals++;
            return;
          }
          // A message is only ever changed in place for the person the id names.
          const id = decodeCustomId(customId);
          expect(id, customId).toBeDefined();
          expect(id!.kind).not.toBe("searchOpen");
          expect(id && "userId" in id ? id.userId : undefined, customId).toBe(clicker.id);
          seen.updates++;
        },
      ),
      { numRuns: 100, seed: 20261127 },
    );
    expect(seen.refusals).toBeGreaterThan(0);
    expect(seen.updates, "some forged ids are valid for their owner").toBeGreaterThan(0);
    const still = (await fake.sendInteraction(fake.slashCommand({ name: "about" }))) as Body;
    expect(still.type).toBe(4);
    expect(bot.output()).not.toMatch(/uncaught exception|unhandled rejection/);
    expect(bot.child.exitCode).toBeNull();
  }, 60_000);

  it("refuses a button that carries a search menu's custom_id", async () => {
    const message = fake.originalResponse(tokens[0]!)!;
    const body = (await fake.sendInteraction(
      fake.button({ customId: `so|${version}`, message, user: OWNER }),
      { timeoutMs: 3000 },
    )) as Body;
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
  });
});
