/**
 * The yardstick of bench/under-load.ts: the least a discord.js 14 bot can do. It logs in (Guilds intent, as
 * Curator) and answers every interaction with a fixed reply in the same way Curator answers /search and its
 * autocomplete: `interaction.reply` with an embed and a row of buttons (no defer), `interaction.respond` with 25
 * choices. Whatever it costs per interaction is discord.js, the gateway and the REST call, not Curator.
 * Run as a child process (env: DISCORD_TOKEN, DISCORD_REST_URL); prints `{"msg":"scheduler started"}` when ready,
 * the log line the bench harness waits for.
 */
import {
  ButtonStyle,
  Client,
  ComponentType,
  Events,
  GatewayIntentBits,
  type InteractionReplyOptions,
} from "discord.js";

const REPLY: InteractionReplyOptions = {
  embeds: [
    {
      color: 0x57f287,
      title: "Search: fixed",
      description: Array.from({ length: 5 }, (_, i) => `**${i + 1}.** a fixed result line`).join("\n"),
      footer: { text: "1-5 of 5" },
    },
  ],
  components: [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          customId: "prev",
          label: "◀",
          disabled: true,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          customId: "next",
          label: "▶",
          disabled: true,
        },
      ],
    },
  ],
  allowedMentions: { parse: [] },
};
const CHOICES = Array.from({ length: 25 }, (_, i) => ({
  name: `A fixed post title (${i})`,
  value: `id:${i}`,
}));

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  allowedMentions: { parse: [] },
  rest: process.env.DISCORD_REST_URL ? { api: process.env.DISCORD_REST_URL } : {},
});
client.on(Events.InteractionCreate, (interaction) => {
  const answered = interaction.isAutocomplete()
    ? interaction.respond(CHOICES)
    : interaction.isRepliable()
      ? interaction.reply(REPLY)
      : Promise.resolve();
  answered.catch((error: unknown) => console.error(error));
});
client.once(Events.ClientReady, () => console.log(JSON.stringify({ msg: "scheduler started" })));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => void client.destroy().finally(() => process.exit(0)));
}
await client.login(process.env.DISCORD_TOKEN);
