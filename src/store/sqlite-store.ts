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
      get: async (guildId, name) => settings.get(guildId, name),
      list: async (guildId) => settings.list(guildId),
      all: async () => settings.all(),
      update: (guildId, patch, now, defaults, name) =>
        whenFree(() => settings.update(guildId, patch, now, defaults, name)),
      switchOff: (guildId, now, defaults, name) =>
        whenFree(() => settings.switchOff(guildId, now, defaults, name)),
      remove: (guildId, name) => whenFree(() => settings.remove(guildId, name)),
      recordError: (guildId, error, now, name) =>
        whenFree(() => settings.recordError(guildId, error, now, name)),
      lastError: async (guildId, name) => settings.lastError(guildId, name),
    },
    decks: { get: async (guildId, name) => decks.get(guildId, name) },
    deliveries: {
      get: async (guildId, localDate, schedule) => deliveries.get(guildId, localDate, schedule),
      settled: async (days) =>
        new Set(deliveries.settled(days).map((d) => settledKey(d.guildId, d.schedule, d.localDate))),
      recent: async (guildId, limit, schedule) => deliveries.recent(guildId, limit, schedule),
      claim: (args) => whenFree(() => deliveries.claim(args)),
      retakeFailed: (args) => whenFree(() => deliveries.retakeFailed(args)),
      retrySoon: (guildId, localDate, now, schedule) =>
        whenFree(() => deliveries.retrySoon(guildId, localDate, now, schedule)),
      retakeStale: (args) => whenFree(() => deliveries.retakeStale(args)),
      endLease: (args) => whenFree(() => deliveries.endLease(args)),
      markSent: (args) => whenFree(() => deliveries.markSent(args)),
      markFailed: (args) => whenFree(() => deliveries.markFailed(args)),
      skip: (guildId, localDate, schedule) => whenFree(() => deliveries.skip(guildId, localDate, schedule)),
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
