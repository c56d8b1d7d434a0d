/** Discord's epoch (2015-01-01) — snowflakes carry milliseconds since then in their top 42 bits. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Returns a generator of unique, time-ordered snowflakes, like the ones Discord mints. */
export function createSnowflakes(now: () => number = Date.now): () => string {
  let last = 0n;
  return () => {
    const fromClock = (BigInt(now()) - DISCORD_EPOCH) << 22n;
    // More than one id per millisecond: count up in the low bits so ids stay unique and ordered.
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString();
  };
}

/** The shard that receives a guild's events: (guild_id >> 22) % shard_count, as documented by Discord. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function compareSnowflakes(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}

export function timestampOf(snowflake: string): Date {
  return new Date(Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH));
}
