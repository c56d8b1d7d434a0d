import wrapAnsi from "wrap-ansi";
import type { Reply } from "../discord/reply.js";
import { buttonsOf, menuOptionsOf } from "./buttons.js";

export interface TextStyle {
  /** How bold text shows: ANSI bold on a terminal that allows colour, `*text*` otherwise. */
  bold?: (text: string) => string;
  /** The interactive console says which word presses each button. */
  interactive?: boolean;
}

const WORDS: Record<string, string> = { Previous: "prev", Next: "next", Another: "another" };

/** A reply as the terminal shows it: the same content as in Discord, markdown removed, buttons as hints. */
export function replyToText(reply: Reply, style: TextStyle = {}): string {
  const bold = style.bold ?? ((t: string) => `*${t}*`);
  const plain = (text: string) => toPlainText(text, bold);
  const out: string[] = [];
  if (reply.content) out.push(plain(reply.content), "");
  // Discord shows embeds that only carry an image and the post's url as a gallery under that post.
  const isGallery = (e: Reply["embeds"][number]) => !e.title && !e.description && !e.fields && e.image;
  for (const embed of reply.embeds) {
    if (isGallery(embed)) continue;
    if (embed.author?.name) out.push(embed.author.name);
    if (embed.title) out.push(`== ${plain(embed.title)} ==`);
    if (embed.url) out.push(embed.url);
    if (embed.description) out.push("", plain(embed.description));
    const images = [embed, ...reply.embeds.filter((e) => isGallery(e) && e.url === embed.url)];
    const lines = images.flatMap((e) => (e.image ? [`image: ${e.image.url}`] : []));
    if (lines.length > 0) out.push("", ...lines);
    for (const field of embed.fields ?? []) out.push("", `${field.name}: ${plain(field.value)}`);
    const footer = [embed.footer?.text, embed.timestamp].filter(Boolean).join(" · ");
    if (footer) out.push("", `-- ${footer}`);
  }
  const buttons = buttonsOf(reply).filter((b) => !b.disabled);
  if (buttons.length > 0) {
    const labels = buttons.map((b) => `[${b.label}]`).join(" ");
    const words = buttons.map((b) => WORDS[b.label]).filter(Boolean);
    out.push(
      style.interactive && words.length > 0 ? `   ${labels}  type ${words.join(" or ")}` : `   ${labels}`,
    );
  }
  const results = menuOptionsOf(reply);
  if (style.interactive && results.length > 0) {
    const numbers = results.map((o) => o.label.split(".")[0]);
    out.push(`   Open a result: type its number (${numbers[0]}–${numbers.at(-1)})`);
  }
  return out.join("\n");
}

/** Fits text to a terminal `columns` wide, breaking between words (a word longer than a line is left whole). */
export function wrapToWidth(text: string, columns: number | undefined): string {
  if (!columns || columns < 20) return text;
  return wrapAnsi(text, columns, { hard: false, trim: false });
}

const ESCAPED = /\\([\\*_`~|>#\-[\]()!.+=])/gu;

/** Undoes markdown: escapes become the characters written, code spans lose their backticks, bold shows as it can. */
function toPlainText(text: string, bold: (text: string) => string): string {
  // Escaped characters are set aside first, so an escaped backtick or star in a post is never read as markdown.
  const kept: string[] = [];
  const placeholder = (i: number) => String.fromCodePoint(0xf0000 + i);
  return text
    .replace(ESCAPED, (_, char: string) => placeholder(kept.push(char) - 1))
    .replace(/`([^`\n]+)`/gu, "$1")
    .replace(/\*\*(.+?)\*\*/gsu, (_, inner: string) => bold(inner))
    .replace(/[\u{f0000}-\u{fffff}]/gu, (p) => kept[(p.codePointAt(0) ?? 0) - 0xf0000] ?? "")
    .replace(/@\u200b/gu, "@")
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/gu, (_, seconds: string, style?: string) =>
      plainTimestamp(Number(seconds) * 1000, style),
    );
}

/** A Discord timestamp as the terminal shows it: the date and time in UTC, or "in 3 hours" for the relative style. */
function plainTimestamp(ms: number, style: string | undefined, now = Date.now()): string {
  if (style !== "R") return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const seconds = Math.round((ms - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
    ["second", 1],
  ];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(Math.round(seconds / size), unit);
}
