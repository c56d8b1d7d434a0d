import cron, { type ScheduledTask } from "node-cron";

/**
 * POTD_CRON as a time of day: the first wall-clock minute of `date` the expression matches, or null when it
 * does not fire that day. Matching wall-clock minutes (not instants) and then going through `dueInstant` gives
 * a cron the same DST rules as an HH:MM schedule: `30 2 * * *` still posts on a spring-forward day.
 */
export function firstCronTime(expression: string, date: string): string | null {
  const key = `${expression}\u0000${date}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const task = matcher(expression);
  const [y, m, d] = date.split("-").map(Number);
  let found: string | null = null;
  for (let minute = 0; minute < 24 * 60 && found === null; minute++) {
    if (task.match(new Date(Date.UTC(y!, m! - 1, d!, 0, minute)))) {
      found = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, found);
  return found;
}

/** A five-field expression node-cron accepts; seconds are refused since the scheduler works in minutes. */
export function isValidPotdCron(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 5 && cron.validate(expression);
}

/**
 * How many times a day a valid expression fires on the days it fires: its minutes times its hours (the day fields
 * only choose the days). The post of the day needs exactly one.
 */
export function timesPerDay(expression: string): number {
  const [minute, hour] = expression.trim().split(/\s+/);
  const task = matcher(`${minute} ${hour} * * *`);
  let count = 0;
  for (let m = 0; m < 24 * 60; m++) if (task.match(new Date(Date.UTC(2026, 0, 1, 0, m)))) count++;
  return count;
}

const cache = new Map<string, string | null>();
const matchers = new Map<string, ScheduledTask>();

function matcher(expression: string): ScheduledTask {
  let task = matchers.get(expression);
  if (!task) {
    if (!isValidPotdCron(expression)) throw new RangeError(`not a five-field cron expression: ${expression}`);
    // Never started: only its matcher is used, evaluated on the naive wall clock (hence UTC).
    task = cron.createTask(expression, () => {}, { timezone: "Etc/UTC", name: `potd-matcher ${expression}` });
    matchers.set(expression, task);
  }
  return task;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
