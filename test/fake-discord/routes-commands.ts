/** Application command registration, global and per guild: stored, validated lightly, echoed with ids. */
import {
  asObject,
  type Context,
  fromError,
  missingAccess,
  type Reply,
  type Route,
  route,
  unknown,
} from "./routes.js";
import type { FakeState } from "./state.js";
import type { ApiError } from "./validation.js";

export function commandRoutes(state: FakeState): Route[] {
  const commandScope = (params: Record<string, string>) => params.guild ?? "global";

  function normalizeCommand(input: Record<string, unknown>, scope: string): Record<string, unknown> {
    const existing = (state.commands.get(scope) ?? []).find(
      (c) => c.name === input.name && (c.type ?? 1) === (input.type ?? 1),
    );
    return {
      id: existing?.id ?? state.newId(),
      application_id: state.applicationId,
      version: state.newId(),
      type: 1,
      description: "",
      options: [],
      default_member_permissions: null,
      nsfw: false,
      name_localizations: null,
      description_localizations: null,
      ...(scope === "global" ? {} : { guild_id: scope }),
      ...input,
    };
  }

  function validateCommand(command: Record<string, unknown>): ApiError | null {
    const name = String(command.name ?? "");
    const isChatInput = (command.type ?? 1) === 1;
    const nameOk = isChatInput
      ? /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(name)
      : name.length >= 1 && name.length <= 32;
    const description = String(command.description ?? "");
    const optionCount = Array.isArray(command.options) ? command.options.length : 0;
    if (
      !nameOk ||
      (isChatInput && (description.length < 1 || description.length > 100)) ||
      optionCount > 25
    ) {
      return {
        status: 400,
        body: { message: "Invalid Form Body", code: 50035, errors: { name: command.name } },
      };
    }
    return null;
  }

  function putCommands({ params, body }: Context): Reply {
    if (params.app !== state.applicationId) return missingAccess();
    if (params.guild && !state.guilds.has(params.guild)) return missingAccess();
    const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
    if (list.length > 100)
      return fromError({ status: 400, body: { message: "Invalid Form Body", code: 50035 } });
    for (const command of list) {
      const error = validateCommand(command);
      if (error) return fromError(error);
    }
    const scope = commandScope(params);
    const stored = list.map((command) => normalizeCommand(command, scope));
    state.commands.set(scope, stored);
    return { status: 200, body: stored };
  }

  function postCommand({ params, body }: Context): Reply {
    if (params.app !== state.applicationId) return missingAccess();
    const error = validateCommand(asObject(body));
    if (error) return fromError(error);
    const scope = commandScope(params);
    const command = normalizeCommand(asObject(body), scope);
    const others = (state.commands.get(scope) ?? []).filter((c) => c.id !== command.id);
    state.commands.set(scope, [...others, command]);
    return { status: 201, body: command };
  }

  function deleteCommand({ params }: Context): Reply {
    const scope = commandScope(params);
    const list = state.commands.get(scope) ?? [];
    if (!list.some((c) => c.id === params.command)) return unknown("application command", 10063);
    state.commands.set(
      scope,
      list.filter((c) => c.id !== params.command),
    );
    return { status: 204 };
  }

  return [
    route("GET", "/applications/:app/commands", ({ params }) => ({
      status: params.app === state.applicationId ? 200 : 403,
      body: state.commands.get("global") ?? [],
    })),
    route("PUT", "/applications/:app/commands", putCommands),
    route("POST", "/applications/:app/commands", postCommand),
    route("DELETE", "/applications/:app/commands/:command", deleteCommand),
    route("GET", "/applications/:app/guilds/:guild/commands", ({ params }) => ({
      status: 200,
      body: state.commands.get(params.guild ?? "") ?? [],
    })),
    route("PUT", "/applications/:app/guilds/:guild/commands", putCommands),
    route("POST", "/applications/:app/guilds/:guild/commands", postCommand),
    route("DELETE", "/applications/:app/guilds/:guild/commands/:command", deleteCommand),
  ];
}
