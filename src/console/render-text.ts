import type { Reply } from "../discord/reply.js";

/** A reply as the terminal shows it: the same content as in Discord, markdown escapes removed, buttons as hints. */
export function replyToText(reply: Reply, bold: (text: string) => string = (t) => `*${t}*`): string {
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
  const buttons = reply.components.flatMap((row) =>
    row.components.flatMap((c) => ("label" in c && c.label && !c.disabled ? [`[${c.label}]`] : [])),
  );
  if (buttons.length > 0) out.push(`   ${buttons.join(" ")}`);
  return out.join("\n");
}

/** Undoes markdown escapes: the terminal shows text as written, and bold as the terminal can. */
function toPlainText(text: string, bold: (text: string) => string): string {
  return text
    .replace(/\*\*(.+?)\*\*/gsu, (_, inner: string) => bold(inner))
    .replace(/\\([\\*_`~|>#\-[\]()!.+=])/gu, "$1")
    .replace(/@\u200b/gu, "@");
}
