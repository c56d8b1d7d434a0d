import { config as loadDotenv } from "dotenv";
import { commands } from "../../commands/index.js";
import { configOrExit } from "../config.js";
import { registerCommands } from "./register.js";

/** `npm run deploy-commands`: registers the commands in commands/index.ts, to one server when DISCORD_GUILD_ID is set. */
loadDotenv({ quiet: true });
const config = configOrExit();
try {
  const count = await registerCommands(commands, {
    token: config.DISCORD_TOKEN!,
    clientId: config.DISCORD_CLIENT_ID!,
    guildId: config.DISCORD_GUILD_ID,
    restUrl: config.DISCORD_REST_URL,
  });
  const where = config.DISCORD_GUILD_ID
    ? `server ${config.DISCORD_GUILD_ID}`
    : "every server (global: live within seconds; reload Discord with Ctrl+R if a client does not show them yet)";
  console.log(`Registered ${count} commands for ${where}.`);
} catch (error) {
  const status = (error as { status?: number }).status;
  console.error(
    `Could not register the commands${status ? ` (HTTP ${status})` : ""}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
