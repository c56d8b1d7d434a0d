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
  "list.openMenu": "Abrir uma publicação completa",
  "list.gone": "Não está mais na coleção.",
  "reach.serverOnly":
    "`/{command}` só funciona em um servidor que adicionou o Curator: ele age nas configurações do servidor. Peça aos admins do servidor para adicionar o Curator, ou use aqui `/search`, `/random`, `/post`, `/onthisday` ou `/saved`.",
  "reach.notHere": "`/{command}` não pode ser usado aqui.",
  "potd.notInServer": "Use `/potd` em um servidor.",
  "onthisday.badZone": "Não conheço o fuso horário `{zone}`. Execute `/onthisday` de novo.",
  "onthisday.notADay": "date: {date} não é um dia do calendário.",
  "onthisday.badDate": "date: deve ser como 2026-05-12, não “{typed}”.",
  "onthisday.none":
    "Nenhuma publicação de {day} em anos antes de {year} (datas em {zone}). Tente outro dia com `date:`, ou `/random`.",
  "onthisday.title": "Neste dia: {day}",
  "onthisday.yearsAgo": "{years, plural, one {há # ano} other {há # anos}}",
  "onthisday.footer":
    "{total, plural, one {# publicação} other {# publicações}} · página {page}/{pages} · datas em {zone}",
  "onthisday.notYours": "Só quem pediu pode virar estas páginas. Execute `/onthisday` você mesmo.",
  "saved.title": "Suas publicações salvas",
  "saved.note": "salva em {date}",
  "saved.footer": "{count} de {cap} salvas · página {page}/{pages} · /saved clear apaga todas",
  "saved.empty":
    "Você não tem publicações salvas. Aperte **Salvar** embaixo de qualquer publicação que o Curator mostra (`/search`, `/random`, `/post`, `/onthisday`, a publicação do dia) para guardá-la aqui.",
  "saved.full":
    "Você tem {cap} publicações salvas, o máximo que guardo por pessoa, então {title} não foi salva. Remova algumas com `/saved list`, ou todas com `/saved clear`, e aperte Salvar de novo.",
  "saved.already":
    "{title} já está nas suas publicações salvas ({count} de {cap}). Veja-as com `/saved list`.",
  "saved.saved": "{title} salva ({count} de {cap}). Veja suas publicações salvas com `/saved list`.",
  "saved.gone": "A publicação `{id}` não está mais na coleção, então não pode ser salva.",
  "saved.cleared":
    "{count, plural, =0 {Você não tinha publicações salvas: não havia nada para apagar.} one {Sua publicação salva foi apagada.} other {Suas # publicações salvas foram apagadas.}}",
  "saved.notYours": "Estas são as publicações salvas de outra pessoa. Veja as suas com `/saved list`.",
  "schedule.notInServer": "Use `/schedule` em um servidor.",
  "schedule.notAdmin": "Só membros com a permissão Gerenciar servidor podem mudar a publicação do dia.",
  "schedule.unknownSubcommand": "Subcomando desconhecido.",
  "schedule.ambiguous": "Este servidor tem {count} agendamentos: {names}. Diga qual com `name:`.",
  "schedule.badName":
    "`{name}` não é um nome de agendamento: use de 1 a 24 letras minúsculas, dígitos, - ou _, ex. `daily` ou `news-fr`.",
  "schedule.exists": "Já existe um agendamento `{name}`: altere-o com `/schedule edit name:{name}`.",
  "schedule.noSuch": "Não existe agendamento `{name}`. `/schedule list` mostra todos.",
  "schedule.removed": "Agendamento `{name}` removido. Suas publicações anteriores ficam onde estão.",
  "schedule.noSuchToRemove": "Não existe agendamento `{name}` para remover. `/schedule list` mostra todos.",
  "schedule.setUpFirst": "Configure primeiro a publicação do dia com `/schedule set`.",
  "schedule.rolePing":
    "{name, select, daily {Cada publicação do dia vai mencionar <@&{role}>.} other {Cada publicação de `{name}` vai mencionar <@&{role}>.}}",
  "schedule.roleNobody":
    "{name, select, daily {A publicação do dia não vai mencionar ninguém.} other {A publicação de `{name}` não vai mencionar ninguém.}}",
  "schedule.nothingToPause": "Não há publicação do dia para pausar. Configure uma com `/schedule set`.",
  "schedule.nothingToResume": "Não há publicação do dia para retomar. Configure uma com `/schedule set`.",
  "schedule.paused": "`{name}` pausado. Nada é publicado até `/schedule resume`.",
  "schedule.resumed":
    "`{name}` retomado. Se a publicação de hoje estiver na hora e ainda não saiu, ela é enviada em até um minuto.",
  "schedule.skipped": "A publicação de hoje ({date}) não será enviada. O agendamento continua amanhã.",
  "schedule.nothingToSkip":
    "A publicação de hoje ({date}) já saiu ou está sendo enviada: não há nada para pular.",
  "schedule.previewEmpty":
    "A coleção não tem publicações para escolher (ou nenhuma com o tema do agendamento).",
  "schedule.switchedOff":
    "`{name}` está desligado neste servidor. `/schedule set` ou `/schedule edit` liga de novo.",
  "schedule.added": "`{name}` adicionado: {schedule}.",
  "schedule.changed": "`{name}` alterado: {schedule}.",
  "schedule.set": "Publicação do dia `{name}`: {schedule}.",
  "schedule.off": "desligado",
  "schedule.nextOne": "A próxima sai {when}.",
  "schedule.showsAll": "`/schedule status name:{name}` mostra tudo.",
  "schedule.nothingToChange": "Nada para mudar: informe pelo menos uma opção.",
  "schedule.channelTaken":
    "O agendamento `{other}` já publica em <#{channel}>: escolha outro canal, ou altere `{other}`.",
  "schedule.missingPermissions":
    "Não consigo publicar em <#{channel}>: me falta {permissions} lá. Dê essas permissões nas configurações do canal, ou escolha outro canal.",
  "permission.viewChannel": "Ver canal",
  "permission.sendMessages": "Enviar mensagens",
  "permission.embedLinks": "Inserir links",
  "permission.readMessageHistory": "Ver histórico de mensagens",
  "schedule.badTime": "`{time}` não é um horário: use HH:MM, 24 horas, ex. `09:00` ou `18:30`.",
  "schedule.badZone":
    "`{zone}` não é um fuso horário. Comece a digitar uma cidade e escolha, ex. `America/Sao_Paulo`.",
  "schedule.badDay":
    "`{word}` não é um dia: use `weekdays`, `weekends`, `every day` ou dias como `mon,wed,fri`.",
  "schedule.noTopic": "Nenhuma publicação tem o tema `{topic}`. Escolha um da lista, ou `none`.",
  "schedule.crosspostElsewhere":
    "Só uma publicação em um canal de anúncios pode ser publicada nos servidores que o seguem: tire `crosspost`, ou escolha um canal de anúncios.",
  "schedule.forumThreads": "Um canal de fórum já faz de cada publicação seu próprio tópico: tire `threads`.",
  "heading.oneLine": "O cabeçalho deve ter uma linha só.",
  "heading.empty": "O cabeçalho está vazio: deixe-o de fora para usar o padrão.",
  "heading.tooLong": "O cabeçalho tem {length} caracteres; no máximo {max}.",
  "heading.unknownPlaceholder": "{placeholder} não é um marcador: use {date}, {topic} ou {title}.",
  "heading.strayBrace":
    "Um {open} ou {close} no cabeçalho não faz parte de um marcador: use {date}, {topic} ou {title}.",
  "heading.noDate":
    "O cabeçalho deve conter {date}: ele distingue a publicação de cada dia (e a encontra de novo depois de uma falha).",
  "schedule.line": "<#{channel}> às {time} {zone}",
  "schedule.lineCron": "cron `{cron}`",
  "schedule.lineTopic": "tema `{topic}`",
  "schedule.linePing": "menciona <@&{role}>",
  "schedule.lineForum": "uma publicação de fórum por dia",
  "schedule.lineThread": "um tópico por publicação",
  "schedule.lineCrosspost": "publicada para os seguidores",
  "schedule.lineHeading": "cabeçalho `{heading}`",
  "schedule.linePaused": "{line} (pausado)",
  "days.everyDay": "todos os dias",
  "days.weekdays": "dias úteis",
  "days.weekends": "fins de semana",
  "schedule.listEmpty":
    "Este servidor não tem agendamentos. Adicione um com `/schedule add name:daily channel:#canal time:09:00 timezone:America/Sao_Paulo`.",
  "schedule.listTitle": "Agendamentos",
  "schedule.statusOff":
    "A publicação do dia está **desligada** neste servidor. Ligue-a com `/schedule set channel:#canal time:09:00 timezone:America/Sao_Paulo`.",
  "schedule.statusTitle": "{name, select, daily {Publicação do dia} other {Publicação do dia: {name}}}",
  "schedule.whereAndWhen": "Onde e quando",
  "schedule.nextPost": "Próxima publicação",
  "schedule.lastPost": "Última publicação",
  "schedule.lastError": "Último erro",
  "schedule.leftInCycle": "Publicações até o ciclo recomeçar",
  "schedule.today": "Hoje",
  "schedule.isPaused": "pausado",
  "schedule.nonePlanned": "nenhuma prevista",
  "schedule.noneYet": "nenhuma ainda",
  "schedule.none": "nenhum",
  "schedule.dayStatus":
    "{status, select, sent {enviada} skipped {pulada} failed {falhou} claimed {sendo enviada} other {ainda não enviada}}",
  "schedule.nextRunSoon":
    "{day, select, today {hoje} other {agora}} às {time} ({relative}), porque {passed} já passou",
  "schedule.itsTime": "o horário",
  "search.notYours": "Só quem pesquisou pode virar estas páginas. Execute `/search` você mesmo.",
  "search.changed": "A coleção mudou desde esta pesquisa. Execute `/search` de novo.",
  "post.notYours":
    "Só a pessoa para quem esta publicação foi mostrada pode virar as páginas. Tente `/post` você mesmo.",
  "days.day":
    "{day, select, mon {seg.} tue {ter.} wed {qua.} thu {qui.} fri {sex.} sat {sáb.} sun {dom.} other {{day}}}",
  "saved.clearAsk":
    "{count, plural, one {Apagar sua publicação salva?} other {Apagar suas # publicações salvas?}} Isso não pode ser desfeito.",
  "saved.clearConfirm": "Apagar tudo",
  "saved.clearCancel": "Cancelar",
  "saved.clearCancelled": "Nada foi apagado: suas publicações salvas continuam lá (`/saved list`).",
  "saved.clearExpired":
    "Esta confirmação tem mais de {minutes} minutos, então nada foi apagado. Execute `/saved clear` de novo se ainda quiser.",
  "potd.heading": "**Publicação do dia** · {date}",
  "console.helpCommands": "Comandos (os mesmos do Discord):",
  "console.helpSearch": "busca ordenada; erros de digitação e acentos não atrapalham",
  "console.helpRandom": "uma publicação aleatória",
  "console.helpPost": "uma publicação inteira (as longas têm páginas)",
  "console.helpPotd": "a publicação do dia (para um servidor que acabou de iniciar sua programação)",
  "console.helpOnThisDay": "publicações deste dia (UTC) em anos anteriores",
  "console.helpAbout": "a coleção e o bot",
  "console.helpHelp": "esta lista",
  "console.helpQuit": "sair (ou Ctrl+D, ou Ctrl+C duas vezes)",
  "console.helpButtons": "Os botões da última resposta:",
  "console.helpPages": "a página seguinte ou anterior dos resultados ou de uma publicação longa",
  "console.helpAnother": "outra publicação aleatória",
  "console.helpOpen": "abrir esse resultado inteiro",
  "console.helpKeys":
    "Tab completa comandos, tópicos e ids de publicações; Cima e Baixo trazem linhas anteriores.",
  "console.banner":
    "Console do Curator {version} · {count, plural, one {# publicação} other {# publicações}} de {source} · /help para os comandos",
  "console.leave": "(Para sair, pressione Ctrl+C de novo, ou Ctrl+D, ou digite /quit)",
  "console.unknown": "Comando desconhecido /{command}. Digite /help para ver a lista.",
  "console.unknownNear":
    "Comando desconhecido /{command}. Você quis dizer /{near}? Digite /help para ver a lista.",
  "console.noOption": "/{command} não tem a opção {option}:.",
  "console.noOptionTakes": "/{command} não tem a opção {option}: (aceita {options}).",
  "console.needsValue": "{option}: precisa de um valor, por exemplo {option}:{example}.",
  "console.noWords": "/{command} não aceita palavras, mas recebeu “{text}”.",
  "console.noWordsTopic":
    "/{command} não aceita palavras, mas recebeu “{text}”. Para um tópico, digite topic:{word}.",
  "console.oneId": "/{command} aceita um id de publicação, mas recebeu “{text}”.",
  "console.badPage": "page: deve ser um número inteiro a partir de 1, não “{page}”.",
  "console.whichPost": "Qual publicação? Por exemplo /post bellard (Tab completa os ids).",
};
