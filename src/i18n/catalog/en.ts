/**
 * Every message Curator shows, in English: the source the other catalogs translate, key for key, with the same
 * `{placeholders}` (test/i18n.test.ts checks both). ICU MessageFormat: `{n, plural, one {…} other {…}}` for counts;
 * write a literal apostrophe as ’ and quote braces as '{'.
 */
export const en = {
  "error.unknownCommand": "This command is not known to this bot any more.",
  "error.unknownButton": "This button is not one I know. Run the command again.",
  "error.internal": "Something went wrong on my side. Please try again in a moment.",
  "error.noTopic": "There is no topic `{topic}`. Start typing to pick one, e.g. {examples}.",
  "error.noPost":
    "There is no post with id `{id}`. Start typing in the `id` option to pick one, or use `/search`.",
  "error.emptyCollection": "The collection has no posts to pick from.",
  "error.noPotd": "There is no post of the day: the collection has no posts to choose from.",
  "search.nothingTyped":
    "Type something to search for, for example `/search query:bellard`, or pick a topic to browse it.",
  "search.emptyTopic": "No posts in topic `{topic}`.",
  "search.noMatch":
    "No posts match “{query}”. Try fewer or other words, check the spelling, or use `/random`.",
  "search.noMatchInTopic":
    "No posts match “{query}” in topic `{topic}`. Try fewer or other words, check the spelling, or use `/random`.",
  "search.titleQuery": "Search: {query}",
  "search.titleTopic": "Topic: {topic}",
  "search.footer": "{total, plural, one {# post} other {# posts}} · page {page}/{pages}",
  "search.footerInTopic":
    "{total, plural, one {# post} other {# posts}} in topic {topic} · page {page}/{pages}",
  "search.openMenu": "Open a result in full",
  "post.readOnWeb": "Read on the web",
  "post.topics": "Topics",
  "post.links": "Links",
  "post.imageDescriptions": "Image descriptions",
  "post.media": "Media",
  "post.image": "Image {n}",
  "post.video": "Video {n}",
  "post.gif": "GIF {n}",
  "post.page": "page {page}/{pages}",
  "post.everyYear": "every {date}",
  "post.andMore": "… and {n} more",
  "post.save": "Save",
  "saved.remove": "Remove {n}",
  "page.previous": "Previous",
  "page.next": "Next",
  "random.another": "Another",
  "about.title": "About Curator",
  "about.commands":
    "Search the collection with `/search`, draw a post with `/random`, see today’s pick with `/potd`.",
  "about.web": "Read and share every post on the web: {url}",
  "about.posts": "Posts",
  "about.topics": "Topics",
  "about.dates": "Dates",
  "about.dateRange": "{from} to {to}",
  "about.noDates": "no dates in this collection",
  "about.topicList": "Topic list",
  "about.none": "none",
  "about.collection": "Collection",
  "about.loaded": "`{source}`, loaded {when}",
  "about.version": "Version",
  "about.uptime": "Uptime",
  "about.since": "{duration}, since {when}",
  "schedule.sourceOnThisDay": "on this day in earlier years, else the deck",
  "schedule.previewOnThisDay":
    "On this day: written {date}, {years, plural, one {# year ago} other {# years ago}}.",
  "schedule.previewFromDeck":
    "Nothing was written on this day ({date}) in earlier years: this post comes from the deck.",
} as const;

export type MessageKey = keyof typeof en;
