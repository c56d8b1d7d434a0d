import { Feed } from "feed";
import type { Library } from "../discord/context.js";
import { postTitle } from "../discord/render-post.js";
import type { Post } from "../library/post.js";
import { archiveOf } from "./archive.js";
import { escapeHtml, excerpt, type PostOfTheDay, postTextHtml, type Site } from "./pages.js";

const NEW_POSTS = 20;

/** An Atom feed: the recent posts of the day, then the newest posts. `origin` makes the links absolute. */
export function atomFeed(
  site: Site,
  library: Library,
  origin: string,
  postsOfTheDay: readonly PostOfTheDay[] = [],
): string {
  const { collection } = library;
  const newest = archiveOf(collection).recent.slice(0, NEW_POSTS);
  const dated = (post: Post) => (post.createdAt ? new Date(post.createdAt) : collection.loadedAt);
  const feed = new Feed({
    title: site.name,
    description: `${collection.posts.length} posts: the posts of the day and the newest posts.`,
    id: `${origin}/`,
    link: `${origin}/`,
    feedLinks: { atom: `${origin}/feed.xml` },
    updated: newest[0] ? dated(newest[0]) : collection.loadedAt,
    copyright: "",
    generator: `Curator ${site.version}`,
  });
  // The feed package writes titles, summaries and content as type="html": everything from a post is escaped first.
  const item = (post: Post, title: string, id: string, date: Date) =>
    feed.addItem({
      title: escapeHtml(title),
      id,
      link: `${origin}/p/${post.id}`,
      description: escapeHtml(
        post.contentWarning ? `Content warning: ${post.contentWarning}` : excerpt(post.text, 280),
      ),
      // Feed readers have no disclosure widget: a post behind a warning is a link to its page.
      content: post.contentWarning
        ? `<p>${escapeHtml(`Content warning: ${post.contentWarning}`)}</p>`
        : postTextHtml(post),
      date,
      ...(post.createdAt ? { published: new Date(post.createdAt) } : {}),
      ...(post.author ? { author: [{ name: post.author }] } : {}),
    });
  for (const potd of postsOfTheDay) {
    item(
      potd.post,
      `Post of the day · ${potd.localDate}: ${postTitle(potd.post)}`,
      `${origin}/p/${potd.post.id}#potd-${potd.localDate}`,
      new Date(`${potd.localDate}T00:00:00Z`),
    );
  }
  for (const post of newest) item(post, postTitle(post), `${origin}/p/${post.id}`, dated(post));
  return feed.atom1();
}
