import { z } from "zod";

/** A post id is used in URLs and in Discord custom_ids (<= 100 chars in all), so keep it short and URL-safe. */
export const POST_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** `MM-DD`: a day of the year a post belongs to (02-29 allowed). */
export const DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TOPIC = /^[a-z0-9][a-z0-9-]{0,48}$/;

export const PostSchema = z.strictObject({
  id: z.string().regex(POST_ID, "must be 1-64 characters of A-Z, a-z, 0-9, _ or -"),
  text: z.string().refine((t) => t.trim().length > 0, "must not be empty"),
  topics: z.array(z.string().regex(TOPIC, "must be lower-case letters, digits and dashes")),
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
  /** The id the post had on its platform (tweet id, status URI, at:// URI): how `--merge` deduplicates. */
  sourceId: z.string().min(1).optional(),
});

export type Post = z.infer<typeof PostSchema>;
