import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Library } from "../discord/context.js";
import { newDeck, postForDay } from "../library/potd.js";
import { addDays, localDate } from "../scheduler/next-run.js";
import { todaysPost } from "../scheduler/preview.js";
import type { Scheduler } from "../scheduler/scheduler.js";
import type { PostStore } from "../store/post-store.js";
import type { PostOfTheDay } from "./pages.js";
import { startWebServer } from "./server.js";

/** The archive's own deck when the default schedule is not tied to one server: one post a day for every reader. */
const ARCHIVE_DECK = "web-archive";

/** How many days of posts of the day the feed lists. */
const FEED_DAYS = 7;

/**
 * The posts of the day of the environment's default schedule, newest first, today's first. With DISCORD_GUILD_ID:
 * the post that server gets (or got) today, then the ones it was sent on earlier days. Otherwise: the archive's
 * own pick for each of the last days in POTD_TIMEZONE, made the same way from a deck seeded by the date.
 */
export function defaultPostsOfTheDay(
  config: Pick<Config, "DISCORD_GUILD_ID" | "POTD_TIMEZONE">,
  library: () => Library,
  scheduler?: Pick<Scheduler, "status">,
  store?: PostStore,
  now: () => Date = () => new Date(),
): () => Promise<PostOfTheDay[]> {
  const guildId = config.DISCORD_GUILD_ID;
  return async () => {
    const { collection } = library();
    if (guildId && scheduler && store) {
      const status = await scheduler.status(guildId);
      const today = await todaysPost(store, collection, guildId, status);
      const earlier = status.recent
        .filter((d) => d.status === "sent" && d.postId && d.localDate < status.localDate)
        .flatMap((d) => {
          const post = collection.byId.get(d.postId!);
          return post ? [{ post, localDate: d.localDate }] : [];
        });
      return [...(today ? [{ post: today, localDate: status.localDate }] : []), ...earlier].slice(
        0,
        FEED_DAYS,
      );
    }
    const today = localDate(now(), config.POTD_TIMEZONE);
    return Array.from({ length: FEED_DAYS }, (_, back) => addDays(today, -back)).flatMap((date) => {
      // No stored history here: a deck seeded by the date draws a fresh post each day (pinned days still win).
      const post = postForDay(collection, date, newDeck(`${ARCHIVE_DECK}:${date}`));
      return post ? [{ post, localDate: date }] : [];
    });
  };
}

/** Starts the archive when WEB_PORT is set; logs where it listens. The process exiting closes it. */
export async function startArchive(
  config: Config,
  library: () => Library,
  postsOfTheDay: () => Promise<PostOfTheDay[]>,
  version: string,
  log: Logger,
): Promise<{ url: string; close(): Promise<void> } | undefined> {
  if (config.WEB_PORT === undefined) return undefined;
  const web = await startWebServer(
    {
      library,
      postsOfTheDay,
      site: { name: "Curator", version, publicUrl: config.PUBLIC_URL },
      log: log.child({ component: "web" }),
    },
    { port: config.WEB_PORT, host: config.WEB_HOST ?? "0.0.0.0" },
  );
  log.info({ url: web.url, publicUrl: config.PUBLIC_URL ?? null }, "web archive listening");
  return web;
}
