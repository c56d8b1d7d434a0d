import type { Database } from "better-sqlite3";
import { type DeckHistory, newDeck } from "../library/potd.js";
import { DEFAULT_SCHEDULE } from "./schedule-fields.js";

type Row = { seed: string; cycle: number; shown: string };

/** A schedule with no deck yet starts one seeded with its server (and its name, but for `daily`, as before). */
export function newScheduleDeck(guildId: string, name: string): DeckHistory {
  return newDeck(name === DEFAULT_SCHEDULE ? guildId : `${guildId}/${name}`);
}

export function deckRepository(db: Database) {
  const select = db.prepare<[string, string], Row>(
    "SELECT seed, cycle, shown FROM decks WHERE guild_id = ? AND schedule = ?",
  );
  const upsert = db.prepare(`
    INSERT INTO decks (guild_id, schedule, seed, cycle, shown) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (guild_id, schedule) DO UPDATE SET seed = excluded.seed, cycle = excluded.cycle,
      shown = excluded.shown
  `);
  return {
    get(guildId: string, name = DEFAULT_SCHEDULE): DeckHistory {
      const row = select.get(guildId, name);
      return row
        ? { seed: row.seed, cycle: row.cycle, shown: JSON.parse(row.shown) as string[] }
        : newScheduleDeck(guildId, name);
    },
    save(guildId: string, history: DeckHistory, name = DEFAULT_SCHEDULE): void {
      upsert.run(guildId, name, history.seed, history.cycle, JSON.stringify(history.shown));
    },
  };
}

export type DeckRepository = ReturnType<typeof deckRepository>;
