import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Library } from "../discord/context.js";
import { newDeck, postForDay } from "../library/potd.js";
import { localDate } from "../scheduler/next-run.js";
import { todaysPost } from "../scheduler/preview.js";
import type { Scheduler } from "../scheduler/scheduler.js";
import type { Store } from "../store/store.js";
import type { PostOfTheDay } from "./pages.js";
import { startWebServer } from "./server.js";

/** The archive's own deck when the default schedule is not tied to one server: one post a day for every reader. */
const ARCHIVE_DECK = "web-archive";

/**
 * Today's post of the day for the environment's default schedule: with DISCORD_GUILD_ID, the post that server
 * gets (or got) today; otherwise the archive's own daily pick in POTD_TIMEZONE, made the same way.
 */
export function defaultPostOfTheDay(
  config: Pick<Config, "DISCORD_GUILD_ID" | "POTD_TIMEZONE">,
  library: () => Library,
  scheduler?: Pick<Scheduler, "status">,
  store?: Store,
  now: () => Date = () => new Date(),
): () => Promise<PostOfTheDay | undefined> {
  const guildId = config.DISCORD_GUILD_ID;
  return async () => {
    const { collection } = library();
    if (guildId && scheduler && store) {
      const status = await scheduler.status(guildId);
      const post = todaysPost(store, collection, guildId, status);
      return post && { post, localDate: status.localDate };
    }
    const date = localDate(now(), config.POTD_TIMEZONE);
    // No stored history here: a deck seeded by the date draws a fresh post each day (pinned days still win).
    const post = postForDay(collection, date, newDeck(`${ARCHIVE_DECK}:${date}`));
    return post && { post, localDate: date };
  };
}

/** Starts the archive when WEB_PORT is set; logs where it listens. The process exiting closes it. */
export async function startArchive(
  config: Config,
  library: () => Library,
  potd: () => Promise<PostOfTheDay | undefined>,
  version: string,
  log: Logger,
): Promise<{ url: string; close(): Promise<void> } | undefined> {
  if (config.WEB_PORT === undefined) return undefined;
  const web = await startWebServer(
    {
      library,
      potd,
      site: { name: "Curator", version, publicUrl: config.PUBLIC_URL },
      log: log.child({ component: "web" }),
    },
    { port: config.WEB_PORT, host: config.WEB_HOST ?? "0.0.0.0" },
  );
  log.info({ url: web.url, publicUrl: config.PUBLIC_URL ?? null }, "web archive listening");
  return web;
}
