import { hostname } from "node:os";
import { choosePostOfTheDay } from "../../src/library/potd.js";
import { openStore } from "../../src/store/store.js";

/** A process of this host that is gone: pid 2^22 + 1 is above Linux's default pid_max. */
const DEAD_OWNER = { id: "crashed", host: hostname(), pid: 4_194_305 };

/**
 * The database `db` as a crash between claim and send leaves it: today's (UTC) post of the day of `guildId`
 * claimed by a process that is gone, nothing more.
 */
export function claimTodayForADeadProcess(db: string, guildId: string, channelId: string): void {
  const today = new Date().toISOString().slice(0, 10);
  const store = openStore(db);
  const posts = [{ id: "bellard", text: "x", topics: [], links: [], mentions: [] }];
  store.deliveries.claim({
    guildId,
    localDate: today,
    channelId,
    owner: DEAD_OWNER,
    now: new Date(),
    leaseMs: 120_000,
    choose: (history) => choosePostOfTheDay({ posts }, today, history),
  });
  store.close();
}
