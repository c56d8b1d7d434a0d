/** Interaction callbacks and the interaction webhook (@original, follow-ups), keyed by interaction token. */
import type { APIMessage } from "discord.js";
import {
  asObject,
  type Context,
  fromError,
  isReply,
  MESSAGE_FLAG_EPHEMERAL,
  MESSAGE_FLAG_LOADING,
  type Reply,
  type Route,
  route,
  unknown,
} from "./routes.js";
import type { FakeState, InteractionCallbackBody, InteractionRecord } from "./state.js";
import { validateChoices, validateMessage } from "./validation.js";

/**
 * An interaction's answer, whichever way it came: POSTed to the callback route (gateway interactions) or returned
 * as the HTTP response of the interactions endpoint. Validated like Discord does; the reply to give the sender.
 */
export function receiveCallback(
  state: FakeState,
  token: string,
  id: string,
  body: unknown,
  withResponse: boolean,
): Reply {
  return interactionCallback(
    state,
    {
      params: { token, id },
      query: new URLSearchParams(withResponse ? "with_response=true" : ""),
      body,
    } as unknown as Context,
    true,
  );
}

function interactionResponseMessage(
  state: FakeState,
  record: InteractionRecord,
  data: Record<string, unknown>,
  loading: boolean,
) {
  const payload = record.payload;
  const flags = (Number(data.flags ?? 0) & MESSAGE_FLAG_EPHEMERAL) | (loading ? MESSAGE_FLAG_LOADING : 0);
  const user = asObject(payload.member).user ?? payload.user;
  return state.newMessage(record.channelId ?? "0", data, {
    type: payload.type === 2 ? 20 : 0,
    flags,
    webhook_id: state.applicationId,
    application_id: state.applicationId,
    interaction_metadata: {
      id: record.id,
      type: payload.type,
      user,
      authorizing_integration_owners: payload.authorizing_integration_owners,
    },
  } as Partial<APIMessage>);
}

function interactionCallback(state: FakeState, { params, query, body }: Context, fromHttp = false): Reply {
  const record = state.interactions.get(params.token ?? "");
  if (!record || record.id !== params.id) return unknown("interaction", 10062);
  if (record.viaHttp && !fromHttp) {
    return { status: 400, body: { message: "Answer this interaction in the HTTP response.", code: 40060 } };
  }
  if (record.callback) {
    return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
  }
  const callback = asObject(body) as unknown as InteractionCallbackBody;
  const data = asObject(callback.data);
  const error =
    callback.type === 4
      ? validateMessage(data, true)
      : callback.type === 7
        ? validateMessage(data, false)
        : callback.type === 8
          ? validateChoices(data)
          : null;
  if (error) {
    record.refusals.push(error.body);
    return fromError(error);
  }
  record.callback = callback;
  const componentMessage = asObject(record.payload.message) as unknown as APIMessage;
  let message: APIMessage | undefined;
  if (callback.type === 4 || callback.type === 5) {
    message = interactionResponseMessage(state, record, data, callback.type === 5);
    state.storeMessage(message, (Number(message.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0);
  } else if (callback.type === 6 || callback.type === 7) {
    message = state.messagesById.get(componentMessage.id) ?? componentMessage;
    if (callback.type === 7 && state.messagesById.has(componentMessage.id)) {
      message = state.updateMessage(componentMessage.id, data);
    }
  }
  record.originalMessageId = message?.id;
  record.settle?.resolve(callback);
  if (query.get("with_response") !== "true") return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: record.id,
        type: record.payload.type,
        response_message_id: message?.id,
        response_message_loading: callback.type === 5,
        response_message_ephemeral: message
          ? (Number(message.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0
          : undefined,
      },
      resource: { type: callback.type, ...(message ? { message } : {}) },
    },
  };
}

export function interactionRoutes(state: FakeState): Route[] {
  function webhookRecord(params: Record<string, string>): InteractionRecord | Reply {
    const record = state.interactions.get(params.token ?? "");
    return record && params.app === state.applicationId ? record : unknown("Webhook", 10015);
  }

  function webhookMessageId(record: InteractionRecord, id: string | undefined): string | undefined {
    return id === "@original" ? record.originalMessageId : id;
  }

  function webhookMessage(method: string) {
    return ({ params, body }: Context): Reply => {
      const record = webhookRecord(params);
      if (isReply(record)) return record;
      const id = webhookMessageId(record, params.message);
      const message = id ? state.messagesById.get(id) : undefined;
      if (!id || !message) return unknown("Message", 10008);
      if (method === "GET") return { status: 200, body: message };
      if (method === "DELETE") {
        state.deleteMessage(id);
        return { status: 204 };
      }
      const patch = asObject(body);
      const error = validateMessage(patch, false);
      if (error) return fromError(error);
      const loading = (Number(message.flags) & MESSAGE_FLAG_LOADING) !== 0;
      const updated = state.updateMessage(id, patch)!;
      if (loading) updated.flags = Number(updated.flags) & ~MESSAGE_FLAG_LOADING;
      return { status: 200, body: updated };
    };
  }

  function followUp({ params, body }: Context): Reply {
    const record = webhookRecord(params);
    if (isReply(record)) return record;
    if (!record.callback) return unknown("Webhook", 10015);
    const data = asObject(body);
    const error = validateMessage(data, true);
    if (error) return fromError(error);
    const message = interactionResponseMessage(state, record, data, false);
    message.type = 0;
    state.storeMessage(message, (Number(message.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0);
    return { status: 200, body: message };
  }

  return [
    route(
      "POST",
      "/interactions/:id/:token/callback",
      (context) => interactionCallback(state, context),
      false,
    ),
    route("POST", "/webhooks/:app/:token", followUp, false),
    ...["GET", "PATCH", "DELETE"].map((method) =>
      route(method, "/webhooks/:app/:token/messages/:message", webhookMessage(method), false),
    ),
  ];
}
