import type { Catalog } from "./index.js";

export const fr: Catalog = {
  "error.unknownCommand": "Cette commande n’est plus connue de ce bot.",
  "error.unknownButton": "Je ne connais pas ce bouton. Relancez la commande.",
  "error.internal": "Un problème est survenu de mon côté. Réessayez dans un instant.",
  "error.noTopic":
    "Il n’y a pas de sujet `{topic}`. Commencez à taper pour en choisir un, par ex. {examples}.",
  "error.noPost":
    "Il n’y a pas de publication avec l’id `{id}`. Commencez à taper dans l’option `id` pour en choisir une, ou utilisez `/search`.",
  "error.emptyCollection": "La collection n’a aucune publication à tirer.",
  "error.noPotd": "Pas de publication du jour : la collection n’a aucune publication à choisir.",
  "search.nothingTyped":
    "Tapez quelque chose à chercher, par exemple `/search query:bellard`, ou choisissez un sujet pour le parcourir.",
  "search.emptyTopic": "Aucune publication dans le sujet `{topic}`.",
  "search.noMatch":
    "Aucune publication ne correspond à « {query} ». Essayez moins de mots ou d’autres, vérifiez l’orthographe, ou utilisez `/random`.",
  "search.noMatchInTopic":
    "Aucune publication ne correspond à « {query} » dans le sujet `{topic}`. Essayez moins de mots ou d’autres, vérifiez l’orthographe, ou utilisez `/random`.",
  "search.titleQuery": "Recherche : {query}",
  "search.titleTopic": "Sujet : {topic}",
  "search.footer": "{total, plural, one {# publication} other {# publications}} · page {page}/{pages}",
  "search.footerInTopic":
    "{total, plural, one {# publication} other {# publications}} dans le sujet {topic} · page {page}/{pages}",
  "search.openMenu": "Ouvrir un résultat en entier",
  "post.readOnWeb": "Lire sur le web",
  "post.topics": "Sujets",
  "post.links": "Liens",
  "post.imageDescriptions": "Descriptions des images",
  "post.media": "Médias",
  "post.image": "Image {n}",
  "post.video": "Vidéo {n}",
  "post.gif": "GIF {n}",
  "post.page": "page {page}/{pages}",
  "post.everyYear": "chaque {date}",
  "post.andMore": "… et {n} de plus",
  "post.save": "Enregistrer",
  "saved.remove": "Retirer {n}",
  "page.previous": "Précédent",
  "page.next": "Suivant",
  "random.another": "Une autre",
  "about.title": "À propos de Curator",
  "about.commands":
    "Cherchez dans la collection avec `/search`, tirez une publication avec `/random`, voyez celle du jour avec `/potd`.",
  "about.web": "Lisez et partagez chaque publication sur le web : {url}",
  "about.posts": "Publications",
  "about.topics": "Sujets",
  "about.dates": "Dates",
  "about.dateRange": "du {from} au {to}",
  "about.noDates": "aucune date dans cette collection",
  "about.topicList": "Liste des sujets",
  "about.none": "aucun",
  "about.collection": "Collection",
  "about.loaded": "`{source}`, chargée {when}",
  "about.version": "Version",
  "about.uptime": "En service",
  "about.since": "{duration}, depuis {when}",
  "schedule.sourceOnThisDay": "ce jour-là les années précédentes, sinon le paquet",
  "schedule.previewOnThisDay":
    "Ce jour-là : écrite le {date}, il y a {years, plural, one {# an} other {# ans}}.",
  "schedule.previewFromDeck":
    "Rien n’a été écrit ce jour-là ({date}) les années précédentes : cette publication vient du paquet.",
  "list.openMenu": "Ouvrir une publication en entier",
  "list.gone": "N’est plus dans la collection.",
  "reach.serverOnly":
    "`/{command}` ne fonctionne que dans un serveur qui a ajouté Curator : la commande agit sur les réglages du serveur. Demandez aux admins du serveur d’ajouter Curator, ou utilisez ici `/search`, `/random`, `/post`, `/onthisday` ou `/saved`.",
  "reach.notHere": "`/{command}` ne peut pas être utilisée ici.",
  "potd.notInServer": "Utilisez `/potd` dans un serveur.",
  "onthisday.badZone": "Je ne connais pas le fuseau horaire `{zone}`. Relancez `/onthisday`.",
  "onthisday.notADay": "date : {date} n’est pas un jour du calendrier.",
  "onthisday.badDate": "date : doit ressembler à 2026-05-12, pas à « {typed} ».",
  "onthisday.none":
    "Aucune publication du {day} dans les années avant {year} (dates en {zone}). Essayez un autre jour avec `date:`, ou `/random`.",
  "onthisday.title": "Ce jour-là : {day}",
  "onthisday.yearsAgo": "{years, plural, one {il y a # an} other {il y a # ans}}",
  "onthisday.footer":
    "{total, plural, one {# publication} other {# publications}} · page {page}/{pages} · dates en {zone}",
  "onthisday.notYours":
    "Seule la personne qui a demandé peut tourner ces pages. Lancez `/onthisday` vous-même.",
  "saved.title": "Vos publications enregistrées",
  "saved.note": "enregistrée le {date}",
  "saved.footer": "{count} sur {cap} enregistrées · page {page}/{pages} · /saved clear les supprime toutes",
  "saved.empty":
    "Vous n’avez aucune publication enregistrée. Appuyez sur **Enregistrer** sous toute publication que Curator affiche (`/search`, `/random`, `/post`, `/onthisday`, la publication du jour) pour la garder ici.",
  "saved.full":
    "Vous avez {cap} publications enregistrées, le maximum que je garde par personne : {title} n’a donc pas été enregistrée. Retirez-en avec `/saved list`, ou toutes avec `/saved clear`, puis appuyez de nouveau sur Enregistrer.",
  "saved.already":
    "{title} est déjà dans vos publications enregistrées ({count} sur {cap}). Voyez-les avec `/saved list`.",
  "saved.saved":
    "{title} enregistrée ({count} sur {cap}). Voyez vos publications enregistrées avec `/saved list`.",
  "saved.gone": "La publication `{id}` n’est plus dans la collection : impossible de l’enregistrer.",
  "saved.cleared":
    "{count, plural, =0 {Vous n’aviez aucune publication enregistrée : rien à supprimer.} one {Votre publication enregistrée a été supprimée.} other {Vos # publications enregistrées ont été supprimées.}}",
  "saved.notYours":
    "Ce sont les publications enregistrées de quelqu’un d’autre. Voyez les vôtres avec `/saved list`.",
  "schedule.notInServer": "Utilisez `/schedule` dans un serveur.",
  "schedule.notAdmin":
    "Seuls les membres ayant la permission Gérer le serveur peuvent modifier la publication du jour.",
  "schedule.unknownSubcommand": "Sous-commande inconnue.",
  "schedule.ambiguous": "Ce serveur a {count} programmations : {names}. Précisez laquelle avec `name:`.",
  "schedule.badName":
    "`{name}` n’est pas un nom de programmation : utilisez 1 à 24 lettres minuscules, chiffres, - ou _, par ex. `daily` ou `news-fr`.",
  "schedule.exists":
    "Il existe déjà une programmation `{name}` : modifiez-la avec `/schedule edit name:{name}`.",
  "schedule.noSuch": "Il n’y a pas de programmation `{name}`. `/schedule list` les montre.",
  "schedule.removed": "Programmation `{name}` supprimée. Ses publications passées restent où elles sont.",
  "schedule.noSuchToRemove":
    "Il n’y a pas de programmation `{name}` à supprimer. `/schedule list` les montre.",
  "schedule.setUpFirst": "Configurez d’abord la publication du jour avec `/schedule set`.",
  "schedule.rolePing":
    "{name, select, daily {Chaque publication du jour mentionnera <@&{role}>.} other {Chaque publication de `{name}` mentionnera <@&{role}>.}}",
  "schedule.roleNobody":
    "{name, select, daily {La publication du jour ne mentionnera personne.} other {La publication de `{name}` ne mentionnera personne.}}",
  "schedule.nothingToPause":
    "Il n’y a pas de publication du jour à mettre en pause. Configurez-en une avec `/schedule set`.",
  "schedule.nothingToResume":
    "Il n’y a pas de publication du jour à reprendre. Configurez-en une avec `/schedule set`.",
  "schedule.paused": "`{name}` en pause. Rien n’est publié avant `/schedule resume`.",
  "schedule.resumed":
    "`{name}` reprend. Si la publication du jour est due et pas encore partie, elle part dans la minute.",
  "schedule.skipped":
    "La publication d’aujourd’hui ({date}) ne sera pas envoyée. La programmation reprend demain.",
  "schedule.nothingToSkip":
    "La publication d’aujourd’hui ({date}) est déjà partie ou en cours d’envoi : il n’y a rien à sauter.",
  "schedule.previewEmpty":
    "La collection n’a aucune publication à choisir (ou aucune avec le sujet de la programmation).",
  "schedule.switchedOff":
    "`{name}` est désactivée pour ce serveur. `/schedule set` ou `/schedule edit` la réactive.",
  "schedule.added": "`{name}` ajoutée : {schedule}.",
  "schedule.changed": "`{name}` modifiée : {schedule}.",
  "schedule.set": "Publication du jour `{name}` : {schedule}.",
  "schedule.off": "désactivée",
  "schedule.nextOne": "La prochaine part {when}.",
  "schedule.showsAll": "`/schedule status name:{name}` montre tout.",
  "schedule.nothingToChange": "Rien à modifier : donnez au moins une option.",
  "schedule.channelTaken":
    "La programmation `{other}` publie déjà dans <#{channel}> : choisissez un autre salon, ou modifiez `{other}`.",
  "schedule.missingPermissions":
    "Je ne peux pas publier dans <#{channel}> : il me manque {permissions}. Donnez-moi ces permissions dans les paramètres du salon, ou choisissez un autre salon.",
  "permission.viewChannel": "Voir le salon",
  "permission.sendMessages": "Envoyer des messages",
  "permission.embedLinks": "Intégrer des liens",
  "permission.readMessageHistory": "Voir les anciens messages",
  "schedule.badTime":
    "`{time}` n’est pas une heure : utilisez HH:MM sur 24 heures, par ex. `09:00` ou `18:30`.",
  "schedule.badZone":
    "`{zone}` n’est pas un fuseau horaire. Commencez à taper une ville et choisissez, par ex. `Europe/Paris`.",
  "schedule.badDay":
    "`{word}` n’est pas un jour : utilisez `weekdays`, `weekends`, `every day` ou des jours comme `mon,wed,fri`.",
  "schedule.noTopic": "Aucune publication n’a le sujet `{topic}`. Choisissez-en un dans la liste, ou `none`.",
  "schedule.crosspostElsewhere":
    "Seule une publication d’un salon d’annonces peut être diffusée aux serveurs qui le suivent : retirez `crosspost`, ou choisissez un salon d’annonces.",
  "schedule.forumThreads":
    "Un salon forum fait déjà de chaque publication son propre fil : retirez `threads`.",
  "heading.oneLine": "L’en-tête doit tenir sur une ligne.",
  "heading.empty": "L’en-tête est vide : omettez-le pour garder celui par défaut.",
  "heading.tooLong": "L’en-tête fait {length} caractères ; {max} au plus.",
  "heading.unknownPlaceholder": "{placeholder} n’est pas un paramètre : utilisez {date}, {topic} ou {title}.",
  "heading.strayBrace":
    "Un {open} ou {close} de l’en-tête ne fait pas partie d’un paramètre : utilisez {date}, {topic} ou {title}.",
  "heading.noDate":
    "L’en-tête doit contenir {date} : c’est ce qui distingue chaque publication du jour (et la retrouve après un plantage).",
  "schedule.line": "<#{channel}> à {time} {zone}",
  "schedule.lineCron": "cron `{cron}`",
  "schedule.lineTopic": "sujet `{topic}`",
  "schedule.linePing": "mentionne <@&{role}>",
  "schedule.lineForum": "une publication de forum par jour",
  "schedule.lineThread": "un fil par publication",
  "schedule.lineCrosspost": "diffusée aux abonnés",
  "schedule.lineHeading": "en-tête `{heading}`",
  "schedule.linePaused": "{line} (en pause)",
  "days.everyDay": "tous les jours",
  "days.weekdays": "en semaine",
  "days.weekends": "le week-end",
  "schedule.listEmpty":
    "Ce serveur n’a aucune programmation. Ajoutez-en une avec `/schedule add name:daily channel:#salon time:09:00 timezone:Europe/Paris`.",
  "schedule.listTitle": "Programmations",
  "schedule.statusOff":
    "La publication du jour est **désactivée** pour ce serveur. Activez-la avec `/schedule set channel:#salon time:09:00 timezone:Europe/Paris`.",
  "schedule.statusTitle": "{name, select, daily {Publication du jour} other {Publication du jour : {name}}}",
  "schedule.whereAndWhen": "Où et quand",
  "schedule.nextPost": "Prochaine publication",
  "schedule.lastPost": "Dernière publication",
  "schedule.lastError": "Dernière erreur",
  "schedule.leftInCycle": "Publications restantes avant que le cycle recommence",
  "schedule.today": "Aujourd’hui",
  "schedule.isPaused": "en pause",
  "schedule.nonePlanned": "aucune prévue",
  "schedule.noneYet": "aucune pour l’instant",
  "schedule.none": "aucune",
  "schedule.dayStatus":
    "{status, select, sent {envoyée} skipped {sautée} failed {échec} claimed {en cours d’envoi} other {pas encore envoyée}}",
  "schedule.nextRunSoon":
    "{day, select, today {aujourd’hui} other {maintenant}} à {time} ({relative}), car {passed} est passée",
  "schedule.itsTime": "l’heure prévue",
  "search.notYours": "Seule la personne qui a cherché peut tourner ces pages. Lancez `/search` vous-même.",
  "search.changed": "La collection a changé depuis cette recherche. Relancez `/search`.",
  "post.notYours":
    "Seule la personne à qui cette publication a été montrée peut en tourner les pages. Essayez `/post` vous-même.",
  "days.day":
    "{day, select, mon {lun.} tue {mar.} wed {mer.} thu {jeu.} fri {ven.} sat {sam.} sun {dim.} other {{day}}}",
  "saved.clearAsk":
    "{count, plural, one {Supprimer votre publication enregistrée ?} other {Supprimer vos # publications enregistrées ?}} C’est définitif.",
  "saved.clearConfirm": "Tout supprimer",
  "saved.clearCancel": "Annuler",
  "saved.clearCancelled":
    "Rien n’a été supprimé : vos publications enregistrées sont toujours là (`/saved list`).",
  "saved.clearExpired":
    "Cette confirmation date de plus de {minutes} minutes : rien n’a été supprimé. Relancez `/saved clear` si vous le voulez toujours.",
  "potd.heading": "**Publication du jour** · {date}",
  "console.helpCommands": "Commandes (les mêmes que dans Discord) :",
  "console.helpSearch": "recherche classée ; fautes de frappe et accents acceptés",
  "console.helpRandom": "une publication au hasard",
  "console.helpPost": "une publication en entier (les longues ont des pages)",
  "console.helpPotd": "la publication du jour (pour un serveur qui vient de lancer son planning)",
  "console.helpOnThisDay": "les publications de ce jour (UTC) les années passées",
  "console.helpAbout": "la collection et le bot",
  "console.helpHelp": "cette liste",
  "console.helpQuit": "quitter (ou Ctrl+D, ou deux fois Ctrl+C)",
  "console.helpButtons": "Les boutons de la dernière réponse :",
  "console.helpPages": "la page suivante ou précédente des résultats ou d’une longue publication",
  "console.helpAnother": "une autre publication au hasard",
  "console.helpOpen": "ouvrir ce résultat en entier",
  "console.helpKeys":
    "Tab complète les commandes, les sujets et les identifiants ; Haut et Bas rappellent les lignes précédentes.",
  "console.banner":
    "Console Curator {version} · {count, plural, one {# publication} other {# publications}} de {source} · /help pour les commandes",
  "console.leave": "(Pour quitter, appuyez encore sur Ctrl+C, ou Ctrl+D, ou tapez /quit)",
  "console.unknown": "Commande inconnue /{command}. Tapez /help pour la liste.",
  "console.unknownNear":
    "Commande inconnue /{command}. Vouliez-vous dire /{near} ? Tapez /help pour la liste.",
  "console.noOption": "/{command} n’a pas d’option {option}:.",
  "console.noOptionTakes": "/{command} n’a pas d’option {option}: (elle prend {options}).",
  "console.needsValue": "{option}: demande une valeur, par exemple {option}:{example}.",
  "console.noWords": "/{command} ne prend pas de mots, mais a reçu « {text} ».",
  "console.noWordsTopic":
    "/{command} ne prend pas de mots, mais a reçu « {text} ». Pour un sujet, tapez topic:{word}.",
  "console.oneId": "/{command} prend un seul identifiant de publication, mais a reçu « {text} ».",
  "console.badPage": "page: doit être un nombre entier à partir de 1, pas « {page} ».",
  "console.whichPost": "Quelle publication ? Par exemple /post bellard (Tab complète les identifiants).",
};
