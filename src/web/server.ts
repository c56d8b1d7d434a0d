import { readFileSync } from "node:fs";
import compress from "@fastify/compress";
import etag from "@fastify/etag";
import helmet from "@fastify/helmet";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { Library } from "../discord/context.js";
import { postTitle } from "../discord/render-post.js";
import { POST_ID } from "../library/post.js";
import { atomFeed } from "./feed.js";
import { createPageCache } from "./page-cache.js";
import {
  errorPage,
  homePage,
  type PostOfTheDay,
  postPage,
  type Site,
  searchPage,
  topicPage,
} from "./pages.js";

export interface WebDeps {
  library(): Library;
  /** The posts of the day of the environment's default schedule, newest first: today's first when it has one. */
  postsOfTheDay?(): Promise<PostOfTheDay[]> | PostOfTheDay[];
  site: Site;
  log?: FastifyBaseLogger;
  /** Bytes of rendered, compressed pages kept between requests (default 32 MiB). */
  cacheBytes?: number;
}

const TOPIC = /^[a-z0-9][a-z0-9-]{0,48}$/;
const MAX_QUERY = 200;
const MAX_PAGE = 100_000;
const SUGGESTIONS = 10;
const PAGE_CACHE = "public, max-age=60";
const ASSET_CACHE = "public, max-age=3600";
const HTML = "text/html; charset=utf-8";
const CACHE_BYTES = 32 * 1024 * 1024;

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");
const ASSETS: Record<string, { type: string; body: string }> = {
  "style.css": { type: "text/css; charset=utf-8", body: asset("style.css") },
  "suggest.js": { type: "text/javascript; charset=utf-8", body: asset("suggest.js") },
};

/**
 * The read-only web archive: only the routes below answer (GET and HEAD); everything else is a plain 404 page.
 * Every page is a function of the library in hand at the request (and of the post of the day): it is rendered and
 * compressed once into a bounded cache, which a reloaded library empties, so a hot reload shows at the next request.
 */
export function createWebServer(deps: WebDeps): FastifyInstance {
  const app = Fastify({
    ...(deps.log ? { loggerInstance: deps.log } : {}),
    logController: new LogController({ disableRequestLogging: true }),
    // The archive has no user input worth more than a search query: refuse big requests early.
    bodyLimit: 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 100 },
    // A malformed address or header gets the plain page too, never Fastify's JSON error.
    frameworkErrors: (_error, _request, reply) => {
      void html((reply as FastifyReply).header("cache-control", "no-store"), errorPage(deps.site, 400), 400);
    },
  });
  void app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Posts' images live on their platforms' CDNs (pbs.twimg.com, cdn.bsky.app, a Mastodon instance…).
        imgSrc: ["'self'", "https:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  void app.register(etag, { weak: true });
  void app.register(compress, { global: true, threshold: 1024 });

  const { site } = deps;
  const postsOfTheDay = async () => (deps.postsOfTheDay ? await deps.postsOfTheDay() : []);
  const pages = createPageCache(deps.cacheBytes ?? CACHE_BYTES);

  /** Sends the page `key` names from the cache, rendering it on a miss; `render` returning undefined is a 404. */
  function cached(
    request: FastifyRequest,
    reply: FastifyReply,
    library: Library,
    key: string,
    render: () => string | undefined,
    type = HTML,
  ): FastifyReply {
    const response = pages.get(library, key, request.headers["accept-encoding"], () => {
      const body = render();
      return body === undefined ? undefined : { type, body };
    });
    if (!response) return html(reply, errorPage(site, 404), 404);
    // @fastify/etag answers 304 from this ETag; @fastify/compress leaves a body with a Content-Encoding alone.
    reply.code(200).type(response.type).header("cache-control", PAGE_CACHE).header("etag", response.etag);
    reply.header("vary", "accept-encoding");
    if (response.encoding) reply.header("content-encoding", response.encoding);
    return reply.send(response.body);
  }

  void app.register(async (routes) => {
    routes.get("/", async (request, reply) => {
      const { page } = query(request.query);
      const library = deps.library();
      const potd = (await postsOfTheDay())[0];
      return cached(request, reply, library, `/?page=${page}&potd=${potdKey(potd)}`, () =>
        homePage(site, library, page, potd),
      );
    });
    routes.get<{ Params: { id: string } }>("/p/:id", async (request, reply) => {
      const library = deps.library();
      const { id } = request.params;
      const post = POST_ID.test(id) ? library.collection.byId.get(id) : undefined;
      return cached(request, reply, library, `/p/${id}`, () => post && postPage(site, library, post));
    });
    routes.get<{ Params: { topic: string } }>("/t/:topic", async (request, reply) => {
      const library = deps.library();
      const { topic } = request.params;
      if (!TOPIC.test(topic)) return html(reply, errorPage(site, 404), 404);
      const { page } = query(request.query);
      return cached(request, reply, library, `/t/${topic}?page=${page}`, () =>
        topicPage(site, library, topic, page),
      );
    });
    routes.get("/search", async (request, reply) => {
      const { q, page } = query(request.query);
      const library = deps.library();
      return cached(request, reply, library, `/search?page=${page}&q=${q.trim()}`, () =>
        searchPage(site, library, q, page),
      );
    });
    routes.get("/suggest", async (request, reply) => {
      const { q } = query(request.query);
      const library = deps.library();
      return cached(
        request,
        reply,
        library,
        `/suggest?q=${q}`,
        () => {
          const posts = q.trim() === "" ? [] : library.index.suggest(q, { limit: SUGGESTIONS });
          return JSON.stringify(posts.map((post) => ({ title: postTitle(post), url: `/p/${post.id}` })));
        },
        "application/json; charset=utf-8",
      );
    });
    routes.get("/feed.xml", async (request, reply) => {
      const origin = site.publicUrl ?? `${request.protocol}://${request.host}`;
      const library = deps.library();
      const potds = await postsOfTheDay();
      return cached(
        request,
        reply,
        library,
        `/feed.xml?origin=${origin}&potd=${potds.map(potdKey).join(",")}`,
        () => atomFeed(site, library, origin, potds),
        "application/atom+xml; charset=utf-8",
      );
    });
    routes.get("/robots.txt", async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .header("cache-control", ASSET_CACHE)
        .send("User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /suggest\n"),
    );
    routes.get<{ Params: { name: string } }>("/assets/:name", async (request, reply) => {
      const file = Object.hasOwn(ASSETS, request.params.name) ? ASSETS[request.params.name] : undefined;
      if (!file) return html(reply, errorPage(site, 404), 404);
      return reply.type(file.type).header("cache-control", ASSET_CACHE).send(file.body);
    });
  });

  app.setNotFoundHandler((_request, reply) => html(reply, errorPage(site, 404), 404));
  // No stack, path or message reaches the reader: the log has them.
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) return html(reply, errorPage(site, status === 404 ? 404 : 400), status);
    request.log.error({ err: error, url: request.url }, "web page failed");
    return html(reply.header("cache-control", "no-store"), errorPage(site, 500), 500);
  });
  return app;
}

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  if (!reply.hasHeader("cache-control")) reply.header("cache-control", PAGE_CACHE);
  return reply.code(status).type(HTML).send(body);
}

/** What the home page and the feed show of a post of the day: part of their cache keys. */
function potdKey(potd: PostOfTheDay | undefined): string {
  return potd ? `${potd.localDate}:${potd.post.id}` : "";
}

/** Page number and search words from a query string, whatever was sent (repeated, missing, not a number). */
function query(raw: unknown): { q: string; page: number } {
  const params = (raw ?? {}) as Record<string, unknown>;
  const q = typeof params.q === "string" ? params.q.slice(0, MAX_QUERY) : "";
  const page = typeof params.page === "string" && /^\d{1,6}$/.test(params.page) ? Number(params.page) : 1;
  return { q, page: Math.min(Math.max(page, 1), MAX_PAGE) };
}

/** Starts the archive on `host:port`; resolves once it listens, with its address and a way to stop it. */
export async function startWebServer(
  deps: WebDeps,
  { port, host }: { port: number; host: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createWebServer(deps);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`, close: () => app.close() };
}
