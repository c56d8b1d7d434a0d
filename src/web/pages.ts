import { readdirSync, readFileSync } from "node:fs";
import { Eta } from "eta";
import type { Library } from "../discord/context.js";
import { postTitle } from "../discord/render-post.js";
import { monthAndDay } from "../i18n/dates.js";
import type { Post } from "../library/post.js";
import type { SnippetPart } from "../library/search.js";
import { archiveOf, PAGE_SIZE, type Paged, pageOf } from "./archive.js";
import { postParts } from "./post-parts.js";
import { postParagraphs } from "./post-text.js";

/** Everything a page is rendered from besides the collection. */
export interface Site {
  name: string;
  version: string;
  /** PUBLIC_URL without a trailing slash: absolute links for canonical and Open Graph tags. */
  publicUrl?: string | undefined;
}

export interface PostOfTheDay {
  post: Post;
  localDate: string;
}

interface Meta {
  title: string;
  description: string;
  url?: string | undefined;
  type: "website" | "article";
  published?: string | undefined;
  noindex?: boolean;
}

// autoEscape: every `<%= %>` is HTML-escaped; only `<%~ %>` (used for includes and the layout body) is not.
const eta = new Eta({ autoEscape: true });
// Compiled once, by name ("@post"): a render then touches no file and resolves no path.
const TEMPLATES = new URL("./templates/", import.meta.url);
for (const file of readdirSync(TEMPLATES).filter((f) => f.endsWith(".eta")))
  eta.loadTemplate(`@${file.slice(0, -4)}`, readFileSync(new URL(file, TEMPLATES), "utf8"));

const DESCRIPTION_CHARS = 200;
const EXCERPT_CHARS = 280;
const TOPICS_ON_HOME = 40;
export function homePage(site: Site, library: Library, page: number, potd?: PostOfTheDay): string {
  const { collection } = library;
  const paged = pageOf(archiveOf(collection).recent, page);
  return render("@home", site, library, {
    meta: meta(site, "/", {
      title: "The collection",
      description: `${collection.posts.length} posts to read and search.`,
    }),
    potd: potd && { ...potd, title: postTitle(potd.post), excerpt: excerpt(potd.post.text, EXCERPT_CHARS) },
    cards: paged.items.map((post) => card(post)),
    paged,
    pageHref: (n: number) => (n === 1 ? "/" : `/?page=${n}`),
    topics: collection.topics.slice(0, TOPICS_ON_HOME),
  });
}

export function postPage(site: Site, library: Library, post: Post): string {
  const title = postTitle(post);
  return render("@post", site, library, {
    meta: meta(site, `/p/${post.id}`, {
      title,
      // A post behind a content warning shows only the warning, in the page's unfurl too.
      description: post.contentWarning
        ? `Content warning: ${post.contentWarning}`
        : excerpt(post.text, DESCRIPTION_CHARS),
      type: "article",
      published: post.createdAt,
    }),
    post,
    title,
    date: dateOf(post),
    day: post.day && monthAndDay(post.day),
    // A thread's original posts, or else the pages Discord shows the post in; a short post is one unmarked part.
    ...partsOf(post),
  });
}

function partsOf(post: Post) {
  const { parts, kind } = postParts(post);
  return { parts: parts.map(postParagraphs), partKind: kind };
}

export function topicPage(site: Site, library: Library, topic: string, page: number): string | undefined {
  const posts = archiveOf(library.collection).byTopic.get(topic);
  if (!posts) return undefined;
  const paged = pageOf(posts, page);
  return render("@list", site, library, {
    meta: meta(site, `/t/${topic}`, {
      title: `#${topic}`,
      description: `${posts.length} posts on ${topic}.`,
    }),
    heading: `#${topic}`,
    summary: `${count(posts.length, "post")}, newest first.`,
    cards: paged.items.map((post) => card(post)),
    paged,
    pageHref: (n: number) => `/t/${topic}${n === 1 ? "" : `?page=${n}`}`,
  });
}

export function searchPage(site: Site, library: Library, query: string, page: number): string {
  const trimmed = query.trim();
  const first = Math.max(1, page);
  let results = library.index.search(trimmed, { limit: PAGE_SIZE, offset: (first - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(results.total / PAGE_SIZE));
  if (first > pages && results.total > 0)
    results = library.index.search(trimmed, { limit: PAGE_SIZE, offset: (pages - 1) * PAGE_SIZE });
  const paged: Paged<unknown> = {
    items: results.hits,
    page: Math.min(first, pages),
    pages,
    total: results.total,
  };
  const summary =
    trimmed === ""
      ? "Type words to search for."
      : results.total === 0
        ? `No posts match “${trimmed}”. Try fewer or other words, or check the spelling.`
        : `${count(results.total, "post")} ${results.total === 1 ? "matches" : "match"} “${trimmed}”.`;
  return render("@list", site, library, {
    meta: {
      ...meta(site, undefined, { title: trimmed ? `Search: ${trimmed}` : "Search", description: summary }),
      noindex: true,
    },
    query: trimmed,
    heading: trimmed ? `Search: ${trimmed}` : "Search",
    summary,
    cards: results.hits.map((hit) => card(hit.post, hit.snippet)),
    paged,
    pageHref: (n: number) => `/search?q=${encodeURIComponent(trimmed)}${n === 1 ? "" : `&page=${n}`}`,
  });
}

const ERRORS = {
  400: ["Bad request", "This address could not be read. Check it, or start again from the collection."],
  404: ["Not found", "There is no page here: the post may have been removed from the collection."],
  500: ["Something went wrong", "This page could not be shown. Try again in a moment."],
} as const;

/** Needs no library: it is also what a reader sees when reading the library failed. */
export function errorPage(site: Site, status: keyof typeof ERRORS): string {
  const [heading, message] = ERRORS[status];
  return render("@error", site, undefined, {
    meta: { ...meta(site, undefined, { title: heading, description: message }), noindex: true },
    heading,
    message,
  });
}

/** A post's text as HTML paragraphs (escaped, links and mentions marked): for the feed's entries. */
export function postTextHtml(post: Post): string {
  return eta.render("@post-text", { paragraphs: postParagraphs(post.text) });
}

/** HTML-escapes text, exactly as the templates do. */
export function escapeHtml(text: string): string {
  return eta.config.escapeFunction(text);
}

function render(
  template: string,
  site: Site,
  library: Library | undefined,
  data: Record<string, unknown>,
): string {
  return eta.render(template, {
    site: site.name,
    version: site.version,
    postCount: library?.collection.posts.length,
    ...data,
  });
}

function meta(
  site: Site,
  path: string | undefined,
  fields: Omit<Meta, "type" | "url"> & { type?: Meta["type"] },
): Meta {
  return {
    type: "website",
    ...fields,
    url: site.publicUrl && path !== undefined ? `${site.publicUrl}${path}` : undefined,
  };
}

function card(post: Post, snippet?: readonly SnippetPart[]) {
  return {
    post,
    title: postTitle(post),
    snippet,
    excerpt: excerpt(post.text, EXCERPT_CHARS),
    date: dateOf(post),
  };
}

/** The first characters of a text on one line, cut on a space. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(" ", max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function dateOf(post: Post): string | undefined {
  return post.createdAt?.slice(0, 10);
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}
