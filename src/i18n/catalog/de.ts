import type { Catalog } from "./index.js";

export const de: Catalog = {
  "error.unknownCommand": "Diesen Befehl kennt dieser Bot nicht mehr.",
  "error.unknownButton": "Diese Schaltfläche kenne ich nicht. Führe den Befehl erneut aus.",
  "error.internal": "Bei mir ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.",
  "error.noTopic": "Es gibt kein Thema `{topic}`. Beginne zu tippen, um eines auszuwählen, z. B. {examples}.",
  "error.noPost":
    "Es gibt keinen Beitrag mit der ID `{id}`. Tippe in die Option `id`, um einen auszuwählen, oder nutze `/search`.",
  "error.emptyCollection": "Die Sammlung hat keine Beiträge zur Auswahl.",
  "error.noPotd": "Es gibt keinen Beitrag des Tages: Die Sammlung hat keine Beiträge zur Auswahl.",
  "search.nothingTyped":
    "Gib etwas zum Suchen ein, zum Beispiel `/search query:bellard`, oder wähle ein Thema zum Durchblättern.",
  "search.emptyTopic": "Keine Beiträge im Thema `{topic}`.",
  "search.noMatch":
    "Keine Beiträge passen zu „{query}“. Versuche weniger oder andere Wörter, prüfe die Schreibweise oder nutze `/random`.",
  "search.noMatchInTopic":
    "Keine Beiträge im Thema `{topic}` passen zu „{query}“. Versuche weniger oder andere Wörter, prüfe die Schreibweise oder nutze `/random`.",
  "search.titleQuery": "Suche: {query}",
  "search.titleTopic": "Thema: {topic}",
  "search.footer": "{total, plural, one {# Beitrag} other {# Beiträge}} · Seite {page}/{pages}",
  "search.footerInTopic":
    "{total, plural, one {# Beitrag} other {# Beiträge}} im Thema {topic} · Seite {page}/{pages}",
  "search.openMenu": "Ein Ergebnis ganz öffnen",
  "post.readOnWeb": "Im Web lesen",
  "post.topics": "Themen",
  "post.links": "Links",
  "post.imageDescriptions": "Bildbeschreibungen",
  "post.media": "Medien",
  "post.image": "Bild {n}",
  "post.video": "Video {n}",
  "post.gif": "GIF {n}",
  "post.page": "Seite {page}/{pages}",
  "post.everyYear": "jedes Jahr am {date}",
  "post.andMore": "… und {n} weitere",
  "post.save": "Speichern",
  "saved.remove": "Entfernen {n}",
  "page.previous": "Zurück",
  "page.next": "Weiter",
  "random.another": "Noch einer",
  "about.title": "Über Curator",
  "about.commands":
    "Durchsuche die Sammlung mit `/search`, ziehe einen Beitrag mit `/random`, sieh die heutige Auswahl mit `/potd`.",
  "about.web": "Lies und teile jeden Beitrag im Web: {url}",
  "about.posts": "Beiträge",
  "about.topics": "Themen",
  "about.dates": "Zeitraum",
  "about.dateRange": "{from} bis {to}",
  "about.noDates": "keine Daten in dieser Sammlung",
  "about.topicList": "Themenliste",
  "about.none": "keine",
  "about.collection": "Sammlung",
  "about.loaded": "`{source}`, geladen {when}",
  "about.version": "Version",
  "about.uptime": "Laufzeit",
  "about.since": "{duration}, seit {when}",
  "schedule.sourceOnThisDay": "an diesem Tag in früheren Jahren, sonst der Stapel",
  "schedule.previewOnThisDay":
    "An diesem Tag: geschrieben am {date}, vor {years, plural, one {# Jahr} other {# Jahren}}.",
  "schedule.previewFromDeck":
    "An diesem Tag ({date}) wurde in früheren Jahren nichts geschrieben: dieser Beitrag kommt aus dem Stapel.",
};
