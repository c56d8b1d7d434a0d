import { z } from "zod";

/** A post id is used in URLs and in Discord custom_ids (<= 100 chars in all), so keep it short and URL-safe. */
export const POST_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** `MM-DD`: a day of the year a post belongs to (02-29 allowed). */
export const DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A topic: letters of any script, digits and dashes, 1-49 characters, NFC, lower-case where the script has case. */
export const TOPIC = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}-]{0,48}$/u;
export const MEDIA_TYPES = ["image", "video", "gif"] as const;

export const MediaSchema = z.strictObject({
  type: z.enum(MEDIA_TYPES),
  url: z.url({ protocol: /^https?$/ }),
  /** The description the author wrote for readers who cannot see it. */
  alt: z.string().min(1).max(1500).optional(),
});

/**
 * Where each original post of a joined thread starts in `text`: offsets in UTF-16 code units, the first 0, strictly
 * ascending. Offsets rather than lengths: each one is checked on its own (an integer, after the one before it), and
 * a part is `text.slice(parts[i], parts[i + 1])`. A post of one part has none.
 */
const PartsSchema = z
  .array(z.int().min(0, "must not be negative"))
  .min(2, "must list at least two parts (a post of one part has none)")
  .superRefine((parts, ctx) => {
    if (parts[0] !== 0)
      ctx.addIssue({ code: "custom", path: [0], message: "must be 0: the first part starts the text" });
    for (let i = 1; i < parts.length; i++)
      if (parts[i]! <= parts[i - 1]!)
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `must be greater than the part before it (${parts[i - 1]}): parts are start offsets in ascending order`,
        });
  });

const PostFields = z.strictObject({
  id: z.string().regex(POST_ID, "must be 1-64 characters of A-Z, a-z, 0-9, _ or -"),
  text: z.string().refine((t) => t.trim().length > 0, "must not be empty"),
  topics: z.array(
    z
      .string()
      .regex(TOPIC, "must be 1-49 letters (any script), digits and dashes")
      .refine((t) => t === t.normalize("NFC").toLowerCase(), "must be lower-case (and NFC-normalized)"),
  ),
  links: z.array(z.url({ protocol: /^https?$/ })),
  mentions: z.array(z.string().regex(/^@[\w.@-]+$/, "must look like @name")),
  title: z.string().min(1).max(256).optional(),
  author: z.string().min(1).max(256).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
  day: z
    .string()
    .regex(DAY, "must be MM-DD")
    .refine(
      (d) => Number(d.slice(3)) <= (DAYS_IN_MONTH[Number(d.slice(0, 2)) - 1] ?? 0),
      "is not a day of the year",
    )
    .optional(),
  /** Images, videos and GIFs, in the order the post shows them. */
  media: z.array(MediaSchema).max(20).optional(),
  /** Shown instead of the text until the reader asks for it (Mastodon's CW, Bluesky's self-labels). */
  contentWarning: z
    .string()
    .max(256)
    .refine((t) => t.trim() !== "", "must not be empty")
    .optional(),
  /** The id the post had on its platform (tweet id, status URI, at:// URI): how `--merge` deduplicates. */
  sourceId: z.string().min(1).optional(),
  /** The start of each original post of a thread in `text` (see PartsSchema). */
  parts: PartsSchema.optional(),
});

export const PostSchema = PostFields.superRefine((post, ctx) => {
  // Zod runs this even when a field failed, so nothing here may trust the types. Parts out of order, or a missing
  // or empty text, have been reported already: measuring them against the text would only add noise.
  const { parts, text } = post as { parts?: unknown; text?: unknown };
  if (typeof text === "string" && text.trim() !== "" && inOrder(parts)) checkPartsInText(parts, text, ctx);
});

/** What only the text can tell of parts: each starts inside it, between two characters, and holds some words. */
function checkPartsInText(parts: readonly number[], text: string, ctx: z.RefinementCtx): void {
  for (const [i, start] of parts.entries()) {
    const problem =
      start >= text.length
        ? `must be less than the length of text (${text.length})`
        : isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))
          ? "must not start a part inside a character (between the two halves of a surrogate pair)"
          : text.slice(start, parts[i + 1] ?? text.length).trim() === ""
            ? "starts a part that holds only white space"
            : undefined;
    if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["parts", i], message: problem });
  }
}

const inOrder = (parts: unknown): parts is number[] =>
  Array.isArray(parts) &&
  parts.every((p) => Number.isInteger(p)) &&
  parts[0] === 0 &&
  parts.every((p, i) => i === 0 || p > parts[i - 1]!);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export type Post = z.infer<typeof PostSchema>;
export type Media = z.infer<typeof MediaSchema>;
