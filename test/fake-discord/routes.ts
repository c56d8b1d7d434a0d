/** The small vocabulary of the fake REST routes: a route table entry, its context and Discord's error replies. */
import type { ApiError } from "./validation.js";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Context {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Interaction and webhook routes are authenticated by the interaction token, not the bot token. */
  botAuth: boolean;
  handle: (context: Context) => Reply;
}

export const MESSAGE_FLAG_EPHEMERAL = 64;
export const MESSAGE_FLAG_LOADING = 128;

export const notFound = (): Reply => ({ status: 404, body: { message: "404: Not Found", code: 0 } });
export const unknown = (what: string, code: number): Reply => ({
  status: 404,
  body: { message: `Unknown ${what}`, code },
});
export const fromError = (error: ApiError): Reply => ({ status: error.status, body: error.body });
export const missingAccess = (): Reply => ({ status: 403, body: { message: "Missing Access", code: 50001 } });
export const missingPermissions = (): Reply => ({
  status: 403,
  body: { message: "Missing Permissions", code: 50013 },
});

export function isReply(value: unknown): value is Reply {
  return typeof value === "object" && value !== null && "status" in value;
}

/** `path` with `:name` placeholders, e.g. `/channels/:channel/messages`. */
export function route(method: string, path: string, handle: Route["handle"], botAuth = true): Route {
  const source = path.replace(/[.@]/g, "\\$&").replace(/:(\w+)/g, "(?<$1>[^/]+)");
  return { method, pattern: new RegExp(`^${source}$`), botAuth, handle };
}

export function asObject(body: unknown): Record<string, unknown> {
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
