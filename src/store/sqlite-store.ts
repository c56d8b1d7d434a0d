import { whenFree } from "./busy.js";
import { type PostStore, settledKey } from "./post-store.js";
import { openStore, type Store } from "./store.js";

/**
 * The SQLite store behind the asynchronous interface. Reads never wait (WAL); every write waits for another
 * process's lock asynchronously (`whenFree`), so a lock never holds up an interaction reply.
 */
export function sqlitePostStore(store: Store): PostStore {
  const { settings, decks, deliveries } = store;
  return {
    label: `sqlite:${store.path}`,
    settings: {
      get: async (guildId) => settings.get(guildId),
      all: async () => settings.all(),
      update: (guildId, patch, now, defaults) =>
        whenFree(() => settings.update(guildId, patch, now, defaults)),
      switchOff: (guildId, now, defaults) => whenFree(() => settings.switchOff(guildId, now, defaults)),
      recordError: (guildId, error, now) => whenFree(() => settings.recordError(guildId, error, now)),
      lastError: async (guildId) => settings.lastError(guildId),
    },
    decks: { get: async (guildId) => decks.get(guildId) },
    deliveries: {
      get: async (guildId, localDate) => deliveries.get(guildId, localDate),
      settled: async (days) =>
        new Set(deliveries.settled(days).map((d) => settledKey(d.guildId, d.localDate))),
      recent: async (guildId, limit) => deliveries.recent(guildId, limit),
      claim: (args) => whenFree(() => deliveries.claim(args)),
      retakeFailed: (args) => whenFree(() => deliveries.retakeFailed(args)),
      retrySoon: (guildId, localDate, now) => whenFree(() => deliveries.retrySoon(guildId, localDate, now)),
      retakeStale: (args) => whenFree(() => deliveries.retakeStale(args)),
      endLease: (args) => whenFree(() => deliveries.endLease(args)),
      markSent: (args) => whenFree(() => deliveries.markSent(args)),
      markFailed: (args) => whenFree(() => deliveries.markFailed(args)),
      skip: (guildId, localDate) => whenFree(() => deliveries.skip(guildId, localDate)),
    },
    saved: {
      add: (userId, postId, now, cap) => whenFree(() => store.saved.add(userId, postId, now, cap)),
      list: async (userId) => store.saved.list(userId),
      remove: (userId, postId) => whenFree(() => store.saved.remove(userId, postId)),
      clear: (userId) => whenFree(() => store.saved.clear(userId)),
    },
    isLeader: async () => true,
    ping: async () => {
      store.db.prepare("SELECT 1").get();
    },
    close: async () => store.close(),
  };
}

export function openSqlitePostStore(path: string): PostStore {
  return sqlitePostStore(openStore(path));
}
