import { ApplicationCommand, Client } from "discord.js";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { commandBody } from "../src/discord/register.js";
import { commandDrift } from "../src/ops/first-run.js";

const client = new Client({ intents: [] });
afterAll(() => client.destroy());

/** A command as Discord's GET returns it, made into discord.js's own ApplicationCommand. */
function registered(json: Record<string, unknown>, id: string): ApplicationCommand {
  const raw = {
    id,
    application_id: "1",
    version: "1",
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    ...json,
  };
  const Made = ApplicationCommand as unknown as new (c: Client, data: unknown) => ApplicationCommand;
  return new Made(client, raw);
}

describe("commandDrift", () => {
  const json = (name: string) =>
    JSON.parse(JSON.stringify(commandBody(commands.find((c) => c.data.name === name)!)));

  it("finds nothing when Discord has exactly commands/", () => {
    const all = commands.map((c, i) => registered(json(c.data.name), String(i + 10)));
    expect(commandDrift(all, commands)).toEqual({ missing: [], changed: [], extra: [] });
  });

  it("names commands missing, changed (an option or a description) and extra", () => {
    const search = json("search");
    const stale = [
      registered({ ...search, description: "an old description" }, "10"),
      registered({ ...json("post"), options: [] }, "11"),
      registered(json("random"), "12"),
      registered({ name: "hello", description: "a command removed since" }, "13"),
    ];
    expect(commandDrift(stale, commands)).toEqual({
      missing: ["onthisday", "saved", "potd", "about", "schedule"],
      changed: ["search", "post"],
      extra: ["hello"],
    });
  });
});
