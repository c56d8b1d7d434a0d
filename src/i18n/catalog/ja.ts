import type { Catalog } from "./index.js";

export const ja: Catalog = {
  "error.unknownCommand": "このコマンドはもうこのボットにはありません。",
  "error.unknownButton": "知らないボタンです。コマンドをもう一度実行してください。",
  "error.internal": "こちら側で問題が発生しました。少し待ってからもう一度お試しください。",
  "error.noTopic": "トピック `{topic}` はありません。入力して選んでください（例: {examples}）。",
  "error.noPost":
    "ID `{id}` の投稿はありません。`id` オプションに入力して選ぶか、`/search` を使ってください。",
  "error.emptyCollection": "コレクションに選べる投稿がありません。",
  "error.noPotd": "今日の投稿はありません: コレクションに選べる投稿がありません。",
  "search.nothingTyped":
    "検索する言葉を入力してください（例: `/search query:bellard`）。トピックを選んで一覧することもできます。",
  "search.emptyTopic": "トピック `{topic}` の投稿はありません。",
  "search.noMatch":
    "「{query}」に一致する投稿はありません。言葉を減らすか変えるか、つづりを確認するか、`/random` を使ってください。",
  "search.noMatchInTopic":
    "トピック `{topic}` に「{query}」に一致する投稿はありません。言葉を減らすか変えるか、つづりを確認するか、`/random` を使ってください。",
  "search.titleQuery": "検索: {query}",
  "search.titleTopic": "トピック: {topic}",
  "search.footer": "{total} 件 · {page}/{pages} ページ",
  "search.footerInTopic": "トピック {topic} の {total} 件 · {page}/{pages} ページ",
  "search.openMenu": "結果を全文で開く",
  "post.readOnWeb": "ウェブで読む",
  "post.topics": "トピック",
  "post.links": "リンク",
  "post.imageDescriptions": "画像の説明",
  "post.media": "メディア",
  "post.image": "画像 {n}",
  "post.video": "動画 {n}",
  "post.gif": "GIF {n}",
  "post.page": "{page}/{pages} ページ",
  "post.everyYear": "毎年 {date}",
  "post.andMore": "… ほか {n} 件",
  "post.save": "保存",
  "saved.remove": "{n} を削除",
  "page.previous": "前へ",
  "page.next": "次へ",
  "random.another": "もう一つ",
  "about.title": "Curator について",
  "about.commands":
    "`/search` でコレクションを検索、`/random` で投稿を引く、`/potd` で今日の一件を見られます。",
  "about.web": "すべての投稿をウェブで読んで共有できます: {url}",
  "about.posts": "投稿",
  "about.topics": "トピック",
  "about.dates": "期間",
  "about.dateRange": "{from} 〜 {to}",
  "about.noDates": "このコレクションには日付がありません",
  "about.topicList": "トピック一覧",
  "about.none": "なし",
  "about.collection": "コレクション",
  "about.loaded": "`{source}`、{when} に読み込み",
  "about.version": "バージョン",
  "about.uptime": "稼働時間",
  "about.since": "{duration}（{when} から）",
  "schedule.sourceOnThisDay": "過去の年の同じ日の投稿（なければデッキ）",
  "schedule.previewOnThisDay": "この日の投稿：{date} に書かれたもの（{years, plural, other {#年前}}）。",
  "schedule.previewFromDeck":
    "過去の年の同じ日（{date}）に書かれた投稿はありません：この投稿はデッキから選ばれました。",
  "list.openMenu": "投稿を全文で開く",
  "list.gone": "コレクションにもうありません。",
  "reach.serverOnly":
    "`/{command}` は Curator を追加したサーバーでのみ使えます（サーバーの設定を変更するため）。サーバーの管理者に Curator の追加を頼むか、ここでは `/search`、`/random`、`/post`、`/onthisday`、`/saved` を使ってください。",
  "reach.notHere": "`/{command}` はここでは使えません。",
  "potd.notInServer": "`/potd` はサーバーで使ってください。",
  "onthisday.badZone": "タイムゾーン `{zone}` は不明です。もう一度 `/onthisday` を実行してください。",
  "onthisday.notADay": "date: {date} は暦にない日付です。",
  "onthisday.badDate": "date: 「{typed}」ではなく 2026-05-12 の形で指定してください。",
  "onthisday.none":
    "{year} 年より前の {day} の投稿はありません（日付は {zone}）。`date:` で別の日を試すか、`/random` を使ってください。",
  "onthisday.title": "今日は何の日: {day}",
  "onthisday.yearsAgo": "{years}年前",
  "onthisday.footer": "{total} 件 · {page}/{pages} ページ · 日付は {zone}",
  "onthisday.notYours": "ページをめくれるのは質問した人だけです。自分で `/onthisday` を実行してください。",
  "saved.title": "保存した投稿",
  "saved.note": "{date} に保存",
  "saved.footer": "{count}/{cap} 件保存済み · {page}/{pages} ページ · /saved clear ですべて削除",
  "saved.empty":
    "保存した投稿はありません。Curator が表示する投稿（`/search`、`/random`、`/post`、`/onthisday`、今日の投稿）の下にある **保存** を押すと、ここに残せます。",
  "saved.full":
    "保存できる投稿は 1 人 {cap} 件までで、すでに {cap} 件あるため {title} は保存されませんでした。`/saved list` でいくつか削除するか、`/saved clear` ですべて削除してから、もう一度保存を押してください。",
  "saved.already": "{title} はすでに保存済みです（{count}/{cap} 件）。`/saved list` で確認できます。",
  "saved.saved": "{title} を保存しました（{count}/{cap} 件）。`/saved list` で確認できます。",
  "saved.gone": "投稿 `{id}` はもうコレクションにないため、保存できません。",
  "saved.cleared":
    "{count, plural, =0 {保存した投稿はありませんでした。削除するものはありません。} other {保存した投稿 # 件を削除しました。}}",
  "saved.notYours": "これは他の人の保存した投稿です。自分の分は `/saved list` で見られます。",
  "schedule.notInServer": "`/schedule` はサーバーで使ってください。",
  "schedule.notAdmin": "今日の投稿を変更できるのは「サーバー管理」権限を持つメンバーだけです。",
  "schedule.unknownSubcommand": "不明なサブコマンドです。",
  "schedule.ambiguous":
    "このサーバーにはスケジュールが {count} 件あります: {names}。`name:` でどれか指定してください。",
  "schedule.badName":
    "`{name}` はスケジュール名として使えません。小文字・数字・- ・_ で 1〜24 文字にしてください（例: `daily`、`news-fr`）。",
  "schedule.exists":
    "スケジュール `{name}` はすでにあります。`/schedule edit name:{name}` で変更してください。",
  "schedule.noSuch": "スケジュール `{name}` はありません。`/schedule list` で一覧を見られます。",
  "schedule.removed": "スケジュール `{name}` を削除しました。過去の投稿はそのまま残ります。",
  "schedule.noSuchToRemove":
    "削除するスケジュール `{name}` はありません。`/schedule list` で一覧を見られます。",
  "schedule.setUpFirst": "まず `/schedule set` で今日の投稿を設定してください。",
  "schedule.rolePing":
    "{name, select, daily {今日の投稿のたびに <@&{role}> にメンションします。} other {`{name}` の投稿のたびに <@&{role}> にメンションします。}}",
  "schedule.roleNobody":
    "{name, select, daily {今日の投稿は誰にもメンションしません。} other {`{name}` の投稿は誰にもメンションしません。}}",
  "schedule.nothingToPause": "一時停止する今日の投稿がありません。`/schedule set` で設定してください。",
  "schedule.nothingToResume": "再開する今日の投稿がありません。`/schedule set` で設定してください。",
  "schedule.paused": "`{name}` を一時停止しました。`/schedule resume` まで何も投稿しません。",
  "schedule.resumed":
    "`{name}` を再開しました。今日の投稿の時刻が過ぎていてまだ送られていなければ、1 分以内に送ります。",
  "schedule.skipped": "今日の投稿（{date}）は送りません。スケジュールは明日から続きます。",
  "schedule.nothingToSkip": "今日の投稿（{date}）はすでに送信済みか送信中のため、スキップできません。",
  "schedule.previewEmpty":
    "コレクションに選べる投稿がありません（またはスケジュールのトピックを持つ投稿がありません）。",
  "schedule.switchedOff":
    "このサーバーの `{name}` をオフにしました。`/schedule set` か `/schedule edit` で再びオンにできます。",
  "schedule.added": "`{name}` を追加しました: {schedule}。",
  "schedule.changed": "`{name}` を変更しました: {schedule}。",
  "schedule.set": "今日の投稿 `{name}`: {schedule}。",
  "schedule.off": "オフ",
  "schedule.nextOne": "次の投稿は {when} です。",
  "schedule.showsAll": "`/schedule status name:{name}` ですべて確認できます。",
  "schedule.nothingToChange": "変更するものがありません。オプションを 1 つ以上指定してください。",
  "schedule.channelTaken":
    "スケジュール `{other}` がすでに <#{channel}> に投稿しています。別のチャンネルを選ぶか、`{other}` を変更してください。",
  "schedule.missingPermissions":
    "<#{channel}> に投稿できません。そこでの権限 {permissions} がありません。チャンネルの設定でこれらの権限を付与するか、別のチャンネルを選んでください。",
  "permission.viewChannel": "チャンネルを見る",
  "permission.sendMessages": "メッセージを送信",
  "permission.embedLinks": "埋め込みリンク",
  "permission.readMessageHistory": "メッセージ履歴を読む",
  "schedule.badTime":
    "`{time}` は時刻ではありません。24 時間制の HH:MM（例: `09:00`、`18:30`）で指定してください。",
  "schedule.badZone":
    "`{zone}` はタイムゾーンではありません。都市名を入力して選んでください（例: `Asia/Tokyo`）。",
  "schedule.badDay":
    "`{word}` は曜日ではありません。`weekdays`、`weekends`、`every day`、または `mon,wed,fri` のような曜日を使ってください。",
  "schedule.noTopic":
    "トピック `{topic}` を持つ投稿はありません。一覧から選ぶか、`none` を指定してください。",
  "schedule.crosspostElsewhere":
    "フォローしているサーバーに公開できるのはアナウンスチャンネルの投稿だけです。`crosspost` を外すか、アナウンスチャンネルを選んでください。",
  "schedule.forumThreads":
    "フォーラムチャンネルでは投稿ごとにすでにスレッドになります。`threads` を外してください。",
  "heading.oneLine": "見出しは 1 行にしてください。",
  "heading.empty": "見出しが空です。省略すると既定の見出しになります。",
  "heading.tooLong": "見出しが {length} 文字あります。{max} 文字までです。",
  "heading.unknownPlaceholder":
    "{placeholder} はプレースホルダーではありません。{date}、{topic}、{title} を使ってください。",
  "heading.strayBrace":
    "見出しの {open} または {close} がプレースホルダーの一部になっていません。{date}、{topic}、{title} を使ってください。",
  "heading.noDate":
    "見出しには {date} が必要です。日ごとの投稿を区別し、障害のあとに投稿を見つけ直すために使います。",
  "schedule.line": "<#{channel}> に {time} {zone}",
  "schedule.lineCron": "cron `{cron}`",
  "schedule.lineTopic": "トピック `{topic}`",
  "schedule.linePing": "<@&{role}> にメンション",
  "schedule.lineForum": "1 日 1 件のフォーラム投稿",
  "schedule.lineThread": "投稿ごとにスレッド",
  "schedule.lineCrosspost": "フォロワーに公開",
  "schedule.lineHeading": "見出し `{heading}`",
  "schedule.linePaused": "{line}（一時停止中）",
  "days.everyDay": "毎日",
  "days.weekdays": "平日",
  "days.weekends": "週末",
  "schedule.listEmpty":
    "このサーバーにはスケジュールがありません。`/schedule add name:daily channel:#チャンネル time:09:00 timezone:Asia/Tokyo` で追加してください。",
  "schedule.listTitle": "スケジュール",
  "schedule.statusOff":
    "このサーバーの今日の投稿は **オフ** です。`/schedule set channel:#チャンネル time:09:00 timezone:Asia/Tokyo` でオンにしてください。",
  "schedule.statusTitle": "{name, select, daily {今日の投稿} other {今日の投稿: {name}}}",
  "schedule.whereAndWhen": "場所と時刻",
  "schedule.nextPost": "次の投稿",
  "schedule.lastPost": "前回の投稿",
  "schedule.lastError": "前回のエラー",
  "schedule.leftInCycle": "一巡するまでの残り投稿数",
  "schedule.today": "今日",
  "schedule.isPaused": "一時停止中",
  "schedule.nonePlanned": "予定なし",
  "schedule.noneYet": "まだなし",
  "schedule.none": "なし",
  "schedule.dayStatus":
    "{status, select, sent {送信済み} skipped {スキップ} failed {失敗} claimed {送信中} other {未送信}}",
  "schedule.nextRunSoon":
    "{passed} を過ぎたため、{day, select, today {今日} other {今}} {time}（{relative}）",
  "schedule.itsTime": "予定時刻",
  "search.notYours": "ページをめくれるのは検索した人だけです。自分で `/search` を実行してください。",
  "search.changed": "この検索のあとでコレクションが変わりました。もう一度 `/search` を実行してください。",
  "post.notYours": "ページをめくれるのはこの投稿を表示した人だけです。自分で `/post` を試してください。",
  "days.day": "{day, select, mon {月} tue {火} wed {水} thu {木} fri {金} sat {土} sun {日} other {{day}}}",
  "saved.clearAsk": "保存した投稿 {count} 件をすべて削除しますか？元に戻せません。",
  "saved.clearConfirm": "すべて削除",
  "saved.clearCancel": "キャンセル",
  "saved.clearCancelled": "何も削除していません。保存した投稿はそのままです（`/saved list`）。",
  "saved.clearExpired":
    "この確認は {minutes} 分以上前のものなので、何も削除していません。削除したい場合はもう一度 `/saved clear` を実行してください。",
  "potd.heading": "**今日の投稿** · {date}",
};
