/**
 * Where the web archive is (PUBLIC_URL), set once at start-up by main.ts. Held here rather than threaded through
 * every answer: a post's embed links to its page wherever it is rendered (commands, buttons, the post of the day).
 */
let publicUrl: string | undefined;

export function setPublicUrl(url: string | undefined): void {
  publicUrl = url?.replace(/\/+$/, "") || undefined;
}

/** An absolute link into the archive, or undefined when there is none. */
export function archiveUrl(path = "/"): string | undefined {
  return publicUrl === undefined ? undefined : `${publicUrl}${path}`;
}

export function permalink(postId: string): string | undefined {
  return archiveUrl(`/p/${postId}`);
}
