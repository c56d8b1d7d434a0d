import { readdirSync, readFileSync } from "node:fs";
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import type { Command } from "../src/discord/command.js";
import { MAX_QUERY_LENGTH } from "../src/discord/custom-id.js";
import { reachRefusal } from "../src/discord/reach.js";

const COMMANDS_DIR = new URL("../commands/", import.meta.url);
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const KINDS = [
  "searchPage",
  "searchOpen",
  "postPage",
  "random",
  "onThisDay",
  "save",
  "savedPage",
  "savedRemove",
  "savedClear",
];

const json = (name: string) => {
  const command = commands.find((c) => c.data.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return command.data.toJSON();
};

function option(name: string, ...path: string[]): APIApplicationCommandOption | undefined {
  let options = json(name).options ?? [];
  let found: APIApplicationCommandOption | undefined;
  for (const step of path) {
    found = options.find((o) => o.name === step);
    options = found && "options" in found ? (found.options ?? []) : [];
  }
  return found;
}

/** Checks an option list the way Discord does on registration, returning whether any option autocompletes. */
function expectValidOptions(options: readonly APIApplicationCommandOption[]): boolean {
  expect(options.length).toBeLessThanOrEqual(25);
  expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
  let autocompletes = false;
  let seenOptional = false;
  for (const o of options) {
    expect(o.name).toMatch(NAME);
    expect(o.description.length).toBeGreaterThan(0);
    expect(o.description.length).toBeLessThanOrEqual(100);
    const nested =
      o.type === ApplicationCommandOptionType.Subcommand ||
      o.type === ApplicationCommandOptionType.SubcommandGroup;
    if (nested) {
      autocompletes = expectValidOptions(o.options ?? []) || autocompletes;
      continue;
    }
    // Discord refuses a required option after an optional one.
    if (o.required) expect(seenOptional).toBe(false);
    else seenOptional = true;
    if ("autocomplete" in o && o.autocomplete) {
      autocompletes = true;
      expect([
        ApplicationCommandOptionType.String,
        ApplicationCommandOptionType.Integer,
        ApplicationCommandOptionType.Number,
      ]).toContain(o.type);
      expect("choices" in o ? (o.choices ?? []) : []).toEqual([]);
    }
    if ("choices" in o && o.choices) expect(o.choices.length).toBeLessThanOrEqual(25);
    if (o.type === ApplicationCommandOptionType.String && o.max_length !== undefined) {
      expect(o.max_length).toBeGreaterThanOrEqual(1);
      expect(o.max_length).toBeLessThanOrEqual(6000);
    }
  }
  return autocompletes;
}

/** Discord's 4,000-character budget: every name, description and choice value of a command and its options. */
function combinedCharacters(node: {
  name: string;
  description?: string;
  options?: readonly unknown[];
  choices?: readonly { name: string; value: string | number }[];
}): number {
  const own = node.name.length + (node.description?.length ?? 0);
  const choices = (node.choices ?? []).reduce((sum, c) => sum + c.name.length + String(c.value).length, 0);
  const options = (node.options ?? []).reduce<number>(
    (sum, o) => sum + combinedCharacters(o as Parameters<typeof combinedCharacters>[0]),
    0,
  );
  return own + choices + options;
}

describe("commands", () => {
  it.each(commands.map((c) => [c.data.name, c] as const))("/%s has a valid definition", (_, command) => {
    const data = command.data.toJSON();
    expect(data.name).toMatch(NAME);
    expect(data.description.length).toBeGreaterThan(0);
    expect(data.description.length).toBeLessThanOrEqual(100);
    const autocompletes = expectValidOptions(data.options ?? []);
    // An autocompleting option without a handler leaves Discord waiting; a handler without one is dead code.
    expect(typeof command.autocomplete === "function").toBe(autocompletes);
    expect(typeof command.execute).toBe("function");
    for (const kind of Object.keys(command.components ?? {})) expect(KINDS).toContain(kind);
    expect(combinedCharacters(data)).toBeLessThanOrEqual(4000);
  });

  it("has unique names, and each button kind is handled by one command only", () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
    const kinds = commands.flatMap((c) => Object.keys(c.components ?? {}));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });

  it("caps /search query at MAX_QUERY_LENGTH so its paging buttons can carry it; optional to browse a topic", () => {
    expect(option("search", "query")).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: false,
      autocomplete: true,
      max_length: MAX_QUERY_LENGTH,
    });
    expect(MAX_QUERY_LENGTH).toBe(63);
  });

  it.each([
    ["search", "topic"],
    ["random", "topic"],
    ["post", "id"],
  ])("/%s %s autocompletes", (command, name) => {
    expect(option(command, name)).toMatchObject({
      type: ApplicationCommandOptionType.String,
      autocomplete: true,
    });
  });

  it("lists every file in commands/ exactly once in commands/index.ts", async () => {
    const files = readdirSync(COMMANDS_DIR)
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const index = readFileSync(new URL("index.ts", COMMANDS_DIR), "utf8");
    const found: Command[] = [];
    for (const file of files) {
      const module: Record<string, unknown> = await import(new URL(file, COMMANDS_DIR).href);
      const exported = Object.values(module).filter(
        (v): v is Command => typeof v === "object" && v !== null && "data" in v && "execute" in v,
      );
      expect(exported, `${file} exports one command`).toHaveLength(1);
      const command = exported[0]!;
      expect(
        commands.filter((c) => c === command),
        `${file} is in the list once`,
      ).toHaveLength(1);
      const imports = index.match(new RegExp(`from "\\./${file.replace(/\.ts$/u, "")}\\.js"`, "gu")) ?? [];
      expect(imports, `${file} is imported once`).toHaveLength(1);
      found.push(command);
    }
    expect(commands).toHaveLength(files.length);
    expect(new Set(found).size).toBe(files.length);
  });
});

describe("where commands can be used", () => {
  const ANYWHERE = ["search", "random", "post", "onthisday", "saved", "about"];
  const SERVER_ONLY = ["potd", "schedule"];

  it("declares every command: members can install Curator for themselves and use the reading commands anywhere", () => {
    expect(commands.map((c) => c.data.name).sort()).toEqual([...ANYWHERE, ...SERVER_ONLY].sort());
    for (const name of ANYWHERE)
      expect(json(name)).toMatchObject({
        integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
        contexts: [
          InteractionContextType.Guild,
          InteractionContextType.BotDM,
          InteractionContextType.PrivateChannel,
        ],
      });
    for (const name of SERVER_ONLY)
      expect(json(name)).toMatchObject({
        integration_types: [ApplicationIntegrationType.GuildInstall],
        contexts: [InteractionContextType.Guild],
      });
  });

  const inServer = { context: InteractionContextType.Guild, guildId: "1" };
  const owners = (map: Record<string, string>) =>
    ({ guildId: map["0"] ?? null, userId: map["1"] ?? null }) as never;

  it("lets a server-only command run only in a server that installed Curator", () => {
    const schedule = json("schedule");
    expect(reachRefusal(schedule, { ...inServer, authorizingIntegrationOwners: owners({ "0": "1" }) })).toBe(
      undefined,
    );
    const dm = {
      context: InteractionContextType.BotDM,
      guildId: null,
      authorizingIntegrationOwners: owners({ "1": "7" }),
    };
    expect(reachRefusal(schedule, dm)).toMatch(/^`\/schedule` works only in a server that has added Curator/);
    // Installed by a member for themselves, used in a server that did not add the bot.
    const userInstall = { ...inServer, authorizingIntegrationOwners: owners({ "1": "7" }) };
    expect(reachRefusal(json("potd"), userInstall)).toMatch(/works only in a server that has added Curator/);
  });

  it("lets a reading command run in DMs, group DMs and servers that did not add the bot", () => {
    const search = json("search");
    for (const context of [InteractionContextType.BotDM, InteractionContextType.PrivateChannel])
      expect(
        reachRefusal(search, { context, guildId: null, authorizingIntegrationOwners: owners({ "1": "7" }) }),
      ).toBeUndefined();
    expect(
      reachRefusal(search, { ...inServer, authorizingIntegrationOwners: owners({ "1": "7" }) }),
    ).toBeUndefined();
  });
});
