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
};
