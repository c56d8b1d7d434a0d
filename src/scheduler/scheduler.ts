import nodeCron from "node-cron";
import pLimit from "p-limit";
import { remainingInCycle } from "../library/potd.js";
import type { ClaimOwner, Delivery } from "../store/deliveries.js";
import { type PostStore, settledKey } from "../store/post-store.js";
import type { GuildSettings, SettingsPatch } from "../store/settings.js";
import { firstCronTime } from "./cron-time.js";
import {
  DEFAULT_RETRY,
  type DeliverArgs,
  type DeliveryOutcome,
  deliverPostOfTheDay,
  type FindPosted,
  type RetryPolicy,
  type SendPost,
} from "./deliver.js";
import { addDays, canonicalTimeZone, isValidTime, localDate } from "./next-run.js";
import { processOwner } from "./owner.js";
import { dueAt, type EnvSchedule, effectiveSchedule, type PotdSchedule } from "./schedule.js";

/** pino's call shape, so a pino logger (or a child of it) can be passed as is. */
export type SchedulerLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type SchedulerDeps = {
  store: PostStore;
  now: () => Date;
  /** The guilds this shard holds. */
  listGuilds: () => Iterable<string> | Promise<Iterable<string>>;
  collection: () => DeliverArgs["collection"];
  send: SendPost;
  findPosted: FindPosted;
  log: SchedulerLog;
  env?: EnvSchedule;
  /** This process's identity as a claim owner (default: host, pid and a random part). */
  owner?: ClaimOwner;
  /** Whether a pid on this host is alive (default: a signal-0 probe). */
  isAlive?: (pid: number) => boolean;
  /**
   * Several scheduler processes on one shared store elect one sender (Discord's rate limit is per bot: more
   * senders only race). Without it, every process sends, which the claims keep exactly-once anyway.
   */
  leadership?: { isLeader(): Promise<boolean>; checkEveryMs?: number };
  retry?: RetryPolicy;
  /**
   * Deliveries worked on at once (default 16). Discord takes about 50 requests a second per bot: ten thousand servers
   * due at one minute must queue here, unclaimed, rather than all claim at once and wait past their leases in the
   * REST queue.
   */
  concurrency?: number;
  /** Injected in tests; node-cron by default. */
  cron?: CronLike;
};

export type CronLike = {
  schedule(expression: string, fn: () => unknown, options?: { name?: string; noOverlap?: boolean }): CronJob;
};

type CronJob = {
  stop(): void | Promise<void>;
  /** node-cron: also removes the task from its registry. */
  destroy?(): void | Promise<void>;
};

export type GuildTick = { guildId: string; outcome: DeliveryOutcome };

export type ScheduleStatus = {
  schedule: PotdSchedule | undefined;
  localDate: string;
  /** When today's post is due (may be past), null if none is due today (off, or the cron skips today). */
  dueToday: Date | null;
  /** The next due instant after now that has no delivery yet. */
  nextRun: Date | null;
  today: Delivery | undefined;
  recent: Delivery[];
  remainingInCycle: number;
  lastError: { message: string; at: string } | null;
};

export type Scheduler = {
  /** Repairs claims and sends a post missed earlier today, then checks every minute. */
  start(): Promise<GuildTick[]>;
  /**
   * Starts nothing more, cancels the deliveries in flight (their claims are left for the next run, which reads the
   * channel first) and waits for them to wind down, at most `deadlineMs`.
   */
  stop(deadlineMs?: number): Promise<void>;
  /** One pass over the guilds at `at`: delivers for every guild whose post is due and not yet out. */
  tick(at?: Date): Promise<GuildTick[]>;
  status(guildId: string, at?: Date): Promise<ScheduleStatus>;
  /** The schedule in force for a guild (settings row, else env defaults), undefined if off. */
  scheduleFor(guildId: string): Promise<PotdSchedule | undefined>;
  /**
   * `/schedule set|pause|resume`: validates and stores a server's settings. A server's first row inherits the
   * env schedule if it applied to that server (channel, zone, the cron's time of day), else 09:00 UTC.
   * Setting a channel also retries today's failed post at the next tick.
   */
  configure(guildId: string, patch: SettingsPatch, at?: Date): Promise<GuildSettings>;
  /** `/schedule off`: keeps a row with no channel, so the env defaults do not switch it back on. */
  switchOff(guildId: string, at?: Date): Promise<GuildSettings>;
  /** `/schedule skip`: today (server's zone) gets no post unless it is already out or being sent. */
  skipToday(guildId: string, at?: Date): Promise<{ localDate: string; skipped: boolean }>;
};

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const owner = deps.owner ?? processOwner();
  const retry = deps.retry ?? DEFAULT_RETRY;
  const cron: CronLike = deps.cron ?? nodeCron;
  const inFlight = new Map<string, Promise<unknown>>();
  const limit = pLimit(deps.concurrency ?? 16);
  const stopping = new AbortController();
  const wakes = new Set<NodeJS.Timeout>();
  let task: CronJob | undefined;
  let standby: NodeJS.Timeout | undefined;

  let leading = false;
  /** Asks the store whether this process leads; says so when that changes. */
  async function leads(): Promise<boolean> {
    const now = await deps.leadership!.isLeader().catch((error: unknown) => {
      deps.log.error({ err: error }, "post of the day: cannot tell who leads");
      return false;
    });
    if (now !== leading) deps.log.info({ leading: now }, now ? "leading the post of the day" : "standing by");
    leading = now;
    return now;
  }

  /** A retry due before the next minute's tick (short POTD_RETRY_DELAYS) gets a tick of its own. */
  function wakeAt(at: Date): void {
    const ms = at.getTime() - deps.now().getTime();
    if (ms >= 60_000 || stopping.signal.aborted) return;
    const timer = setTimeout(() => {
      wakes.delete(timer);
      void tick(deps.now());
    }, Math.max(ms, 0) + 20);
    timer.unref();
    wakes.add(timer);
  }

  async function guilds(): Promise<string[]> {
    return [...(await deps.listGuilds())];
  }

  function scheduleFrom(
    guildId: string,
    all: readonly string[],
    row: GuildSettings | undefined,
  ): PotdSchedule | undefined {
    return effectiveSchedule(guildId, row, deps.env, all.length === 1 ? all[0] : undefined);
  }

  async function scheduleOf(guildId: string, all: readonly string[]): Promise<PotdSchedule | undefined> {
    return scheduleFrom(guildId, all, await deps.store.settings.get(guildId));
  }

  /** The guild's schedule and local day when its post is due at `at` (sent or not), else undefined. */
  function dueDay(guildId: string, all: readonly string[], at: Date, row: GuildSettings | undefined) {
    const schedule = scheduleFrom(guildId, all, row);
    if (!schedule || schedule.paused) return undefined;
    const day = localDate(at, schedule.timeZone);
    const due = dueAt(schedule, day);
    return due === null || at < due ? undefined : { schedule, guildId, localDate: day };
  }

  async function tickGuild(
    guildId: string,
    at: Date,
    schedule: PotdSchedule,
  ): Promise<GuildTick | undefined> {
    if (stopping.signal.aborted) return undefined;
    // This process already has this guild's post queued or in flight (a long queue spanning two ticks).
    if (inFlight.has(guildId)) return undefined;
    const queuedAt = Date.now();
    const waits = limit.activeCount + limit.pendingCount >= limit.concurrency;
    const delivery = limit(() => {
      // The clock moved on while this waited its turn: claim and lease from the time the work starts.
      const now = waits ? new Date(at.getTime() + (Date.now() - queuedAt)) : at;
      const dueNow = dueAt(schedule, localDate(now, schedule.timeZone));
      if (stopping.signal.aborted || dueNow === null || now < dueNow) return undefined;
      return deliverPostOfTheDay({
        store: deps.store,
        schedule,
        now,
        collection: deps.collection(),
        send: deps.send,
        findPosted: deps.findPosted,
        owner,
        retry,
        // Work on a claim ends well before its lease does, so nobody takes over a claim still being sent.
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(retry.leaseMs * 0.75)]),
        ...(deps.isAlive ? { isAlive: deps.isAlive } : {}),
      });
    });
    inFlight.set(guildId, delivery);
    try {
      const outcome = await delivery;
      if (!outcome) return undefined;
      logOutcome(guildId, outcome);
      if (outcome.kind === "failed" && outcome.retryAt) wakeAt(outcome.retryAt);
      return { guildId, outcome };
    } finally {
      inFlight.delete(guildId);
    }
  }

  function logOutcome(guildId: string, outcome: DeliveryOutcome): void {
    if (outcome.kind === "sent" || outcome.kind === "found")
      deps.log.info({ guildId, ...outcome }, "post of the day");
    else if (outcome.kind === "failed") deps.log.warn({ guildId, ...outcome }, "post of the day failed");
    else if (outcome.reason === "empty")
      deps.log.warn({ guildId }, "post of the day: the collection is empty");
  }

  async function tick(at = deps.now()): Promise<GuildTick[]> {
    if (deps.leadership && !(await leads())) return [];
    const all = await guilds();
    // One read of every server's settings a tick, not one per server (a round trip each on PostgreSQL).
    const rows = new Map((await deps.store.settings.all()).map((row) => [row.guildId, row]));
    const due = all.flatMap((guildId) => dueDay(guildId, all, at, rows.get(guildId)) ?? []);
    // Likewise one read of which of those days are already settled: most of them, most of the day.
    const settled = await deps.store.deliveries.settled(due);
    const results = await Promise.all(
      due
        .filter((day) => !settled.has(settledKey(day.guildId, day.localDate)))
        .map(({ guildId, schedule }) =>
          tickGuild(guildId, at, schedule).catch((error: unknown) => {
            deps.log.error({ guildId, err: error }, "post of the day: scheduler error");
            return undefined;
          }),
        ),
    );
    return results.filter((r): r is GuildTick => r !== undefined);
  }

  async function firstRowDefaults(guildId: string, at: Date) {
    const env = await scheduleOf(guildId, await guilds());
    if (env?.source !== "env" || !("cron" in env.at)) return { time: "09:00", timeZone: "UTC" };
    const time = firstCronTime(env.at.cron, localDate(at, env.timeZone)) ?? "09:00";
    return { channelId: env.channelId, time, timeZone: env.timeZone };
  }

  return {
    async start() {
      const results = await tick(deps.now());
      // One job for all guilds: each minute asks "is it past this guild's time today and nothing sent yet?",
      // which needs no per-zone cron and cannot skip or double a day across DST.
      task ??= cron.schedule("* * * * *", () => tick(deps.now()), { name: "potd", noOverlap: true });
      // A standby takes over within seconds of the leader's death, not at the next minute.
      if (deps.leadership && !standby) {
        standby = setInterval(() => {
          if (!leading && !stopping.signal.aborted) void tick(deps.now());
        }, deps.leadership.checkEveryMs ?? 5000);
        standby.unref();
      }
      return results;
    },
    async stop(deadlineMs = 3000) {
      stopping.abort(new Error("shutting down"));
      for (const timer of wakes) clearTimeout(timer);
      clearInterval(standby);
      await (task?.destroy ? task.destroy() : task?.stop());
      task = undefined;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      });
      await Promise.race([Promise.allSettled(inFlight.values()), deadline]);
      clearTimeout(timer);
    },
    tick,
    async configure(guildId, patch, at = deps.now()) {
      if (patch.time !== undefined && !isValidTime(patch.time)) {
        throw new RangeError(`time must be HH:MM between 00:00 and 23:59, got ${patch.time}`);
      }
      const timeZone = patch.timeZone === undefined ? undefined : canonicalTimeZone(patch.timeZone);
      const defaults = await firstRowDefaults(guildId, at);
      const saved = await deps.store.settings.update(guildId, { ...patch, timeZone }, at, defaults);
      // Pointing at a (new) channel is the usual fix for today's failure: try again now instead of tomorrow.
      if (patch.channelId) await deps.store.deliveries.retrySoon(guildId, localDate(at, saved.timeZone), at);
      return saved;
    },
    async switchOff(guildId, at = deps.now()) {
      const defaults = await firstRowDefaults(guildId, at);
      return deps.store.settings.switchOff(guildId, at, defaults);
    },
    async skipToday(guildId, at = deps.now()) {
      const schedule = await scheduleOf(guildId, await guilds());
      const date = localDate(at, schedule?.timeZone ?? deps.env?.timeZone ?? "UTC");
      return { localDate: date, skipped: await deps.store.deliveries.skip(guildId, date) };
    },
    async scheduleFor(guildId) {
      return await scheduleOf(guildId, await guilds());
    },
    async status(guildId, at = deps.now()) {
      const schedule = await scheduleOf(guildId, await guilds());
      const zone = schedule?.timeZone ?? deps.env?.timeZone ?? "UTC";
      const date = localDate(at, zone);
      const today = await deps.store.deliveries.get(guildId, date);
      const dueToday = schedule ? dueAt(schedule, date) : null;
      return {
        schedule,
        localDate: date,
        dueToday,
        nextRun: schedule && !schedule.paused ? nextDue(schedule, date, at, today) : null,
        today,
        recent: await deps.store.deliveries.recent(guildId),
        remainingInCycle: remainingInCycle(deps.collection(), await deps.store.decks.get(guildId)),
        lastError: await deps.store.settings.lastError(guildId),
      };
    },
  };
}

/** Today's due time if nothing went out yet (even if late: start-up catches up), else the next day that fires. */
function nextDue(schedule: PotdSchedule, date: string, at: Date, today: Delivery | undefined): Date | null {
  const due = dueAt(schedule, date);
  if (due !== null && today === undefined) return due > at ? due : at;
  if (today?.status === "failed" && today.retryAt !== null) {
    const retryAt = new Date(today.retryAt);
    if (localDate(retryAt, schedule.timeZone) === date) return retryAt > at ? retryAt : at;
  }
  // A cron may skip days (weekdays only...): look up to a year ahead.
  for (let i = 1; i <= 366; i++) {
    const next = dueAt(schedule, addDays(date, i));
    if (next !== null) return next;
  }
  return null;
}
