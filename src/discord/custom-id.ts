import { isCalendarDate } from "../library/on-this-day.js";
import { POST_ID } from "../library/post.js";

/**
 * Buttons and menus keep all their state in the custom_id (<= 100 chars), so they work after a restart.
 * Every id is parsed defensively: a client can send any string.
 *
 *   sp|<user>|<page>|<version>|<topic>|<query>   search results page (only <user> may page)
 *   so|<version>                                  search result menu: the values are post ids
 *   pp|<user>|<page>|<post id>                   a page of a long post
 *   rn|<user>|<topic>                            "Another" random post
 *   od|<user>|<page>|<yyyymmdd>|<zone>           on-this-day results page (only <user> may page)
 *   sv|<post id>[|<yyyymmdd>]                    "Save": saves the post for whoever presses it; under a post of the
 *                                                day, the local day it was posted for (how crash repair finds it)
 *   sl|<user>|<page>                             a page of <user>'s saved posts
 *   sr|<user>|<page>|<post id>                   remove a post from <user>'s saved posts, then show <page>
 *   sc|<user>|<asked at>|<y or n>                 confirm (y) or cancel (n) `/saved clear`, asked at <asked at>
 *                                                (Unix seconds): a confirmation too old is refused
 *
 * Numbers are base 36; <version> is the start of the collection's hash. In search ids <topic> is the topic's index in
 * the collection's topic list (short, and safe because a changed collection changes <version>); in random ids it is
 * the topic's name. Empty means no topic.
 */
export type CustomId =
  | { kind: "searchPage"; userId: string; page: number; version: string; topic?: number; query: string }
  | { kind: "searchOpen"; version: string }
  | { kind: "postPage"; userId: string; page: number; postId: string }
  | { kind: "random"; userId: string; topic: string }
  | { kind: "onThisDay"; userId: string; page: number; date: string; timeZone: string }
  | { kind: "save"; postId: string; day?: string }
  | { kind: "savedPage"; userId: string; page: number }
  | { kind: "savedRemove"; userId: string; page: number; postId: string }
  | { kind: "savedClear"; userId: string; askedAt: number; confirm: boolean };

const SNOWFLAKE = /^\d{1,20}$/;
const PAGE = /^[0-9a-z]{1,3}$/;
const VERSION = /^[0-9a-f]{4}$/;
const TOPIC = /^[a-z0-9-]{0,49}$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** IANA zone names: `Europe/Paris`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`, `UTC`. */
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,59}$/;

export function encodeCustomId(id: CustomId): string {
  switch (id.kind) {
    case "searchPage": {
      const head = ["sp", id.userId, id.page.toString(36), id.version, id.topic?.toString(36) ?? "", ""].join(
        "|",
      );
      return head + fitQuery(id.query, 100 - head.length);
    }
    case "searchOpen":
      return `so|${id.version}`;
    case "postPage":
      return ["pp", id.userId, id.page.toString(36), id.postId].join("|");
    case "random":
      return ["rn", id.userId, id.topic].join("|");
    case "onThisDay":
      return ["od", id.userId, id.page.toString(36), id.date.replaceAll("-", ""), id.timeZone].join("|");
    case "save":
      return id.day ? `sv|${id.postId}|${id.day.replaceAll("-", "")}` : `sv|${id.postId}`;
    case "savedPage":
      return ["sl", id.userId, id.page.toString(36)].join("|");
    case "savedRemove":
      return ["sr", id.userId, id.page.toString(36), id.postId].join("|");
    case "savedClear":
      return ["sc", id.userId, id.askedAt.toString(36), id.confirm ? "y" : "n"].join("|");
  }
}

/** The longest query a search button can always carry: `/search` caps its `query` option at this length. */
export const MAX_QUERY_LENGTH =
  100 -
  encodeCustomId({
    kind: "searchPage",
    userId: "9".repeat(20),
    page: 36 ** 3 - 1,
    version: "ffff",
    topic: 36 ** 3 - 1,
    query: "",
  }).length;

export function decodeCustomId(raw: string): CustomId | undefined {
  const [kind, ...f] = raw.split("|");
  if (kind === "sp" && f.length >= 5) {
    const [userId = "", page = "", version = "", topic = ""] = f;
    const query = f.slice(4).join("|");
    if (
      !SNOWFLAKE.test(userId) ||
      !PAGE.test(page) ||
      !VERSION.test(version) ||
      !/^[0-9a-z]{0,3}$/.test(topic)
    )
      return undefined;
    const topicIndex = topic === "" ? undefined : Number.parseInt(topic, 36);
    return { kind: "searchPage", userId, page: Number.parseInt(page, 36), version, topic: topicIndex, query };
  }
  if (kind === "so" && f.length === 1 && VERSION.test(f[0] ?? ""))
    return { kind: "searchOpen", version: f[0]! };
  if (kind === "pp" && f.length === 3) {
    const [userId = "", page = "", postId = ""] = f;
    if (!SNOWFLAKE.test(userId) || !PAGE.test(page) || !POST_ID.test(postId)) return undefined;
    return { kind: "postPage", userId, page: Number.parseInt(page, 36), postId };
  }
  if (kind === "rn" && f.length === 2) {
    const [userId = "", topic = ""] = f;
    if (!SNOWFLAKE.test(userId) || !TOPIC.test(topic)) return undefined;
    return { kind: "random", userId, topic };
  }
  if (kind === "od" && f.length === 4) {
    const [userId = "", page = "", date = "", timeZone = ""] = f;
    const d = COMPACT_DATE.exec(date);
    const iso = d ? `${d[1]}-${d[2]}-${d[3]}` : "";
    if (!SNOWFLAKE.test(userId) || !PAGE.test(page) || !isCalendarDate(iso) || !ZONE.test(timeZone))
      return undefined;
    return { kind: "onThisDay", userId, page: Number.parseInt(page, 36), date: iso, timeZone };
  }
  if (kind === "sv" && f.length === 1 && POST_ID.test(f[0] ?? "")) return { kind: "save", postId: f[0]! };
  if (kind === "sv" && f.length === 2 && POST_ID.test(f[0] ?? "")) {
    const d = COMPACT_DATE.exec(f[1] ?? "");
    const day = d ? `${d[1]}-${d[2]}-${d[3]}` : "";
    return isCalendarDate(day) ? { kind: "save", postId: f[0]!, day } : undefined;
  }
  if (kind === "sl" && f.length === 2) {
    const [userId = "", page = ""] = f;
    if (!SNOWFLAKE.test(userId) || !PAGE.test(page)) return undefined;
    return { kind: "savedPage", userId, page: Number.parseInt(page, 36) };
  }
  if (kind === "sr" && f.length === 3) {
    const [userId = "", page = "", postId = ""] = f;
    if (!SNOWFLAKE.test(userId) || !PAGE.test(page) || !POST_ID.test(postId)) return undefined;
    return { kind: "savedRemove", userId, page: Number.parseInt(page, 36), postId };
  }
  if (kind === "sc" && f.length === 3) {
    const [userId = "", askedAt = "", confirm = ""] = f;
    if (!SNOWFLAKE.test(userId) || !/^[0-9a-z]{1,8}$/.test(askedAt) || !/^[yn]$/.test(confirm))
      return undefined;
    return { kind: "savedClear", userId, askedAt: Number.parseInt(askedAt, 36), confirm: confirm === "y" };
  }
  return undefined;
}

/**
 * Discord counts `max_length` in characters but the 100 of a custom_id may be UTF-16 units: a query of emoji can be
 * twice as long as allowed. Such a query is cut (at a character) for paging, never the custom_id made invalid.
 */
function fitQuery(query: string, room: number): string {
  if (query.length <= room) return query;
  let out = "";
  for (const char of query) {
    if (out.length + char.length > room) break;
    out += char;
  }
  return out;
}
