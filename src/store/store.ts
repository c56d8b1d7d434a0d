import type { Database } from "better-sqlite3";
import { type DeckRepository, deckRepository } from "./deck.js";
import { type DeliveryRepository, deliveryRepository } from "./deliveries.js";
import { openDatabase } from "./open.js";
import { type SavedPostsRepository, savedPostsRepository } from "./saved-posts.js";
import { type SettingsRepository, settingsRepository } from "./settings.js";

export type Store = {
  readonly path: string;
  readonly db: Database;
  readonly settings: SettingsRepository;
  readonly decks: DeckRepository;
  readonly deliveries: DeliveryRepository;
  readonly saved: SavedPostsRepository;
  close(): void;
};

/** Opens the SQLite store at `path` (the caller decides it: `CURATOR_DB`, default `data/curator.db`). */
export function openStore(path: string): Store {
  const db = openDatabase(path);
  const decks = deckRepository(db);
  return {
    path,
    db,
    settings: settingsRepository(db),
    decks,
    deliveries: deliveryRepository(db, decks),
    saved: savedPostsRepository(db),
    close: () => db.close(),
  };
}
