import type { Language } from "./languages.js";

/** A command's or option's name and description in one language (Discord: lower case, no spaces, ≤ 32 letters). */
export type CommandText = { name: string; description: string };

/**
 * Command and option names and descriptions in every language but English (the builders in commands/ hold the
 * English), keyed by path: `search`, `search.query`, `schedule.set.time`. An option every subcommand of a command
 * shares is keyed `schedule.*.time`; one several commands share, `*.hide`. test/i18n.test.ts fails when a registered command or option has no text here.
 */
export const COMMAND_TEXT: Record<Exclude<Language, "en">, Record<string, CommandText>> = {
  fr: {
    "schedule.add": { name: "ajouter", description: "Ajouter un planning : un salon, une heure, des jours" },
    "schedule.edit": { name: "modifier", description: "Changer les options d’un planning" },
    "schedule.remove": { name: "retirer", description: "Retirer un planning" },
    "schedule.list": { name: "liste", description: "Tous les plannings de ce serveur" },
    "schedule.*.name": { name: "nom", description: "Le nom court du planning, p. ex. daily" },
    "schedule.*.channel": {
      name: "salon",
      description: "Où publier : un salon textuel, d’annonces ou un forum",
    },
    "schedule.*.time": { name: "heure", description: "HH:MM, sur 24 heures, p. ex. 09:00 ou 9:00" },
    "schedule.*.timezone": {
      name: "fuseau",
      description: "Une ville, un pays ou une abréviation : Europe/Paris, India, CET, PST",
    },
    "schedule.*.days": {
      name: "jours",
      description: "chaque jour (par défaut), weekdays, weekends, ou mon,wed,fri",
    },
    "schedule.*.role": { name: "rôle", description: "Un rôle à mentionner à chaque publication" },
    "schedule.*.threads": {
      name: "fils",
      description: "Ouvrir un fil pour chaque publication (salons textuels)",
    },
    "schedule.*.crosspost": {
      name: "diffuser",
      description: "Publier chaque publication vers les serveurs abonnés (salons d’annonces)",
    },
    "schedule.*.heading": {
      name: "en-tête",
      description: "La ligne au-dessus de chaque publication, avec {date}, {topic}, {title}",
    },
    "schedule.*.source": {
      name: "source",
      description: "D’où vient chaque publication : le paquet (par défaut) ou ce jour-là les années passées",
    },
    onthisday: {
      name: "ce-jour-là",
      description: "Les publications écrites ce jour-là les années précédentes",
    },
    "onthisday.date": {
      name: "date",
      description:
        "Un autre jour, au format AAAA-MM-JJ (par défaut : aujourd’hui dans le fuseau du serveur, sinon UTC)",
    },
    saved: { name: "enregistrées", description: "Vos publications enregistrées (vous seul les voyez)" },
    "saved.list": {
      name: "liste",
      description: "Vos publications enregistrées, les plus récentes d’abord : ouvrez-les ou retirez-les",
    },
    "saved.clear": { name: "effacer", description: "Supprimer toutes vos publications enregistrées" },
    schedule: { name: "planning", description: "Programmer la publication du jour (Gérer le serveur)" },
    "schedule.set": {
      name: "régler",
      description: "Publier une publication du jour dans un salon, chaque jour à une heure donnée",
    },
    "schedule.set.channel": { name: "salon", description: "Où publier" },
    "schedule.set.time": { name: "heure", description: "HH:MM, sur 24 heures, p. ex. 09:00 ou 9:00" },
    "schedule.set.timezone": {
      name: "fuseau",
      description: "Une ville, un pays ou une abréviation : Europe/Paris, India, CET, PST",
    },
    "schedule.role": {
      name: "rôle",
      description: "Mentionner un rôle à chaque publication (vide pour ne mentionner personne)",
    },
    "schedule.role.role": { name: "rôle", description: "Le rôle à mentionner" },
    "schedule.pause": { name: "pause", description: "Arrêter de publier jusqu’à la reprise" },
    "schedule.resume": { name: "reprendre", description: "Publier de nouveau" },
    "schedule.skip": { name: "sauter", description: "Ne pas envoyer la publication d’aujourd’hui" },
    "schedule.preview": {
      name: "aperçu",
      description: "La prochaine publication, exactement telle qu’elle sera envoyée (vous seul la voyez)",
    },
    "schedule.status": {
      name: "état",
      description: "Prochaine publication, dernière publication, dernière erreur",
    },
    "schedule.off": { name: "arrêt", description: "Désactiver la publication du jour" },
    search: { name: "chercher", description: "Chercher dans la collection" },
    "search.query": {
      name: "requête",
      description: "Mots à chercher (fautes de frappe et accents acceptés) ; vide pour parcourir un sujet",
    },
    random: { name: "hasard", description: "Une publication au hasard de la collection" },
    post: { name: "publication", description: "Afficher une publication en entier" },
    "post.id": {
      name: "id",
      description: "La publication (tapez pour chercher dans les titres et le texte)",
    },
    potd: { name: "du-jour", description: "La publication du jour de ce serveur" },
    about: { name: "à-propos", description: "À propos de la collection et du bot" },
    "*.topic": { name: "sujet", description: "Seulement les publications de ce sujet" },
    "*.hide": { name: "masquer", description: "Vous seul voyez la réponse" },
  },
  de: {
    "schedule.add": {
      name: "hinzufügen",
      description: "Einen Zeitplan hinzufügen: ein Kanal, eine Uhrzeit, Tage",
    },
    "schedule.edit": { name: "bearbeiten", description: "Die Optionen eines Zeitplans ändern" },
    "schedule.remove": { name: "entfernen", description: "Einen Zeitplan entfernen" },
    "schedule.list": { name: "liste", description: "Alle Zeitpläne dieses Servers" },
    "schedule.*.name": { name: "name", description: "Der Kurzname des Zeitplans, z. B. daily" },
    "schedule.*.channel": {
      name: "kanal",
      description: "Wo gepostet wird: ein Text-, Ankündigungs- oder Forenkanal",
    },
    "schedule.*.time": { name: "uhrzeit", description: "HH:MM, 24 Stunden, z. B. 09:00 oder 9:00" },
    "schedule.*.timezone": {
      name: "zeitzone",
      description: "Eine Stadt, ein Land oder eine Abkürzung: Europe/Paris, India, CET, PST",
    },
    "schedule.*.days": {
      name: "tage",
      description: "jeden Tag (Standard), weekdays, weekends oder mon,wed,fri",
    },
    "schedule.*.role": { name: "rolle", description: "Eine Rolle, die bei jedem Beitrag erwähnt wird" },
    "schedule.*.threads": {
      name: "threads",
      description: "Für jeden Beitrag einen Thread öffnen (Textkanäle)",
    },
    "schedule.*.crosspost": {
      name: "veröffentlichen",
      description: "Jeden Beitrag an folgende Server veröffentlichen (Ankündigungskanäle)",
    },
    "schedule.*.heading": {
      name: "überschrift",
      description: "Die Zeile über jedem Beitrag, mit {date}, {topic}, {title}",
    },
    "schedule.*.source": {
      name: "quelle",
      description: "Woher jeder Beitrag kommt: der Stapel (Standard) oder an diesem Tag in früheren Jahren",
    },
    onthisday: {
      name: "an-diesem-tag",
      description: "Beiträge, die an diesem Tag in früheren Jahren geschrieben wurden",
    },
    "onthisday.date": {
      name: "datum",
      description: "Ein anderer Tag als JJJJ-MM-TT (sonst heute in der Zeitzone des Servers, anderswo UTC)",
    },
    saved: { name: "gespeichert", description: "Deine gespeicherten Beiträge (nur du siehst sie)" },
    "saved.list": {
      name: "liste",
      description: "Deine gespeicherten Beiträge, neueste zuerst: öffnen oder entfernen",
    },
    "saved.clear": { name: "löschen", description: "Alle deine gespeicherten Beiträge löschen" },
    schedule: { name: "zeitplan", description: "Den Beitrag des Tages einrichten (Server verwalten)" },
    "schedule.set": {
      name: "festlegen",
      description: "Jeden Tag zu einer Uhrzeit einen Beitrag des Tages in einem Kanal posten",
    },
    "schedule.set.channel": { name: "kanal", description: "Wo gepostet wird" },
    "schedule.set.time": { name: "uhrzeit", description: "HH:MM, 24 Stunden, z. B. 09:00 oder 9:00" },
    "schedule.set.timezone": {
      name: "zeitzone",
      description: "Eine Stadt, ein Land oder eine Abkürzung: Europe/Paris, India, CET, PST",
    },
    "schedule.role": {
      name: "rolle",
      description: "Bei jedem Beitrag eine Rolle erwähnen (leer lassen, um niemanden zu erwähnen)",
    },
    "schedule.role.role": { name: "rolle", description: "Die zu erwähnende Rolle" },
    "schedule.pause": { name: "pausieren", description: "Nicht mehr posten, bis es fortgesetzt wird" },
    "schedule.resume": { name: "fortsetzen", description: "Wieder posten" },
    "schedule.skip": { name: "überspringen", description: "Den heutigen Beitrag nicht senden" },
    "schedule.preview": {
      name: "vorschau",
      description: "Der nächste Beitrag, genau wie er gesendet wird (nur du siehst ihn)",
    },
    "schedule.status": { name: "status", description: "Nächster Beitrag, letzter Beitrag, letzter Fehler" },
    "schedule.off": { name: "aus", description: "Den Beitrag des Tages ausschalten" },
    search: { name: "suchen", description: "Die Sammlung durchsuchen" },
    "search.query": {
      name: "suchbegriff",
      description:
        "Gesuchte Wörter (Tippfehler und Akzente sind kein Problem); leer lassen, um ein Thema zu blättern",
    },
    random: { name: "zufall", description: "Ein zufälliger Beitrag aus der Sammlung" },
    post: { name: "beitrag", description: "Einen Beitrag vollständig zeigen" },
    "post.id": { name: "id", description: "Der Beitrag (tippen, um Titel und Text zu durchsuchen)" },
    potd: { name: "tagesbeitrag", description: "Der heutige Beitrag des Tages für diesen Server" },
    about: { name: "info", description: "Über die Sammlung und den Bot" },
    "*.topic": { name: "thema", description: "Nur Beiträge mit diesem Thema" },
    "*.hide": { name: "verbergen", description: "Nur du siehst die Antwort" },
  },
  es: {
    "schedule.add": { name: "añadir", description: "Añadir una programación: un canal, una hora, unos días" },
    "schedule.edit": { name: "editar", description: "Cambiar las opciones de una programación" },
    "schedule.remove": { name: "quitar", description: "Quitar una programación" },
    "schedule.list": { name: "lista", description: "Todas las programaciones de este servidor" },
    "schedule.*.name": { name: "nombre", description: "El nombre corto de la programación, p. ej. daily" },
    "schedule.*.channel": {
      name: "canal",
      description: "Dónde publicar: un canal de texto, de anuncios o un foro",
    },
    "schedule.*.time": { name: "hora", description: "HH:MM, formato de 24 horas, p. ej. 09:00 o 9:00" },
    "schedule.*.timezone": {
      name: "zona",
      description: "Una ciudad, un país o una abreviatura: Europe/Paris, India, CET, PST",
    },
    "schedule.*.days": {
      name: "días",
      description: "cada día (por defecto), weekdays, weekends o mon,wed,fri",
    },
    "schedule.*.role": { name: "rol", description: "Un rol a mencionar con cada publicación" },
    "schedule.*.threads": {
      name: "hilos",
      description: "Abrir un hilo para cada publicación (canales de texto)",
    },
    "schedule.*.crosspost": {
      name: "difundir",
      description: "Publicar cada publicación en los servidores seguidores (canales de anuncios)",
    },
    "schedule.*.heading": {
      name: "encabezado",
      description: "La línea sobre cada publicación, con {date}, {topic}, {title}",
    },
    "schedule.*.source": {
      name: "fuente",
      description: "De dónde sale cada publicación: la baraja (por defecto) o este día en años anteriores",
    },
    onthisday: {
      name: "tal-día-como-hoy",
      description: "Publicaciones escritas este día en años anteriores",
    },
    "onthisday.date": {
      name: "fecha",
      description: "Otro día, como AAAA-MM-DD (por defecto: hoy en la zona del servidor, UTC en otro lugar)",
    },
    saved: { name: "guardadas", description: "Tus publicaciones guardadas (solo tú las ves)" },
    "saved.list": {
      name: "lista",
      description: "Tus publicaciones guardadas, las más recientes primero: ábrelas o quítalas",
    },
    "saved.clear": { name: "borrar", description: "Borrar todas tus publicaciones guardadas" },
    schedule: { name: "programar", description: "Configurar la publicación del día (Gestionar servidor)" },
    "schedule.set": {
      name: "fijar",
      description: "Publicar una publicación del día en un canal, cada día a una hora",
    },
    "schedule.set.channel": { name: "canal", description: "Dónde publicar" },
    "schedule.set.time": { name: "hora", description: "HH:MM, formato de 24 horas, p. ej. 09:00 o 9:00" },
    "schedule.set.timezone": {
      name: "zona",
      description: "Una ciudad, un país o una abreviatura: Europe/Paris, India, CET, PST",
    },
    "schedule.role": {
      name: "rol",
      description: "Mencionar un rol con cada publicación (vacío para no mencionar a nadie)",
    },
    "schedule.role.role": { name: "rol", description: "El rol a mencionar" },
    "schedule.pause": { name: "pausar", description: "Dejar de publicar hasta reanudar" },
    "schedule.resume": { name: "reanudar", description: "Volver a publicar" },
    "schedule.skip": { name: "saltar", description: "No enviar la publicación de hoy" },
    "schedule.preview": {
      name: "vista-previa",
      description: "La próxima publicación, tal como se enviará (solo tú la ves)",
    },
    "schedule.status": {
      name: "estado",
      description: "Próxima publicación, última publicación, último error",
    },
    "schedule.off": { name: "apagar", description: "Desactivar la publicación del día" },
    search: { name: "buscar", description: "Buscar en la colección" },
    "search.query": {
      name: "consulta",
      description: "Palabras a buscar (se admiten erratas y acentos); déjalo vacío para explorar un tema",
    },
    random: { name: "azar", description: "Una publicación al azar de la colección" },
    post: { name: "publicación", description: "Mostrar una publicación completa" },
    "post.id": { name: "id", description: "La publicación (escribe para buscar en títulos y texto)" },
    potd: { name: "del-día", description: "La publicación del día de este servidor" },
    about: { name: "acerca", description: "Acerca de la colección y del bot" },
    "*.topic": { name: "tema", description: "Solo publicaciones con este tema" },
    "*.hide": { name: "ocultar", description: "Solo tú ves la respuesta" },
  },
  "pt-BR": {
    "schedule.add": {
      name: "adicionar",
      description: "Adicionar um agendamento: um canal, um horário, dias",
    },
    "schedule.edit": { name: "editar", description: "Mudar as opções de um agendamento" },
    "schedule.remove": { name: "remover", description: "Remover um agendamento" },
    "schedule.list": { name: "lista", description: "Todos os agendamentos deste servidor" },
    "schedule.*.name": { name: "nome", description: "O nome curto do agendamento, por ex. daily" },
    "schedule.*.channel": {
      name: "canal",
      description: "Onde postar: um canal de texto, de anúncios ou um fórum",
    },
    "schedule.*.time": { name: "horário", description: "HH:MM, 24 horas, por ex. 09:00 ou 9:00" },
    "schedule.*.timezone": {
      name: "fuso",
      description: "Uma cidade, um país ou uma sigla: Europe/Paris, India, CET, PST",
    },
    "schedule.*.days": { name: "dias", description: "todo dia (padrão), weekdays, weekends ou mon,wed,fri" },
    "schedule.*.role": { name: "cargo", description: "Um cargo a mencionar em cada publicação" },
    "schedule.*.threads": {
      name: "tópicos",
      description: "Abrir um tópico para cada publicação (canais de texto)",
    },
    "schedule.*.crosspost": {
      name: "publicar",
      description: "Publicar cada publicação nos servidores seguidores (canais de anúncios)",
    },
    "schedule.*.heading": {
      name: "cabeçalho",
      description: "A linha acima de cada publicação, com {date}, {topic}, {title}",
    },
    "schedule.*.source": {
      name: "fonte",
      description: "De onde vem cada publicação: o baralho (padrão) ou neste dia em anos anteriores",
    },
    onthisday: { name: "neste-dia", description: "Publicações escritas neste dia em anos anteriores" },
    "onthisday.date": {
      name: "data",
      description: "Outro dia, como AAAA-MM-DD (padrão: hoje no fuso do servidor, UTC fora dele)",
    },
    saved: { name: "salvas", description: "Suas publicações salvas (só você as vê)" },
    "saved.list": {
      name: "lista",
      description: "Suas publicações salvas, as mais recentes primeiro: abra ou remova",
    },
    "saved.clear": { name: "limpar", description: "Apagar todas as suas publicações salvas" },
    schedule: { name: "agendar", description: "Configurar a publicação do dia (Gerenciar servidor)" },
    "schedule.set": {
      name: "definir",
      description: "Postar uma publicação do dia num canal, todo dia num horário",
    },
    "schedule.set.channel": { name: "canal", description: "Onde postar" },
    "schedule.set.time": { name: "horário", description: "HH:MM, 24 horas, por ex. 09:00 ou 9:00" },
    "schedule.set.timezone": {
      name: "fuso",
      description: "Uma cidade, um país ou uma sigla: Europe/Paris, India, CET, PST",
    },
    "schedule.role": {
      name: "cargo",
      description: "Mencionar um cargo a cada publicação (vazio para não mencionar ninguém)",
    },
    "schedule.role.role": { name: "cargo", description: "O cargo a mencionar" },
    "schedule.pause": { name: "pausar", description: "Parar de postar até retomar" },
    "schedule.resume": { name: "retomar", description: "Postar de novo" },
    "schedule.skip": { name: "pular", description: "Não enviar a publicação de hoje" },
    "schedule.preview": {
      name: "prévia",
      description: "A próxima publicação, exatamente como será enviada (só você vê)",
    },
    "schedule.status": { name: "status", description: "Próxima publicação, última publicação, último erro" },
    "schedule.off": { name: "desligar", description: "Desligar a publicação do dia" },
    search: { name: "pesquisar", description: "Pesquisar na coleção" },
    "search.query": {
      name: "consulta",
      description:
        "Palavras a procurar (erros de digitação e acentos tudo bem); deixe vazio para navegar num tópico",
    },
    random: { name: "aleatório", description: "Uma publicação aleatória da coleção" },
    post: { name: "publicação", description: "Mostrar uma publicação completa" },
    "post.id": { name: "id", description: "A publicação (digite para pesquisar títulos e texto)" },
    potd: { name: "do-dia", description: "A publicação do dia deste servidor" },
    about: { name: "sobre", description: "Sobre a coleção e o bot" },
    "*.topic": { name: "tópico", description: "Só publicações com este tópico" },
    "*.hide": { name: "ocultar", description: "Só você vê a resposta" },
  },
  ja: {
    "schedule.add": { name: "追加", description: "スケジュールを追加: チャンネル、時刻、曜日" },
    "schedule.edit": { name: "編集", description: "スケジュールの設定を変更" },
    "schedule.remove": { name: "削除", description: "スケジュールを削除" },
    "schedule.list": { name: "一覧", description: "このサーバーのすべてのスケジュール" },
    "schedule.*.name": { name: "名前", description: "スケジュールの短い名前（例: daily）" },
    "schedule.*.channel": {
      name: "チャンネル",
      description: "投稿先: テキスト、アナウンス、またはフォーラムチャンネル",
    },
    "schedule.*.time": { name: "時刻", description: "HH:MM（24時間制）、例: 09:00 または 9:00" },
    "schedule.*.timezone": {
      name: "タイムゾーン",
      description: "都市・国・略称: Europe/Paris, India, CET, PST",
    },
    "schedule.*.days": { name: "曜日", description: "毎日（既定）、weekdays、weekends、または mon,wed,fri" },
    "schedule.*.role": { name: "ロール", description: "投稿ごとにメンションするロール" },
    "schedule.*.threads": { name: "スレッド", description: "投稿ごとにスレッドを作る（テキストチャンネル）" },
    "schedule.*.crosspost": {
      name: "公開",
      description: "各投稿をフォローしているサーバーへ公開（アナウンスチャンネル）",
    },
    "schedule.*.heading": {
      name: "見出し",
      description: "各投稿の上の行。{date}、{topic}、{title} が使えます",
    },
    "schedule.*.source": {
      name: "ソース",
      description: "各投稿の選び方：デッキ（既定）または過去の年の同じ日",
    },
    onthisday: { name: "この日", description: "過去の年の同じ日に書かれた投稿" },
    "onthisday.date": {
      name: "日付",
      description: "別の日（YYYY-MM-DD。既定はサーバーのタイムゾーンの今日、それ以外は UTC）",
    },
    saved: { name: "保存済み", description: "保存した投稿（自分だけに表示）" },
    "saved.list": { name: "一覧", description: "保存した投稿を新しい順に表示: 開くか削除" },
    "saved.clear": { name: "全削除", description: "保存した投稿をすべて削除" },
    schedule: { name: "スケジュール", description: "今日の投稿を設定（サーバー管理）" },
    "schedule.set": { name: "設定", description: "毎日決まった時刻にチャンネルへ今日の投稿を送る" },
    "schedule.set.channel": { name: "チャンネル", description: "投稿する場所" },
    "schedule.set.time": { name: "時刻", description: "HH:MM（24時間制）、例: 09:00 または 9:00" },
    "schedule.set.timezone": {
      name: "タイムゾーン",
      description: "都市・国・略称: Europe/Paris, India, CET, PST",
    },
    "schedule.role": {
      name: "ロール",
      description: "投稿ごとにロールをメンション（空なら誰もメンションしない）",
    },
    "schedule.role.role": { name: "ロール", description: "メンションするロール" },
    "schedule.pause": { name: "一時停止", description: "再開するまで投稿を止める" },
    "schedule.resume": { name: "再開", description: "投稿を再開する" },
    "schedule.skip": { name: "スキップ", description: "今日の投稿を送らない" },
    "schedule.preview": {
      name: "プレビュー",
      description: "次の投稿を送られるとおりに表示（自分だけに表示）",
    },
    "schedule.status": { name: "状況", description: "次の投稿、前回の投稿、最後のエラー" },
    "schedule.off": { name: "オフ", description: "今日の投稿をオフにする" },
    search: { name: "検索", description: "コレクションを検索" },
    "search.query": {
      name: "キーワード",
      description: "探す言葉（誤字やアクセントは気にしなくて大丈夫）。空にするとトピックを一覧",
    },
    random: { name: "ランダム", description: "コレクションからランダムに一件" },
    post: { name: "投稿", description: "投稿を全文で表示" },
    "post.id": { name: "id", description: "投稿（入力してタイトルと本文を検索）" },
    potd: { name: "今日の投稿", description: "このサーバーの今日の投稿" },
    about: { name: "情報", description: "コレクションとボットについて" },
    "*.topic": { name: "トピック", description: "このトピックの投稿だけ" },
    "*.hide": { name: "非公開", description: "答えを自分だけに表示" },
  },
};

/**
 * The labels of an option's fixed choices in every language but English (the builders hold the English), keyed
 * `<option path>=<value>` with the same shared paths as COMMAND_TEXT (`schedule.*.source=deck`).
 */
export const CHOICE_TEXT: Record<Exclude<Language, "en">, Record<string, string>> = {
  fr: {
    "schedule.*.source=deck": "le paquet",
    "schedule.*.source=on-this-day": "ce jour-là (sinon le paquet)",
  },
  de: {
    "schedule.*.source=deck": "der Stapel",
    "schedule.*.source=on-this-day": "an diesem Tag (sonst der Stapel)",
  },
  es: {
    "schedule.*.source=deck": "la baraja",
    "schedule.*.source=on-this-day": "este día (si no, la baraja)",
  },
  "pt-BR": {
    "schedule.*.source=deck": "o baralho",
    "schedule.*.source=on-this-day": "neste dia (senão, o baralho)",
  },
  ja: {
    "schedule.*.source=deck": "デッキ",
    "schedule.*.source=on-this-day": "過去の同じ日（なければデッキ）",
  },
};
