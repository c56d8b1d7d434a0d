import type { RESTOptions } from "discord.js";

/** An interaction response as Discord takes it: `{ type, data }` (types 4-9 of "interaction callback type"). */
export interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

type MakeRequest = RESTOptions["makeRequest"];

interface Expected {
  id: string;
  applicationId: string;
  /** Waiting: the HTTP request is still open. Deferred: it was answered with a deferral, the reply comes later. */
  state: "waiting" | "deferred";
  answer(body: CallbackBody): void;
  timer: NodeJS.Timeout;
}

const CALLBACK = /\/interactions\/(\d+)\/([^/?]+)\/callback(?:\?|$)/;
/** How long Discord keeps an interaction token usable: a deferred reply may still come until then. */
const TOKEN_LIFETIME_MS = 15 * 60_000;
const EPHEMERAL = 64;

/**
 * Turns the interaction callback discord.js would POST to Discord into the body of the HTTP response Discord is
 * waiting for. Commands answer exactly as they do for the gateway (`interaction.reply`, `update`, `respond`); the
 * REST layer's `makeRequest` hands the callback here instead of sending it. If no answer comes before the deadline,
 * the HTTP response is a deferral, and the late answer becomes an edit of the original response over REST.
 */
export function createCallbackRelay(deadlineMs: number) {
  const expected = new Map<string, Expected>();

  /** Resolves with the body for the HTTP response: the handler's callback, or a deferral at the deadline. */
  function expect(interaction: { id: string; token: string; application_id: string; type: number }) {
    return new Promise<CallbackBody>((resolve) => {
      const entry: Expected = {
        id: interaction.id,
        applicationId: interaction.application_id,
        state: "waiting",
        answer: resolve,
        timer: setTimeout(() => {
          entry.state = "deferred";
          resolve(deferralFor(interaction.type));
          entry.timer = setTimeout(() => expected.delete(interaction.token), TOKEN_LIFETIME_MS);
          entry.timer.unref();
        }, deadlineMs),
      };
      expected.set(interaction.token, entry);
    });
  }

  /** Wraps REST's request function: callbacks of interactions received over HTTP never leave the process. */
  function intercept(next: MakeRequest): MakeRequest {
    return async (url, init) => {
      const match = CALLBACK.exec(url);
      const token = match ? decodeURIComponent(match[2]!) : undefined;
      const entry = token === undefined ? undefined : expected.get(token);
      if (!match || !entry || entry.id !== match[1] || typeof init.body !== "string") return next(url, init);
      expected.delete(token!);
      clearTimeout(entry.timer);
      const body = JSON.parse(init.body) as CallbackBody;
      if (entry.state === "waiting") {
        entry.answer(body);
        return new Response(null, { status: 204 });
      }
      // Too late for the HTTP response, which was a deferral: a message or an update becomes an edit of it.
      if (body.type !== 4 && body.type !== 7) return new Response(null, { status: 204 });
      const { flags: _flags, ...data } = body.data ?? {};
      const edit = `${url.slice(0, match.index)}/webhooks/${entry.applicationId}/${token}/messages/@original`;
      const response = await next(edit, { ...init, method: "PATCH", body: JSON.stringify(data) });
      return response.ok ? new Response(null, { status: 204 }) : response;
    };
  }

  return { expect, intercept, pending: () => expected.size };
}

/**
 * What Discord is told when the answer is late. A command's late answer is shown only to the person who asked:
 * ephemerality is chosen when deferring, and private is the safe guess. Autocomplete cannot wait: no choices.
 */
function deferralFor(interactionType: number): CallbackBody {
  if (interactionType === 3) return { type: 6 };
  if (interactionType === 4) return { type: 8, data: { choices: [] } };
  return { type: 5, data: { flags: EPHEMERAL } };
}
