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
  "list.openMenu": "Open a post in full",
  "list.gone": "No longer in the collection.",
  "reach.serverOnly":
    "`/{command}` works only in a server that has added Curator: it acts on the server’s settings. Ask the server’s admins to add Curator, or use `/search`, `/random`, `/post`, `/onthisday` or `/saved` here.",
  "reach.notHere": "`/{command}` cannot be used here.",
  "potd.notInServer": "Use `/potd` in a server.",
  "onthisday.badZone": "`{zone}` is not a time zone I know. Run `/onthisday` again.",
  "onthisday.notADay": "date: {date} is not a day in the calendar.",
  "onthisday.badDate": "date: must look like 2026-05-12, not “{typed}”.",
  "onthisday.none":
    "No posts from {day} in years before {year} (dates in {zone}). Try another day with `date:`, or `/random`.",
  "onthisday.title": "On this day: {day}",
  "onthisday.yearsAgo": "{years, plural, one {# year ago} other {# years ago}}",
  "onthisday.footer": "{total, plural, one {# post} other {# posts}} · page {page}/{pages} · dates in {zone}",
  "onthisday.notYours": "Only the person who asked can turn these pages. Run `/onthisday` yourself.",
  "saved.title": "Your saved posts",
  "saved.note": "saved {date}",
  "saved.footer": "{count} of {cap} saved · page {page}/{pages} · /saved clear deletes them all",
  "saved.empty":
    "You have no saved posts. Press **Save** under any post Curator shows (`/search`, `/random`, `/post`, `/onthisday`, the post of the day) to keep it here.",
  "saved.full":
    "You have {cap} saved posts, the most I keep for one person, so {title} was not saved. Remove some with `/saved list`, or all of them with `/saved clear`, then press Save again.",
  "saved.already": "{title} is already in your saved posts ({count} of {cap}). See them with `/saved list`.",
  "saved.saved": "Saved {title} ({count} of {cap}). See your saved posts with `/saved list`.",
  "saved.gone": "The post `{id}` is no longer in the collection, so it cannot be saved.",
  "saved.cleared":
    "{count, plural, =0 {You had no saved posts: there was nothing to delete.} one {Deleted your saved post.} other {Deleted your # saved posts.}}",
  "saved.notYours": "These are someone else's saved posts. See yours with `/saved list`.",
  "schedule.notInServer": "Use `/schedule` in a server.",
  "schedule.notAdmin": "Only members with the Manage Server permission can change the post of the day.",
  "schedule.unknownSubcommand": "Unknown subcommand.",
  "schedule.ambiguous": "This server has {count} schedules: {names}. Say which one with `name:`.",
  "schedule.badName":
    "`{name}` is not a schedule name: use 1-24 lower-case letters, digits, - or _, e.g. `daily` or `news-fr`.",
  "schedule.exists": "There is already a schedule `{name}`: change it with `/schedule edit name:{name}`.",
  "schedule.noSuch": "There is no schedule `{name}`. `/schedule list` shows them.",
  "schedule.removed": "Removed the schedule `{name}`. Its past posts stay where they are.",
  "schedule.noSuchToRemove": "There is no schedule `{name}` to remove. `/schedule list` shows them.",
  "schedule.setUpFirst": "Set up the post of the day first with `/schedule set`.",
  "schedule.rolePing":
    "{name, select, daily {Each post of the day will ping <@&{role}>.} other {Each post of `{name}` will ping <@&{role}>.}}",
  "schedule.roleNobody":
    "{name, select, daily {The post of the day will ping nobody.} other {The post of `{name}` will ping nobody.}}",
  "schedule.nothingToPause": "There is no post of the day to pause. Set one up with `/schedule set`.",
  "schedule.nothingToResume": "There is no post of the day to resume. Set one up with `/schedule set`.",
  "schedule.paused": "Paused `{name}`. Nothing is posted until `/schedule resume`.",
  "schedule.resumed": "Resumed `{name}`. If today’s post is due and not out yet, it is sent within a minute.",
  "schedule.skipped": "Today’s post ({date}) will not be sent. The schedule goes on tomorrow.",
  "schedule.nothingToSkip": "Today’s post ({date}) is already out or being sent: there is nothing to skip.",
  "schedule.previewEmpty": "The collection has no posts to choose from (or none with the schedule’s topic).",
  "schedule.switchedOff":
    "`{name}` is off for this server. `/schedule set` or `/schedule edit` turns it back on.",
  "schedule.added": "Added `{name}`: {schedule}.",
  "schedule.changed": "Changed `{name}`: {schedule}.",
  "schedule.set": "Post of the day `{name}`: {schedule}.",
  "schedule.off": "off",
  "schedule.nextOne": "The next one goes out {when}.",
  "schedule.showsAll": "`/schedule status name:{name}` shows it all.",
  "schedule.nothingToChange": "Nothing to change: give at least one option.",
  "schedule.channelTaken":
    "The schedule `{other}` already posts in <#{channel}>: pick another channel, or change `{other}`.",
  "schedule.missingPermissions":
    "I can’t post in <#{channel}>: I am missing {permissions} there. Give me those permissions in the channel’s settings, or pick another channel.",
  "permission.viewChannel": "View Channel",
  "permission.sendMessages": "Send Messages",
  "permission.embedLinks": "Embed Links",
  "permission.readMessageHistory": "Read Message History",
  "schedule.badTime": "`{time}` is not a time: use HH:MM, 24-hour, e.g. `09:00` or `18:30`.",
  "schedule.badZone": "`{zone}` is not a time zone. Start typing a city and pick one, e.g. `Europe/Paris`.",
  "schedule.badDay":
    "`{word}` is not a day: use `weekdays`, `weekends`, `every day` or days such as `mon,wed,fri`.",
  "schedule.noTopic": "No post has the topic `{topic}`. Pick one from the list, or `none`.",
  "schedule.crosspostElsewhere":
    "Only a post in an announcement channel can be published to the servers that follow it: leave `crosspost` out, or pick an announcement channel.",
  "schedule.forumThreads": "A forum channel already makes each post its own thread: leave `threads` out.",
  "heading.oneLine": "The heading must be one line.",
  "heading.empty": "The heading is empty: leave it out to use the default.",
  "heading.tooLong": "The heading is {length} characters long; at most {max}.",
  "heading.unknownPlaceholder": "{placeholder} is not a placeholder: use {date}, {topic} or {title}.",
  "heading.strayBrace":
    "A {open} or {close} in the heading is not part of a placeholder: use {date}, {topic} or {title}.",
  "heading.noDate":
    "The heading must contain {date}: it tells each day’s post apart (and finds it again after a crash).",
  "schedule.line": "<#{channel}> at {time} {zone}",
  "schedule.lineCron": "cron `{cron}`",
  "schedule.lineTopic": "topic `{topic}`",
  "schedule.linePing": "pinging <@&{role}>",
  "schedule.lineForum": "a forum post a day",
  "schedule.lineThread": "a thread per post",
  "schedule.lineCrosspost": "published to followers",
  "schedule.lineHeading": "heading `{heading}`",
  "schedule.linePaused": "{line} (paused)",
  "days.everyDay": "every day",
  "days.weekdays": "weekdays",
  "days.weekends": "weekends",
  "schedule.listEmpty":
    "This server has no schedule. Add one with `/schedule add name:daily channel:#channel time:09:00 timezone:Europe/Paris`.",
  "schedule.listTitle": "Schedules",
  "schedule.statusOff":
    "The post of the day is **off** for this server. Turn it on with `/schedule set channel:#channel time:09:00 timezone:Europe/Paris`.",
  "schedule.statusTitle": "{name, select, daily {Post of the day} other {Post of the day: {name}}}",
  "schedule.whereAndWhen": "Where and when",
  "schedule.nextPost": "Next post",
  "schedule.lastPost": "Last post",
  "schedule.lastError": "Last error",
  "schedule.leftInCycle": "Posts left before the cycle restarts",
  "schedule.today": "Today",
  "schedule.isPaused": "paused",
  "schedule.nonePlanned": "none planned",
  "schedule.noneYet": "none yet",
  "schedule.none": "none",
  "schedule.dayStatus":
    "{status, select, sent {sent} skipped {skipped} failed {failed} claimed {being sent} other {not sent yet}}",
  "schedule.nextRunSoon":
    "{day, select, today {today} other {now}} at {time} ({relative}), because {passed} has passed",
  "schedule.itsTime": "its time",
  "search.notYours": "Only the person who searched can turn these pages. Run `/search` yourself.",
  "search.changed": "The collection has changed since this search. Run `/search` again.",
  "post.notYours": "Only the person this post was shown to can turn its pages. Try `/post` yourself.",
  "days.day":
    "{day, select, mon {mon} tue {tue} wed {wed} thu {thu} fri {fri} sat {sat} sun {sun} other {{day}}}",
  "saved.clearAsk":
    "{count, plural, one {Delete your saved post?} other {Delete all your # saved posts?}} This cannot be undone.",
  "saved.clearConfirm": "Delete all",
  "saved.clearCancel": "Cancel",
  "saved.clearCancelled": "Nothing was deleted: your saved posts are still there (`/saved list`).",
  "saved.clearExpired":
    "This confirmation is more than {minutes} minutes old, so nothing was deleted. Run `/saved clear` again if you still want to.",
  "potd.heading": "**Post of the day** · {date}",
} as const;

export type MessageKey = keyof typeof en;
