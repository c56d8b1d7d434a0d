import { channel } from "node:diagnostics_channel";

/**
 * What the bot reports for health and metrics, published on Node's diagnostics channels: the code that does the
 * work only publishes (nothing to pass around, nothing happens when no one listens), and src/ops/metrics.ts
 * subscribes.
 */
export interface InteractionEvent {
  /** The command's name, or the kind of button or menu (`searchPage`, `random`…). */
  command: string;
  kind: "command" | "autocomplete" | "component" | "other";
  /** `ok` answered; `unknown` a command or button this bot does not know; `failed` an error was thrown. */
  outcome: "ok" | "unknown" | "failed";
  seconds: number;
  error?: unknown;
}

export interface PotdEvent {
  outcome: "sent" | "failed";
  channelId: string;
  localDate: string;
  error?: unknown;
}

export interface CollectionLoadEvent {
  posts: number;
  seconds: number;
}

export const interactionEvents = channel("curator:interaction");
export const potdEvents = channel("curator:potd");
export const collectionEvents = channel("curator:collection-load");

export const publishInteraction = (event: InteractionEvent) => interactionEvents.publish(event);
export const publishPotd = (event: PotdEvent) => potdEvents.publish(event);
export const publishCollectionLoad = (event: CollectionLoadEvent) => collectionEvents.publish(event);

/** better-sqlite3 errors carry an `SQLITE_…` code: a failure of the store, not of Discord or of the request. */
export function isStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_");
}
