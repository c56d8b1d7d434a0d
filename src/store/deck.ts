import type { Database } from "better-sqlite3";
import { type DeckHistory, newDeck } from "../library/potd.js";

type Row = { seed: string; cycle: number; shown: string };

export function deckRepository(db: Database) {
  const select = db.prepare<[string], Row>("SELECT seed, cycle, shown FROM decks WHERE guild_id = ?");
  const upsert = db.prepare(`
    INSERT INTO decks (guild_id, seed, cycle, shown) VALUES (?, ?, ?, ?)
    ON CONFLICT (guild_id) DO UPDATE SET seed = excluded.seed, cycle = excluded.cycle, shown = excluded.shown
  `);
  return {
    /** A server with no row yet starts a deck seeded with its guild id. */
    get(guildId: string): DeckHistory {
      const row = select.get(guildId);
      return row
        ? { seed: row.seed, cycle: row.cycle, shown: JSON.parse(row.shown) as string[] }
        : newDeck(guildId);
    },
    save(guildId: string, history: DeckHistory): void {
      upsert.run(guildId, history.seed, history.cycle, JSON.stringify(history.shown));
    },
  };
}

export type DeckRepository = ReturnType<typeof deckRepository>;
