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
  "list.openMenu": "Einen Beitrag vollständig öffnen",
  "list.gone": "Nicht mehr in der Sammlung.",
  "reach.serverOnly":
    "`/{command}` funktioniert nur in einem Server, der Curator hinzugefügt hat: der Befehl ändert die Einstellungen des Servers. Bitte die Admins des Servers, Curator hinzuzufügen, oder nutze hier `/search`, `/random`, `/post`, `/onthisday` oder `/saved`.",
  "reach.notHere": "`/{command}` kann hier nicht verwendet werden.",
  "potd.notInServer": "Verwende `/potd` in einem Server.",
  "onthisday.badZone": "Die Zeitzone `{zone}` kenne ich nicht. Führe `/onthisday` erneut aus.",
  "onthisday.notADay": "date: {date} ist kein Tag im Kalender.",
  "onthisday.badDate": "date: muss wie 2026-05-12 aussehen, nicht „{typed}“.",
  "onthisday.none":
    "Keine Beiträge vom {day} in den Jahren vor {year} (Daten in {zone}). Versuche einen anderen Tag mit `date:` oder `/random`.",
  "onthisday.title": "An diesem Tag: {day}",
  "onthisday.yearsAgo": "{years, plural, one {vor # Jahr} other {vor # Jahren}}",
  "onthisday.footer":
    "{total, plural, one {# Beitrag} other {# Beiträge}} · Seite {page}/{pages} · Daten in {zone}",
  "onthisday.notYours": "Nur wer gefragt hat, kann diese Seiten umblättern. Führe `/onthisday` selbst aus.",
  "saved.title": "Deine gespeicherten Beiträge",
  "saved.note": "gespeichert am {date}",
  "saved.footer": "{count} von {cap} gespeichert · Seite {page}/{pages} · /saved clear löscht alle",
  "saved.empty":
    "Du hast keine gespeicherten Beiträge. Drücke **Speichern** unter einem Beitrag, den Curator zeigt (`/search`, `/random`, `/post`, `/onthisday`, der Beitrag des Tages), um ihn hier zu behalten.",
  "saved.full":
    "Du hast {cap} gespeicherte Beiträge, so viele behalte ich höchstens pro Person, daher wurde {title} nicht gespeichert. Entferne einige mit `/saved list` oder alle mit `/saved clear` und drücke dann erneut Speichern.",
  "saved.already":
    "{title} ist schon in deinen gespeicherten Beiträgen ({count} von {cap}). Sieh sie dir mit `/saved list` an.",
  "saved.saved": "{title} gespeichert ({count} von {cap}). Deine gespeicherten Beiträge zeigt `/saved list`.",
  "saved.gone": "Der Beitrag `{id}` ist nicht mehr in der Sammlung und kann nicht gespeichert werden.",
  "saved.cleared":
    "{count, plural, =0 {Du hattest keine gespeicherten Beiträge: es gab nichts zu löschen.} one {Dein gespeicherter Beitrag wurde gelöscht.} other {Deine # gespeicherten Beiträge wurden gelöscht.}}",
  "saved.notYours": "Das sind die gespeicherten Beiträge von jemand anderem. Deine zeigt `/saved list`.",
  "schedule.notInServer": "Verwende `/schedule` in einem Server.",
  "schedule.notAdmin":
    "Nur Mitglieder mit der Berechtigung Server verwalten können den Beitrag des Tages ändern.",
  "schedule.unknownSubcommand": "Unbekannter Unterbefehl.",
  "schedule.ambiguous": "Dieser Server hat {count} Zeitpläne: {names}. Gib mit `name:` an, welchen.",
  "schedule.badName":
    "`{name}` ist kein Name für einen Zeitplan: verwende 1–24 Kleinbuchstaben, Ziffern, - oder _, z. B. `daily` oder `news-fr`.",
  "schedule.exists": "Es gibt schon einen Zeitplan `{name}`: ändere ihn mit `/schedule edit name:{name}`.",
  "schedule.noSuch": "Es gibt keinen Zeitplan `{name}`. `/schedule list` zeigt sie.",
  "schedule.removed": "Der Zeitplan `{name}` wurde entfernt. Seine bisherigen Beiträge bleiben, wo sie sind.",
  "schedule.noSuchToRemove": "Es gibt keinen Zeitplan `{name}` zum Entfernen. `/schedule list` zeigt sie.",
  "schedule.setUpFirst": "Richte den Beitrag des Tages zuerst mit `/schedule set` ein.",
  "schedule.rolePing":
    "{name, select, daily {Jeder Beitrag des Tages erwähnt <@&{role}>.} other {Jeder Beitrag von `{name}` erwähnt <@&{role}>.}}",
  "schedule.roleNobody":
    "{name, select, daily {Der Beitrag des Tages erwähnt niemanden.} other {Der Beitrag von `{name}` erwähnt niemanden.}}",
  "schedule.nothingToPause":
    "Es gibt keinen Beitrag des Tages zum Pausieren. Richte einen mit `/schedule set` ein.",
  "schedule.nothingToResume":
    "Es gibt keinen Beitrag des Tages zum Fortsetzen. Richte einen mit `/schedule set` ein.",
  "schedule.paused": "`{name}` pausiert. Bis `/schedule resume` wird nichts gepostet.",
  "schedule.resumed":
    "`{name}` läuft wieder. Ist der heutige Beitrag fällig und noch nicht raus, kommt er innerhalb einer Minute.",
  "schedule.skipped": "Der heutige Beitrag ({date}) wird nicht gesendet. Der Zeitplan geht morgen weiter.",
  "schedule.nothingToSkip":
    "Der heutige Beitrag ({date}) ist schon raus oder wird gerade gesendet: es gibt nichts zu überspringen.",
  "schedule.previewEmpty":
    "Die Sammlung hat keine Beiträge zur Auswahl (oder keine mit dem Thema des Zeitplans).",
  "schedule.switchedOff":
    "`{name}` ist für diesen Server aus. `/schedule set` oder `/schedule edit` schaltet ihn wieder ein.",
  "schedule.added": "`{name}` hinzugefügt: {schedule}.",
  "schedule.changed": "`{name}` geändert: {schedule}.",
  "schedule.set": "Beitrag des Tages `{name}`: {schedule}.",
  "schedule.off": "aus",
  "schedule.nextOne": "Der nächste geht {when} raus.",
  "schedule.showsAll": "`/schedule status name:{name}` zeigt alles.",
  "schedule.nothingToChange": "Nichts zu ändern: gib mindestens eine Option an.",
  "schedule.channelTaken":
    "Der Zeitplan `{other}` postet schon in <#{channel}>: wähle einen anderen Kanal oder ändere `{other}`.",
  "schedule.missingPermissions":
    "Ich kann in <#{channel}> nicht posten: mir fehlt dort {permissions}. Gib mir diese Berechtigungen in den Kanaleinstellungen oder wähle einen anderen Kanal.",
  "permission.viewChannel": "Kanal ansehen",
  "permission.sendMessages": "Nachrichten senden",
  "permission.embedLinks": "Links einbetten",
  "permission.readMessageHistory": "Nachrichtenverlauf anzeigen",
  "schedule.badTime":
    "`{time}` ist keine Uhrzeit: verwende HH:MM im 24-Stunden-Format, z. B. `09:00` oder `18:30`.",
  "schedule.badZone":
    "`{zone}` ist keine Zeitzone. Tippe eine Stadt und wähle eine aus, z. B. `Europe/Berlin`.",
  "schedule.badDay":
    "`{word}` ist kein Tag: verwende `weekdays`, `weekends`, `every day` oder Tage wie `mon,wed,fri`.",
  "schedule.noTopic": "Kein Beitrag hat das Thema `{topic}`. Wähle eines aus der Liste oder `none`.",
  "schedule.crosspostElsewhere":
    "Nur ein Beitrag in einem Ankündigungskanal kann an die Server veröffentlicht werden, die ihm folgen: lass `crosspost` weg oder wähle einen Ankündigungskanal.",
  "schedule.forumThreads":
    "Ein Forumkanal macht schon aus jedem Beitrag einen eigenen Thread: lass `threads` weg.",
  "heading.oneLine": "Die Überschrift muss eine Zeile sein.",
  "heading.empty": "Die Überschrift ist leer: lass sie weg, um die Standardüberschrift zu nutzen.",
  "heading.tooLong": "Die Überschrift ist {length} Zeichen lang; höchstens {max}.",
  "heading.unknownPlaceholder": "{placeholder} ist kein Platzhalter: verwende {date}, {topic} oder {title}.",
  "heading.strayBrace":
    "Ein {open} oder {close} in der Überschrift gehört zu keinem Platzhalter: verwende {date}, {topic} oder {title}.",
  "heading.noDate":
    "Die Überschrift muss {date} enthalten: daran unterscheidet sich der Beitrag jedes Tages (und wird nach einem Absturz wiedergefunden).",
  "schedule.line": "<#{channel}> um {time} {zone}",
  "schedule.lineCron": "cron `{cron}`",
  "schedule.lineTopic": "Thema `{topic}`",
  "schedule.linePing": "erwähnt <@&{role}>",
  "schedule.lineForum": "ein Forumbeitrag pro Tag",
  "schedule.lineThread": "ein Thread pro Beitrag",
  "schedule.lineCrosspost": "an Folgende veröffentlicht",
  "schedule.lineHeading": "Überschrift `{heading}`",
  "schedule.linePaused": "{line} (pausiert)",
  "days.everyDay": "jeden Tag",
  "days.weekdays": "werktags",
  "days.weekends": "am Wochenende",
  "schedule.listEmpty":
    "Dieser Server hat keinen Zeitplan. Füge einen mit `/schedule add name:daily channel:#kanal time:09:00 timezone:Europe/Berlin` hinzu.",
  "schedule.listTitle": "Zeitpläne",
  "schedule.statusOff":
    "Der Beitrag des Tages ist für diesen Server **aus**. Schalte ihn mit `/schedule set channel:#kanal time:09:00 timezone:Europe/Berlin` ein.",
  "schedule.statusTitle": "{name, select, daily {Beitrag des Tages} other {Beitrag des Tages: {name}}}",
  "schedule.whereAndWhen": "Wo und wann",
  "schedule.nextPost": "Nächster Beitrag",
  "schedule.lastPost": "Letzter Beitrag",
  "schedule.lastError": "Letzter Fehler",
  "schedule.leftInCycle": "Beiträge, bis der Zyklus neu beginnt",
  "schedule.today": "Heute",
  "schedule.isPaused": "pausiert",
  "schedule.nonePlanned": "keiner geplant",
  "schedule.noneYet": "noch keiner",
  "schedule.none": "keiner",
  "schedule.dayStatus":
    "{status, select, sent {gesendet} skipped {übersprungen} failed {fehlgeschlagen} claimed {wird gesendet} other {noch nicht gesendet}}",
  "schedule.nextRunSoon":
    "{day, select, today {heute} other {jetzt}} um {time} ({relative}), weil {passed} vorbei ist",
  "schedule.itsTime": "seine Uhrzeit",
  "search.notYours": "Nur wer gesucht hat, kann diese Seiten umblättern. Führe `/search` selbst aus.",
  "search.changed": "Die Sammlung hat sich seit dieser Suche geändert. Führe `/search` erneut aus.",
  "post.notYours":
    "Nur wem dieser Beitrag gezeigt wurde, kann seine Seiten umblättern. Probiere `/post` selbst.",
  "days.day":
    "{day, select, mon {Mo.} tue {Di.} wed {Mi.} thu {Do.} fri {Fr.} sat {Sa.} sun {So.} other {{day}}}",
  "saved.clearAsk":
    "{count, plural, one {Deinen gespeicherten Beitrag löschen?} other {Alle deine # gespeicherten Beiträge löschen?}} Das lässt sich nicht rückgängig machen.",
  "saved.clearConfirm": "Alle löschen",
  "saved.clearCancel": "Abbrechen",
  "saved.clearCancelled": "Nichts wurde gelöscht: deine gespeicherten Beiträge sind noch da (`/saved list`).",
  "saved.clearExpired":
    "Diese Bestätigung ist älter als {minutes} Minuten, daher wurde nichts gelöscht. Führe `/saved clear` erneut aus, wenn du es weiterhin willst.",
  "potd.heading": "**Beitrag des Tages** · {date}",
  "console.helpCommands": "Befehle (dieselben wie in Discord):",
  "console.helpSearch": "gewichtete Suche; Tippfehler und Akzente sind kein Problem",
  "console.helpRandom": "ein zufälliger Beitrag",
  "console.helpPost": "ein Beitrag vollständig (lange Beiträge haben Seiten)",
  "console.helpPotd": "der Beitrag des Tages (für einen Server, dessen Zeitplan gerade begonnen hat)",
  "console.helpOnThisDay": "Beiträge von diesem Tag (UTC) aus früheren Jahren",
  "console.helpAbout": "die Sammlung und der Bot",
  "console.helpHelp": "diese Liste",
  "console.helpQuit": "beenden (oder Strg+D, oder zweimal Strg+C)",
  "console.helpButtons": "Die Schaltflächen der letzten Antwort:",
  "console.helpPages": "die nächste oder vorige Seite der Ergebnisse oder eines langen Beitrags",
  "console.helpAnother": "ein anderer zufälliger Beitrag",
  "console.helpOpen": "dieses Suchergebnis vollständig öffnen",
  "console.helpKeys":
    "Tab ergänzt Befehle, Themen und Beitrags-IDs; Pfeil hoch und runter holen frühere Zeilen zurück.",
  "console.banner":
    "Curator {version} Konsole · {count, plural, one {# Beitrag} other {# Beiträge}} aus {source} · /help für die Befehle",
  "console.leave": "(Zum Beenden noch einmal Strg+C drücken, oder Strg+D, oder /quit eingeben)",
  "console.unknown": "Unbekannter Befehl /{command}. Gib /help für die Liste ein.",
  "console.unknownNear": "Unbekannter Befehl /{command}. Meintest du /{near}? Gib /help für die Liste ein.",
  "console.noOption": "/{command} hat keine Option {option}:.",
  "console.noOptionTakes": "/{command} hat keine Option {option}: (möglich sind {options}).",
  "console.needsValue": "{option}: braucht einen Wert, zum Beispiel {option}:{example}.",
  "console.noWords": "/{command} nimmt keine Wörter, bekam aber „{text}“.",
  "console.noWordsTopic":
    "/{command} nimmt keine Wörter, bekam aber „{text}“. Für ein Thema gib topic:{word} ein.",
  "console.oneId": "/{command} nimmt eine Beitrags-ID, bekam aber „{text}“.",
  "console.badPage": "page: muss eine ganze Zahl ab 1 sein, nicht „{page}“.",
  "console.whichPost": "Welcher Beitrag? Zum Beispiel /post bellard (Tab ergänzt IDs).",
};
