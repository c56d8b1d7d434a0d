import type { Catalog } from "./index.js";

export const es: Catalog = {
  "error.unknownCommand": "Este bot ya no conoce este comando.",
  "error.unknownButton": "No conozco este botón. Vuelve a ejecutar el comando.",
  "error.internal": "Algo salió mal por mi parte. Inténtalo de nuevo en un momento.",
  "error.noTopic": "No hay ningún tema `{topic}`. Empieza a escribir para elegir uno, p. ej. {examples}.",
  "error.noPost":
    "No hay ninguna publicación con el id `{id}`. Empieza a escribir en la opción `id` para elegir una, o usa `/search`.",
  "error.emptyCollection": "La colección no tiene publicaciones para elegir.",
  "error.noPotd": "No hay publicación del día: la colección no tiene publicaciones para elegir.",
  "search.nothingTyped":
    "Escribe algo para buscar, por ejemplo `/search query:bellard`, o elige un tema para explorarlo.",
  "search.emptyTopic": "No hay publicaciones en el tema `{topic}`.",
  "search.noMatch":
    "Ninguna publicación coincide con «{query}». Prueba con menos palabras u otras, revisa la ortografía o usa `/random`.",
  "search.noMatchInTopic":
    "Ninguna publicación coincide con «{query}» en el tema `{topic}`. Prueba con menos palabras u otras, revisa la ortografía o usa `/random`.",
  "search.titleQuery": "Búsqueda: {query}",
  "search.titleTopic": "Tema: {topic}",
  "search.footer": "{total, plural, one {# publicación} other {# publicaciones}} · página {page}/{pages}",
  "search.footerInTopic":
    "{total, plural, one {# publicación} other {# publicaciones}} en el tema {topic} · página {page}/{pages}",
  "search.openMenu": "Abrir un resultado completo",
  "post.readOnWeb": "Leer en la web",
  "post.topics": "Temas",
  "post.links": "Enlaces",
  "post.imageDescriptions": "Descripciones de las imágenes",
  "post.media": "Multimedia",
  "post.image": "Imagen {n}",
  "post.video": "Vídeo {n}",
  "post.gif": "GIF {n}",
  "post.page": "página {page}/{pages}",
  "post.everyYear": "cada {date}",
  "post.andMore": "… y {n} más",
  "post.save": "Guardar",
  "saved.remove": "Quitar {n}",
  "page.previous": "Anterior",
  "page.next": "Siguiente",
  "random.another": "Otra",
  "about.title": "Acerca de Curator",
  "about.commands":
    "Busca en la colección con `/search`, saca una publicación con `/random`, mira la de hoy con `/potd`.",
  "about.web": "Lee y comparte cada publicación en la web: {url}",
  "about.posts": "Publicaciones",
  "about.topics": "Temas",
  "about.dates": "Fechas",
  "about.dateRange": "del {from} al {to}",
  "about.noDates": "no hay fechas en esta colección",
  "about.topicList": "Lista de temas",
  "about.none": "ninguno",
  "about.collection": "Colección",
  "about.loaded": "`{source}`, cargada {when}",
  "about.version": "Versión",
  "about.uptime": "En marcha",
  "about.since": "{duration}, desde {when}",
  "schedule.sourceOnThisDay": "este día en años anteriores, si no la baraja",
  "schedule.previewOnThisDay":
    "Un día como hoy: escrita el {date}, hace {years, plural, one {# año} other {# años}}.",
  "schedule.previewFromDeck":
    "No se escribió nada este día ({date}) en años anteriores: esta publicación viene de la baraja.",
};
