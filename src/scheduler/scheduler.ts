import nodeCron from "node-cron";
import pLimit from "p-limit";
import { remainingInCycle, withTopic } from "../library/potd.js";
import type { ClaimOwner, Delivery } from "../store/deliveries.js";
import { type PostStore, settledKey } from "../store/post-store.js";
import { DEFAULT_SCHEDULE } from "../store/schedule-fields.js";
import type { GuildSettings, SettingsPatch } from "../store/settings.js";
import { firstCronTime } from "./cron-time.js";
import {
  DEFAULT_RETRY,
  type DeliverArgs,
  type DeliveryOutcome,
  deliverPostOfTheDay,
  type FindPosted,
  type FinishPost,
  type RetryPolicy,
  type SendPost,
} from "./deliver.js";
import { addDays, canonicalTimeZone, isValidTime, localDate } from "./next-run.js";
import { processOwner } from "./owner.js";
import { dueAt, type EnvSchedule, effectiveSchedules, type PotdSchedule } from "./schedule.js";

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
  /** Publishes, or opens the thread of, a post found in the channel instead of sent (see `FinishPost`). */
  finish?: FinishPost;
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

export type GuildTick = { guildId: string; schedule: string; outcome: DeliveryOutcome };

/** `/schedule` named no schedule and the server has several: the message names them. */
export class AmbiguousScheduleError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `This server has ${names.length} schedules: ${names.map((n) => `\`${n}\``).join(", ")}. Say which one with \`name:\`.`,
    );
    this.name = "AmbiguousScheduleError";
  }
}

export type ScheduleStatus = {
  /** The schedule's name (whether or not it is on). */
  name: string;
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
  /** `name`: which schedule (default: `daily` if the server has it, else its first). */
  status(guildId: string, at?: Date, name?: string): Promise<ScheduleStatus>;
  /** The schedule in force for a guild by name (settings row, else env defaults), undefined if off. */
  scheduleFor(guildId: string, name?: string): Promise<PotdSchedule | undefined>;
  /** Every schedule of a server that is on (a channel set), by name. */
  schedulesFor(guildId: string): Promise<PotdSchedule[]>;
  /**
   * The schedule a command means: `name` if given; else the server's only schedule (`daily` if it has none);
   * throws AmbiguousScheduleError when it has several.
   */
  resolveName(guildId: string, name?: string | null): Promise<string>;
  /** `/schedule remove`: the schedule, its deck and last error go; its delivery log stays. */
  remove(guildId: string, name: string): Promise<boolean>;
  /**
   * `/schedule set|pause|resume`: validates and stores a server's settings. A server's first row inherits the
   * env schedule if it applied to that server (channel, zone, the cron's time of day), else 09:00 UTC.
   * Setting a channel also retries today's failed post at the next tick.
   */
  configure(guildId: string, patch: SettingsPatch, at?: Date, name?: string): Promise<GuildSettings>;
  /** `/schedule off`: keeps a row with no channel, so the env defaults do not switch it back on. */
  switchOff(guildId: string, at?: Date, name?: string): Promise<GuildSettings>;
  /** `/schedule skip`: today (server's zone) gets no post unless it is already out or being sent. */
  skipToday(guildId: string, at?: Date, name?: string): Promise<{ localDate: string; skipped: boolean }>;
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

  function schedulesFrom(
    guildId: string,
    all: readonly string[],
    rows: readonly GuildSettings[],
  ): PotdSchedule[] {
    return effectiveSchedules(guildId, rows, deps.env, all.length === 1 ? all[0] : undefined);
  }

  async function schedulesOf(guildId: string): Promise<PotdSchedule[]> {
    return schedulesFrom(guildId, await guilds(), await deps.store.settings.list(guildId));
  }

  /** The schedule `name` means when none is given: `daily` if the server has it, else its first (rows included). */
  async function defaultName(guildId: string): Promise<string> {
    const names = [
      ...new Set([
        ...(await deps.store.settings.list(guildId)).map((r) => r.name),
        ...(await schedulesOf(guildId)).map((s) => s.name),
      ]),
    ].sort();
    return names.includes(DEFAULT_SCHEDULE) ? DEFAULT_SCHEDULE : (names[0] ?? DEFAULT_SCHEDULE);
  }

  async function scheduleOf(guildId: string, name?: string): Promise<PotdSchedule | undefined> {
    const wanted = name ?? (await defaultName(guildId));
    return (await schedulesOf(guildId)).find((s) => s.name === wanted);
  }

  /** The schedule and its local day when its post is due at `at` (sent or not), else undefined. */
  function dueDay(schedule: PotdSchedule, at: Date) {
    if (schedule.paused) return undefined;
    const day = localDate(at, schedule.timeZone);
    const due = dueAt(schedule, day);
    return due === null || at < due ? undefined : { schedule, localDate: day };
  }

  async function tickSchedule(schedule: PotdSchedule, at: Date): Promise<GuildTick | undefined> {
    if (stopping.signal.aborted) return undefined;
    const { guildId, name } = schedule;
    const key = `${guildId}\u0000${name}`;
    // This process already has this schedule's post queued or in flight (a long queue spanning two ticks).
    if (inFlight.has(key)) return undefined;
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
        ...(deps.finish ? { finish: deps.finish } : {}),
      });
    });
    inFlight.set(key, delivery);
    try {
      const outcome = await delivery;
      if (!outcome) return undefined;
      logOutcome(guildId, name, outcome);
      if (outcome.kind === "failed" && outcome.retryAt) wakeAt(outcome.retryAt);
      return { guildId, schedule: name, outcome };
    } finally {
      inFlight.delete(key);
    }
  }

  function logOutcome(guildId: string, schedule: string, outcome: DeliveryOutcome): void {
    if (outcome.kind === "sent" || outcome.kind === "found")
      deps.log.info({ guildId, schedule, ...outcome }, "post of the day");
    else if (outcome.kind === "failed")
      deps.log.warn({ guildId, schedule, ...outcome }, "post of the day failed");
    else if (outcome.reason === "empty")
      deps.log.warn(
        { guildId, schedule },
        "post of the day: the collection (or the schedule's topic) is empty",
      );
  }

  async function tick(at = deps.now()): Promise<GuildTick[]> {
    if (deps.leadership && !(await leads())) return [];
    const all = await guilds();
    // One read of every schedule a tick, not one per server (a round trip each on PostgreSQL).
    const rows = new Map<string, GuildSettings[]>();
    for (const row of await deps.store.settings.all())
      rows.set(row.guildId, [...(rows.get(row.guildId) ?? []), row]);
    const due = all
      .flatMap((guildId) => schedulesFrom(guildId, all, rows.get(guildId) ?? []))
      .flatMap((schedule) => dueDay(schedule, at) ?? []);
    // Likewise one read of which of those days are already settled: most of them, most of the day.
    const settled = await deps.store.deliveries.settled(
      due.map((d) => ({ guildId: d.schedule.guildId, schedule: d.schedule.name, localDate: d.localDate })),
    );
    const results = await Promise.all(
      due
        .filter((d) => !settled.has(settledKey(d.schedule.guildId, d.schedule.name, d.localDate)))
        .map(({ schedule }) =>
          tickSchedule(schedule, at).catch((error: unknown) => {
            deps.log.error(
              { guildId: schedule.guildId, schedule: schedule.name, err: error },
              "post of the day: scheduler error",
            );
            return undefined;
          }),
        ),
    );
    return results.filter((r): r is GuildTick => r !== undefined);
  }

  async function firstRowDefaults(guildId: string, at: Date) {
    const env = (await schedulesOf(guildId)).find((s) => s.source === "env");
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
    async configure(guildId, patch, at = deps.now(), name = DEFAULT_SCHEDULE) {
      if (patch.time !== undefined && !isValidTime(patch.time)) {
        throw new RangeError(`time must be HH:MM between 00:00 and 23:59, got ${patch.time}`);
      }
      const timeZone = patch.timeZone === undefined ? undefined : canonicalTimeZone(patch.timeZone);
      const defaults =
        name === DEFAULT_SCHEDULE ? await firstRowDefaults(guildId, at) : { time: "09:00", timeZone: "UTC" };
      const saved = await deps.store.settings.update(guildId, { ...patch, timeZone }, at, defaults, name);
      // Pointing at a (new) channel is the usual fix for today's failure: try again now instead of tomorrow.
      if (patch.channelId)
        await deps.store.deliveries.retrySoon(guildId, localDate(at, saved.timeZone), at, name);
      return saved;
    },
    async switchOff(guildId, at = deps.now(), name = DEFAULT_SCHEDULE) {
      const defaults = await firstRowDefaults(guildId, at);
      return deps.store.settings.switchOff(guildId, at, defaults, name);
    },
    async skipToday(guildId, at = deps.now(), name) {
      const wanted = name ?? (await defaultName(guildId));
      const schedule = await scheduleOf(guildId, wanted);
      const row = await deps.store.settings.get(guildId, wanted);
      const date = localDate(at, schedule?.timeZone ?? row?.timeZone ?? deps.env?.timeZone ?? "UTC");
      return { localDate: date, skipped: await deps.store.deliveries.skip(guildId, date, wanted) };
    },
    async scheduleFor(guildId, name) {
      return await scheduleOf(guildId, name);
    },
    schedulesFor: schedulesOf,
    async resolveName(guildId, name) {
      if (name) return name;
      const names = [
        ...new Set([
          ...(await deps.store.settings.list(guildId)).filter((r) => r.channelId !== null).map((r) => r.name),
          ...(await schedulesOf(guildId)).map((s) => s.name),
        ]),
      ].sort();
      if (names.length > 1) throw new AmbiguousScheduleError(names);
      return names[0] ?? (await defaultName(guildId));
    },
    remove: (guildId, name) => deps.store.settings.remove(guildId, name),
    async status(guildId, at = deps.now(), name) {
      const wanted = name ?? (await defaultName(guildId));
      const schedule = await scheduleOf(guildId, wanted);
      const row = await deps.store.settings.get(guildId, wanted);
      const zone = schedule?.timeZone ?? row?.timeZone ?? deps.env?.timeZone ?? "UTC";
      const date = localDate(at, zone);
      const today = await deps.store.deliveries.get(guildId, date, wanted);
      const dueToday = schedule ? dueAt(schedule, date) : null;
      const deck = await deps.store.decks.get(guildId, wanted);
      return {
        name: wanted,
        schedule,
        localDate: date,
        dueToday,
        nextRun: schedule && !schedule.paused ? nextDue(schedule, date, at, today) : null,
        today,
        recent: await deps.store.deliveries.recent(guildId, 7, wanted),
        remainingInCycle: remainingInCycle(withTopic(deps.collection(), schedule?.topic ?? null), deck),
        lastError: await deps.store.settings.lastError(guildId, wanted),
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
