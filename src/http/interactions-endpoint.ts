import { type Client, DefaultRestOptions, type RESTOptions } from "discord.js";
import type { Logger } from "pino";
import type { Command } from "../discord/command.js";
import type { BotContext } from "../discord/context.js";
import { createRouter } from "../discord/router.js";
import { createCallbackRelay } from "./callbacks.js";
import { type InteractionServer, startInteractionServer } from "./server.js";

/** Discord waits 3 s for the HTTP response; past this the answer is deferred and sent as an edit. */
const ANSWER_WITHIN_MS = 2500;

export interface InteractionsEndpoint {
  /** For the client's REST options, so that interaction callbacks become HTTP responses. */
  makeRequest: RESTOptions["makeRequest"];
  /** Listens on the port with the router every transport uses; resolves once listening. */
  listen(options: {
    client: Client;
    commands: readonly Command[];
    ctx: BotContext;
    port: number;
    host: string;
    publicKey: string;
    log: Logger;
  }): Promise<InteractionServer>;
}

/** The HTTP transport: created before the client (it hooks the client's REST), started once the context exists. */
export function createInteractionsEndpoint(): InteractionsEndpoint {
  const relay = createCallbackRelay(ANSWER_WITHIN_MS);
  return {
    makeRequest: relay.intercept((url, init) => DefaultRestOptions.makeRequest(url, init)),
    async listen({ client, commands, ctx, port, host, publicKey, log }) {
      const httpLog = log.child({ component: "http" });
      const router = createRouter(commands, ctx, httpLog);
      const server = await startInteractionServer({
        port,
        host,
        publicKey,
        client,
        route: router.route,
        relay,
        log: httpLog,
      });
      httpLog.info({ port: server.port, host }, "interactions endpoint listening");
      return {
        port: server.port,
        // Requests being answered first, then answers sent late (as edits), within the same deadline.
        async close(deadlineMs) {
          const until = Date.now() + deadlineMs;
          await server.close(deadlineMs);
          await Promise.race([router.idle(), new Promise((r) => setTimeout(r, until - Date.now()).unref())]);
        },
      };
    },
  };
}
