import type { Catalog } from "./index.js";

export const ptBR: Catalog = {
  "error.unknownCommand": "Este bot não conhece mais este comando.",
  "error.unknownButton": "Não conheço este botão. Execute o comando de novo.",
  "error.internal": "Algo deu errado do meu lado. Tente de novo em um instante.",
  "error.noTopic": "Não existe o tópico `{topic}`. Comece a digitar para escolher um, por ex. {examples}.",
  "error.noPost":
    "Não existe publicação com o id `{id}`. Comece a digitar na opção `id` para escolher uma, ou use `/search`.",
  "error.emptyCollection": "A coleção não tem publicações para sortear.",
  "error.noPotd": "Não há publicação do dia: a coleção não tem publicações para escolher.",
  "search.nothingTyped":
    "Digite algo para pesquisar, por exemplo `/search query:bellard`, ou escolha um tópico para navegar.",
  "search.emptyTopic": "Nenhuma publicação no tópico `{topic}`.",
  "search.noMatch":
    "Nenhuma publicação corresponde a “{query}”. Tente menos palavras ou outras, confira a ortografia ou use `/random`.",
  "search.noMatchInTopic":
    "Nenhuma publicação corresponde a “{query}” no tópico `{topic}`. Tente menos palavras ou outras, confira a ortografia ou use `/random`.",
  "search.titleQuery": "Pesquisa: {query}",
  "search.titleTopic": "Tópico: {topic}",
  "search.footer": "{total, plural, one {# publicação} other {# publicações}} · página {page}/{pages}",
  "search.footerInTopic":
    "{total, plural, one {# publicação} other {# publicações}} no tópico {topic} · página {page}/{pages}",
  "search.openMenu": "Abrir um resultado completo",
  "post.readOnWeb": "Ler na web",
  "post.topics": "Tópicos",
  "post.links": "Links",
  "post.imageDescriptions": "Descrições das imagens",
  "post.media": "Mídia",
  "post.image": "Imagem {n}",
  "post.video": "Vídeo {n}",
  "post.gif": "GIF {n}",
  "post.page": "página {page}/{pages}",
  "post.everyYear": "todo {date}",
  "post.andMore": "… e mais {n}",
  "post.save": "Salvar",
  "saved.remove": "Remover {n}",
  "page.previous": "Anterior",
  "page.next": "Próxima",
  "random.another": "Outra",
  "about.title": "Sobre o Curator",
  "about.commands":
    "Pesquise na coleção com `/search`, sorteie uma publicação com `/random`, veja a escolhida de hoje com `/potd`.",
  "about.web": "Leia e compartilhe cada publicação na web: {url}",
  "about.posts": "Publicações",
  "about.topics": "Tópicos",
  "about.dates": "Datas",
  "about.dateRange": "de {from} a {to}",
  "about.noDates": "nenhuma data nesta coleção",
  "about.topicList": "Lista de tópicos",
  "about.none": "nenhum",
  "about.collection": "Coleção",
  "about.loaded": "`{source}`, carregada {when}",
  "about.version": "Versão",
  "about.uptime": "No ar",
  "about.since": "{duration}, desde {when}",
  "schedule.sourceOnThisDay": "neste dia em anos anteriores, senão o baralho",
  "schedule.previewOnThisDay":
    "Neste dia: escrita em {date}, há {years, plural, one {# ano} other {# anos}}.",
  "schedule.previewFromDeck":
    "Nada foi escrito neste dia ({date}) em anos anteriores: esta publicação vem do baralho.",
};
