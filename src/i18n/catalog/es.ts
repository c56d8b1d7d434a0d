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
  "list.openMenu": "Abrir una publicación completa",
  "list.gone": "Ya no está en la colección.",
  "reach.serverOnly":
    "`/{command}` solo funciona en un servidor que haya añadido Curator: actúa sobre los ajustes del servidor. Pide a los administradores del servidor que añadan Curator, o usa aquí `/search`, `/random`, `/post`, `/onthisday` o `/saved`.",
  "reach.notHere": "`/{command}` no se puede usar aquí.",
  "potd.notInServer": "Usa `/potd` en un servidor.",
  "onthisday.badZone": "No conozco la zona horaria `{zone}`. Vuelve a ejecutar `/onthisday`.",
  "onthisday.notADay": "date: {date} no es un día del calendario.",
  "onthisday.badDate": "date: debe tener la forma 2026-05-12, no «{typed}».",
  "onthisday.none":
    "No hay publicaciones del {day} en años anteriores a {year} (fechas en {zone}). Prueba otro día con `date:`, o `/random`.",
  "onthisday.title": "Tal día como hoy: {day}",
  "onthisday.yearsAgo": "{years, plural, one {hace # año} other {hace # años}}",
  "onthisday.footer":
    "{total, plural, one {# publicación} other {# publicaciones}} · página {page}/{pages} · fechas en {zone}",
  "onthisday.notYours": "Solo quien preguntó puede pasar estas páginas. Ejecuta `/onthisday` tú mismo.",
  "saved.title": "Tus publicaciones guardadas",
  "saved.note": "guardada el {date}",
  "saved.footer": "{count} de {cap} guardadas · página {page}/{pages} · /saved clear las borra todas",
  "saved.empty":
    "No tienes publicaciones guardadas. Pulsa **Guardar** bajo cualquier publicación que muestre Curator (`/search`, `/random`, `/post`, `/onthisday`, la publicación del día) para tenerla aquí.",
  "saved.full":
    "Tienes {cap} publicaciones guardadas, el máximo que guardo por persona, así que {title} no se guardó. Quita algunas con `/saved list`, o todas con `/saved clear`, y vuelve a pulsar Guardar.",
  "saved.already":
    "{title} ya está en tus publicaciones guardadas ({count} de {cap}). Míralas con `/saved list`.",
  "saved.saved": "{title} guardada ({count} de {cap}). Mira tus publicaciones guardadas con `/saved list`.",
  "saved.gone": "La publicación `{id}` ya no está en la colección, así que no se puede guardar.",
  "saved.cleared":
    "{count, plural, =0 {No tenías publicaciones guardadas: no había nada que borrar.} one {Se borró tu publicación guardada.} other {Se borraron tus # publicaciones guardadas.}}",
  "saved.notYours":
    "Estas son las publicaciones guardadas de otra persona. Mira las tuyas con `/saved list`.",
  "schedule.notInServer": "Usa `/schedule` en un servidor.",
  "schedule.notAdmin":
    "Solo los miembros con el permiso Gestionar servidor pueden cambiar la publicación del día.",
  "schedule.unknownSubcommand": "Subcomando desconocido.",
  "schedule.ambiguous": "Este servidor tiene {count} programaciones: {names}. Indica cuál con `name:`.",
  "schedule.badName":
    "`{name}` no es un nombre de programación: usa de 1 a 24 minúsculas, cifras, - o _, p. ej. `daily` o `news-fr`.",
  "schedule.exists": "Ya existe una programación `{name}`: cámbiala con `/schedule edit name:{name}`.",
  "schedule.noSuch": "No hay ninguna programación `{name}`. `/schedule list` las muestra.",
  "schedule.removed": "Se quitó la programación `{name}`. Sus publicaciones pasadas se quedan donde están.",
  "schedule.noSuchToRemove": "No hay ninguna programación `{name}` que quitar. `/schedule list` las muestra.",
  "schedule.setUpFirst": "Configura primero la publicación del día con `/schedule set`.",
  "schedule.rolePing":
    "{name, select, daily {Cada publicación del día mencionará a <@&{role}>.} other {Cada publicación de `{name}` mencionará a <@&{role}>.}}",
  "schedule.roleNobody":
    "{name, select, daily {La publicación del día no mencionará a nadie.} other {La publicación de `{name}` no mencionará a nadie.}}",
  "schedule.nothingToPause": "No hay publicación del día que pausar. Configura una con `/schedule set`.",
  "schedule.nothingToResume": "No hay publicación del día que reanudar. Configura una con `/schedule set`.",
  "schedule.paused": "`{name}` en pausa. No se publica nada hasta `/schedule resume`.",
  "schedule.resumed":
    "`{name}` reanudada. Si la publicación de hoy toca y aún no ha salido, se envía en un minuto.",
  "schedule.skipped": "La publicación de hoy ({date}) no se enviará. La programación sigue mañana.",
  "schedule.nothingToSkip":
    "La publicación de hoy ({date}) ya salió o se está enviando: no hay nada que saltar.",
  "schedule.previewEmpty":
    "La colección no tiene publicaciones entre las que elegir (o ninguna con el tema de la programación).",
  "schedule.switchedOff":
    "`{name}` está desactivada en este servidor. `/schedule set` o `/schedule edit` la vuelve a activar.",
  "schedule.added": "`{name}` añadida: {schedule}.",
  "schedule.changed": "`{name}` cambiada: {schedule}.",
  "schedule.set": "Publicación del día `{name}`: {schedule}.",
  "schedule.off": "desactivada",
  "schedule.nextOne": "La próxima sale {when}.",
  "schedule.showsAll": "`/schedule status name:{name}` lo muestra todo.",
  "schedule.nothingToChange": "Nada que cambiar: indica al menos una opción.",
  "schedule.channelTaken":
    "La programación `{other}` ya publica en <#{channel}>: elige otro canal, o cambia `{other}`.",
  "schedule.missingPermissions":
    "No puedo publicar en <#{channel}>: me falta {permissions} allí. Dame esos permisos en los ajustes del canal, o elige otro canal.",
  "permission.viewChannel": "Ver canal",
  "permission.sendMessages": "Enviar mensajes",
  "permission.embedLinks": "Insertar enlaces",
  "permission.readMessageHistory": "Leer el historial de mensajes",
  "schedule.badTime": "`{time}` no es una hora: usa HH:MM en formato de 24 horas, p. ej. `09:00` o `18:30`.",
  "schedule.badZone":
    "`{zone}` no es una zona horaria. Empieza a escribir una ciudad y elige una, p. ej. `Europe/Madrid`.",
  "schedule.badDay":
    "`{word}` no es un día: usa `weekdays`, `weekends`, `every day` o días como `mon,wed,fri`.",
  "schedule.noTopic": "Ninguna publicación tiene el tema `{topic}`. Elige uno de la lista, o `none`.",
  "schedule.crosspostElsewhere":
    "Solo una publicación en un canal de anuncios puede publicarse en los servidores que lo siguen: quita `crosspost`, o elige un canal de anuncios.",
  "schedule.forumThreads": "Un canal de foro ya hace de cada publicación su propio hilo: quita `threads`.",
  "heading.oneLine": "El encabezado debe ser una sola línea.",
  "heading.empty": "El encabezado está vacío: quítalo para usar el predeterminado.",
  "heading.tooLong": "El encabezado tiene {length} caracteres; como máximo {max}.",
  "heading.unknownPlaceholder": "{placeholder} no es un marcador: usa {date}, {topic} o {title}.",
  "heading.strayBrace":
    "Una {open} o {close} del encabezado no forma parte de un marcador: usa {date}, {topic} o {title}.",
  "heading.noDate":
    "El encabezado debe contener {date}: distingue la publicación de cada día (y la encuentra de nuevo tras un fallo).",
  "schedule.line": "<#{channel}> a las {time} {zone}",
  "schedule.lineCron": "cron `{cron}`",
  "schedule.lineTopic": "tema `{topic}`",
  "schedule.linePing": "menciona a <@&{role}>",
  "schedule.lineForum": "una publicación de foro al día",
  "schedule.lineThread": "un hilo por publicación",
  "schedule.lineCrosspost": "publicada a los seguidores",
  "schedule.lineHeading": "encabezado `{heading}`",
  "schedule.linePaused": "{line} (en pausa)",
  "days.everyDay": "todos los días",
  "days.weekdays": "entre semana",
  "days.weekends": "los fines de semana",
  "schedule.listEmpty":
    "Este servidor no tiene programaciones. Añade una con `/schedule add name:daily channel:#canal time:09:00 timezone:Europe/Madrid`.",
  "schedule.listTitle": "Programaciones",
  "schedule.statusOff":
    "La publicación del día está **desactivada** en este servidor. Actívala con `/schedule set channel:#canal time:09:00 timezone:Europe/Madrid`.",
  "schedule.statusTitle": "{name, select, daily {Publicación del día} other {Publicación del día: {name}}}",
  "schedule.whereAndWhen": "Dónde y cuándo",
  "schedule.nextPost": "Próxima publicación",
  "schedule.lastPost": "Última publicación",
  "schedule.lastError": "Último error",
  "schedule.leftInCycle": "Publicaciones antes de que el ciclo vuelva a empezar",
  "schedule.today": "Hoy",
  "schedule.isPaused": "en pausa",
  "schedule.nonePlanned": "ninguna prevista",
  "schedule.noneYet": "ninguna todavía",
  "schedule.none": "ninguno",
  "schedule.dayStatus":
    "{status, select, sent {enviada} skipped {saltada} failed {falló} claimed {enviándose} other {aún no enviada}}",
  "schedule.nextRunSoon":
    "{day, select, today {hoy} other {ahora}} a las {time} ({relative}), porque {passed} ya pasó",
  "schedule.itsTime": "su hora",
  "search.notYours": "Solo quien buscó puede pasar estas páginas. Ejecuta `/search` tú mismo.",
  "search.changed": "La colección ha cambiado desde esta búsqueda. Vuelve a ejecutar `/search`.",
  "post.notYours":
    "Solo la persona a quien se mostró esta publicación puede pasar sus páginas. Prueba `/post` tú mismo.",
  "days.day":
    "{day, select, mon {lun.} tue {mar.} wed {mié.} thu {jue.} fri {vie.} sat {sáb.} sun {dom.} other {{day}}}",
  "saved.clearAsk":
    "{count, plural, one {¿Borrar tu publicación guardada?} other {¿Borrar tus # publicaciones guardadas?}} No se puede deshacer.",
  "saved.clearConfirm": "Borrar todo",
  "saved.clearCancel": "Cancelar",
  "saved.clearCancelled": "No se borró nada: tus publicaciones guardadas siguen ahí (`/saved list`).",
  "saved.clearExpired":
    "Esta confirmación tiene más de {minutes} minutos, así que no se borró nada. Vuelve a ejecutar `/saved clear` si aún lo quieres.",
  "potd.heading": "**Publicación del día** · {date}",
  "console.helpCommands": "Comandos (los mismos que en Discord):",
  "console.helpSearch": "búsqueda ordenada; se admiten erratas y acentos",
  "console.helpRandom": "una publicación al azar",
  "console.helpPost": "una publicación entera (las largas tienen páginas)",
  "console.helpPotd": "la publicación del día (para un servidor que acaba de empezar su programa)",
  "console.helpOnThisDay": "publicaciones de este día (UTC) en años anteriores",
  "console.helpAbout": "la colección y el bot",
  "console.helpHelp": "esta lista",
  "console.helpQuit": "salir (o Ctrl+D, o Ctrl+C dos veces)",
  "console.helpButtons": "Los botones de la última respuesta:",
  "console.helpPages": "la página siguiente o anterior de resultados o de una publicación larga",
  "console.helpAnother": "otra publicación al azar",
  "console.helpOpen": "abrir ese resultado entero",
  "console.helpKeys":
    "Tab completa comandos, temas e ids de publicaciones; Arriba y Abajo recuperan líneas anteriores.",
  "console.banner":
    "Consola de Curator {version} · {count, plural, one {# publicación} other {# publicaciones}} de {source} · /help para los comandos",
  "console.leave": "(Para salir, pulsa Ctrl+C otra vez, o Ctrl+D, o escribe /quit)",
  "console.unknown": "Comando desconocido /{command}. Escribe /help para ver la lista.",
  "console.unknownNear":
    "Comando desconocido /{command}. ¿Quisiste decir /{near}? Escribe /help para ver la lista.",
  "console.noOption": "/{command} no tiene la opción {option}:.",
  "console.noOptionTakes": "/{command} no tiene la opción {option}: (acepta {options}).",
  "console.needsValue": "{option}: necesita un valor, por ejemplo {option}:{example}.",
  "console.noWords": "/{command} no acepta palabras, pero recibió «{text}».",
  "console.noWordsTopic":
    "/{command} no acepta palabras, pero recibió «{text}». Para un tema, escribe topic:{word}.",
  "console.oneId": "/{command} acepta un id de publicación, pero recibió «{text}».",
  "console.badPage": "page: debe ser un número entero desde 1, no «{page}».",
  "console.whichPost": "¿Qué publicación? Por ejemplo /post bellard (Tab completa los ids).",
};
