/** The message limits Discord enforces with a 400, so a bot that breaks them fails here too. */

export interface ApiError {
  status: number;
  body: { message: string; code: number; errors?: Record<string, unknown> };
}

interface Embed {
  title?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

function invalidForm(field: string, message: string): ApiError {
  return {
    status: 400,
    body: {
      message: "Invalid Form Body",
      code: 50035,
      errors: { [field]: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message }] } },
    },
  };
}

function embedLength(embed: Embed): number {
  const fields = (embed.fields ?? []).reduce(
    (sum, f) => sum + (f.name?.length ?? 0) + (f.value?.length ?? 0),
    0,
  );
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text?.length ?? 0) +
    (embed.author?.name?.length ?? 0)
  );
}

function* customIds(components: unknown): Generator<string> {
  if (!Array.isArray(components)) return;
  for (const component of components as Record<string, unknown>[]) {
    if (typeof component.custom_id === "string") yield component.custom_id;
    yield* customIds(component.components);
    if (component.component && typeof component.component === "object")
      yield* customIds([component.component]);
  }
}

/** Null when Discord would accept the payload; `requireBody` is false for edits (a PATCH may change only flags). */
export function validateMessage(body: Record<string, unknown>, requireBody: boolean): ApiError | null {
  const content = typeof body.content === "string" ? body.content : "";
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Embed[]) : [];
  if (content.length > 2000) return invalidForm("content", "Must be 2000 or fewer in length.");
  if (embeds.length > 10) return invalidForm("embeds", "Must be 10 or fewer in length.");
  for (const [index, embed] of embeds.entries()) {
    if ((embed.title?.length ?? 0) > 256)
      return invalidForm(`embeds.${index}.title`, "Must be 256 or fewer in length.");
    if ((embed.description?.length ?? 0) > 4096) {
      return invalidForm(`embeds.${index}.description`, "Must be 4096 or fewer in length.");
    }
    if ((embed.fields?.length ?? 0) > 25)
      return invalidForm(`embeds.${index}.fields`, "Must be 25 or fewer in length.");
  }
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > 6000) {
    return invalidForm("embeds", "Embed size exceeds maximum size of 6000");
  }
  for (const id of customIds(body.components)) {
    if (id.length > 100) return invalidForm("components", "custom_id must be 100 or fewer in length.");
  }
  const hasBody =
    content.length > 0 ||
    embeds.length > 0 ||
    (Array.isArray(body.components) && body.components.length > 0) ||
    (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) ||
    body.poll != null;
  if (requireBody && !hasBody) {
    return { status: 400, body: { message: "Cannot send an empty message", code: 50006 } };
  }
  return null;
}

/** Autocomplete answers: at most 25 choices, names 1-100 characters. */
export function validateChoices(data: Record<string, unknown> | undefined): ApiError | null {
  const choices = Array.isArray(data?.choices) ? (data.choices as { name?: string }[]) : [];
  if (choices.length > 25) return invalidForm("data.choices", "Must be 25 or fewer in length.");
  for (const [index, choice] of choices.entries()) {
    const length = choice.name?.length ?? 0;
    if (length < 1 || length > 100) {
      return invalidForm(`data.choices.${index}.name`, "Must be between 1 and 100 in length.");
    }
  }
  return null;
}
