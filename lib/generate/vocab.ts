// Word lists for the synthetic generator: the most common words of each language, in its own
// script, roughly in frequency order. The long tail of each vocabulary is made from syllables
// (see syllables below), so that word frequencies follow a Zipf curve over tens of thousands of words.

export interface LanguageSpec {
  name: string; // as WildChat spells it
  share: number; // share of conversations
  joiner: string; // between words ('' for Chinese and Japanese)
  end: string; // sentence end
  words: string[];
  syllables: string[];
  acceptLanguage: string;
}

const en = `the of and to a in is it you that for this with on be are as not can i your have or
what by from an will if but we they my how do more about which one use there their all so would
some like also when time has any these write please story new should other only make could each
most into than them may way code data first then need its well example two people after here our
function just help work because while between very know want make many following using create
provide list question answer name see good number different important first user system model
value return file information character game world day life years water find long year thing
state-of-the-art well-known e-mail gpt-4 x-ray follow-up step-by-step utf-8 python javascript
essay business student school story love friend family history city market design product
company research science energy health problem solution result change process project power
chapter scene dialogue poem letter email summary article review analysis strategy plan table`.split(/\s+/);

const zh = `的 是 我 你 在 了 有 一个 这 个 们 中 来 不 人 他 上 为 和 大 到 说 时 要 就 出 会 可以
也 对 生 能 而 子 那 得 于 着 下 自己 之 年 过 发 后 作 里 用 道 行 所 然 家 种 事 成 方 多 经 么 去 法
学 如 都 同 现在 当 没有 动 面 起 看 定 天 分 还 进 好 小 部 其 些 主 样 理 心 她 本 前 开 但 因为 只 从
想 实 日 军 者 意 无 力 它 与 长 把 机 十 民 第 公司 问题 工作 人工智能 中国 文章 写 一篇 关于 请 帮我
翻译 代码 数据 分析 模型 学生 老师 故事 设计 市场 产品 技术 发展 社会 经济 文化 教育 历史 世界 科学`.split(/\s+/);

const ja = `の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ
ない この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より
による ず なり られる において ば なかっ なく しかし について せ だっ その後 できる それ う ので なお のみ
でき き つ における および いう さらに でも ら たり その他 に関する たち ます ん なら 日本 私 あなた 文章
書いて ください 翻訳 説明 物語 会社 問題 仕事 学校 先生 世界 時間 今日 人工知能 データ コード プログラム`.split(/\s+/);

const ru = `и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне
было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем
ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два
об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем
хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между привет
напиши текст статью пожалуйста помоги вопрос ответ работа компания история мир человек время жизнь`.split(/\s+/);

const fr = `de la le et les des en un une du est que pour qui dans a par plus pas au sur ne se il
ce sont avec ou son elle mais comme on nous vous ils tout leur je sa été aussi être bien sans peut
ses cette fait très deux même dont entre après faire encore avant temps autres monde ans aux tous
travail histoire entreprise question réponse écrire texte merci bonjour français projet`.split(/\s+/);

const es = `de la que el en y a los del se las por un para con no una su al lo como más pero sus le
ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro
otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo
nosotros historia empresa pregunta respuesta escribir texto gracias hola trabajo proyecto`.split(/\s+/);

const pt = `de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao
ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre
era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu
às minha têm numa pelos elas havia seja qual será nós tenho lhe deles essas esses pelas este fosse
história empresa pergunta resposta escrever texto obrigado olá trabalho projeto`.split(/\s+/);

const de = `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch
es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum
war haben nur oder aber vor zur bis mehr durch man sein wurde sei hatte kann gegen vom können schon
wenn habe seine ihre dann unter wir soll ich eines jahr zwei jahre diese wieder keine seiner worden
geschichte unternehmen frage antwort schreiben text danke hallo arbeit projekt`.split(/\s+/);

const it = `di e il la che a per un in è del non una con i le si da al sono della come più ma lo
alla dei anche ha gli ci ho se io nel mi questo quando delle o tutto mio ne essere molto cosa
sua suo fatto era poi loro bene dove perché stato può ancora tra sempre già casa storia azienda
domanda risposta scrivere testo grazie ciao lavoro progetto`.split(/\s+/);

const tr = `bir ve bu da de için ile çok ne daha gibi olarak kadar sonra ama en var olan her o ben
sen biz siz onlar değil mi nasıl neden şey zaman yıl gün iyi büyük yeni ilk son kendi diğer sadece
lütfen yaz metin soru cevap şirket hikaye dünya insan çalışma proje merhaba teşekkürler`.split(/\s+/);

const ar = `في من على إلى أن عن مع هذا هذه التي الذي كان لا ما هو هي بين كل بعد قد ذلك أو عند
حتى لم إذا كما غير منذ أي وقد ثم أيضا يمكن أكثر جدا اليوم العالم الناس الوقت الحياة كتابة نص سؤال
جواب شركة قصة عمل مشروع مرحبا شكرا من فضلك`.split(/\s+/);

const ko = `이 그 저 것 수 등 들 및 에서 그리고 하지만 또한 있다 없다 하다 되다 같다 우리 나 너
당신 사람 시간 일 년 때 문제 경우 생각 정도 세계 한국 회사 이야기 질문 대답 작성 텍스트 안녕하세요
감사합니다 부탁합니다 프로젝트 데이터 코드 학교 선생님 학생 인공지능 번역 설명 분석`.split(/\s+/);

const pl = `i w nie na się z do to że jest o jak ale po co tak za od jego już tylko może czy przez
być jeszcze przy dla też kiedy są ten ich bardzo który jej nawet gdy był była mnie mi pan więc było
można teraz coś proszę napisz tekst pytanie odpowiedź firma historia świat praca projekt cześć`.split(/\s+/);

const vi = `và của là có được cho không người trong những một các với này đã để khi đến như về
cũng từ thì ra nhiều làm năm sẽ tôi bạn chúng ta họ rất lại đó theo sau còn vào nhưng nếu hãy viết
văn bản câu hỏi trả lời công ty câu chuyện thế giới công việc dự án xin chào cảm ơn`.split(/\s+/);

const uk = `і в не на що з як та до але це він я вона так ви ми вони був була було для від по
все коли ще може мене тому тут де є треба дуже також привіт напиши текст питання відповідь компанія
історія світ людина час життя робота проект дякую будь ласка`.split(/\s+/);

const fa = `و در به از که این را با است برای آن یک خود تا کرد بر هم نیز شد می شود وی بود کند
ما من شما آنها چه هر باید اگر بسیار سلام لطفا بنویس متن سوال پاسخ شرکت داستان جهان کار پروژه`.split(/\s+/);

const id = `yang dan di itu dengan untuk tidak ini dari dalam akan pada juga saya ke karena tersebut
bisa ada mereka lebih kami kita sudah atau saat harus oleh seperti jika sangat tolong tulis teks
pertanyaan jawaban perusahaan cerita dunia pekerjaan proyek halo terima kasih`.split(/\s+/);

const nl = `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar
heb hoe heeft hebben deze schrijf tekst vraag antwoord bedrijf verhaal wereld werk project hallo`.split(/\s+/);

const el = `και το να του η της με που την από για τα είναι στο θα δεν σε οι ο στην ένα τον των
αυτό μια τις στη ή αλλά όταν όπως πολύ γεια σας παρακαλώ γράψε κείμενο ερώτηση απάντηση εταιρεία`.split(/\s+/);

const hi = `के है में की और को से एक यह का कि पर भी नहीं हैं ने लिए तो कर था हो इस वह जो
कुछ किया गया या अपने मैं आप हम नमस्ते कृपया लिखें पाठ प्रश्न उत्तर कंपनी कहानी दुनिया काम`.split(/\s+/);

const latin =
  'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo an en in on er ar or al el il st nd tr pr'.split(
    ' ',
  );
const cyr =
  'ба бе би бо бу да де ди до ду ка ке ки ко ку ла ле ли ло лу ма ме ми мо му на не ни но ну па пе пи по пу ра ре ри ро ру са се си со су та те ти то ту ва ве ви во ст пр ов ен ни ть'.split(
    ' ',
  );
const han =
  '人工智能数据分析模型学生老师故事设计市场产品技术发展社会经济文化教育历史世界科学问题方法系统语言信息管理研究能力环境生活时间国家城市公司网络电脑手机游戏音乐电影朋友家庭工作学习'.split(
    '',
  );
const kana =
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ'.split(
    '',
  );
const hangul =
  '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히한국어인공지능데이터'.split(
    '',
  );
const arab = 'با بي بو تا تي تو سا سي سو لا لي لو ما مي مو نا ني نو را ري رو كا كي كو فا في فو ها هي هو'.split(' ');
const greek = 'κα κε κι κο λα λε λι λο μα με μι μο να νε νι νο πα πε πι πο τα τε τι το'.split(' ');
const deva = 'क का कि की कु के को न ना नि नी त ता ति ती र रा रि री स सा सि सी म मा मि मी'.split(' ');

const L = (
  name: string,
  share: number,
  words: string[],
  syllables: string[],
  acceptLanguage: string,
  joiner = ' ',
  end = '.',
): LanguageSpec => ({ name, share, words, syllables, acceptLanguage, joiner, end });

// Shares of conversations; close to WildChat-1M's shares of turns by language.
export const LANGUAGES: LanguageSpec[] = [
  L('English', 0.53, en, latin, 'en-US,en;q=0.9'),
  L('Chinese', 0.13, zh, han, 'zh-CN,zh;q=0.9', '', '。'),
  L('Russian', 0.12, ru, cyr, 'ru-RU,ru;q=0.9,en;q=0.8'),
  L('French', 0.03, fr, latin, 'fr-FR,fr;q=0.9'),
  L('Spanish', 0.03, es, latin, 'es-ES,es;q=0.9'),
  L('Portuguese', 0.02, pt, latin, 'pt-BR,pt;q=0.9'),
  L('German', 0.02, de, latin, 'de-DE,de;q=0.9'),
  L('Italian', 0.012, it, latin, 'it-IT,it;q=0.9'),
  L('Turkish', 0.012, tr, latin, 'tr-TR,tr;q=0.9'),
  L('Arabic', 0.012, ar, arab, 'ar-SA,ar;q=0.9'),
  L('Japanese', 0.01, ja, kana, 'ja-JP,ja;q=0.9', '', '。'),
  L('Korean', 0.008, ko, hangul, 'ko-KR,ko;q=0.9'),
  L('Polish', 0.007, pl, latin, 'pl-PL,pl;q=0.9'),
  L('Vietnamese', 0.006, vi, latin, 'vi-VN,vi;q=0.9'),
  L('Ukrainian', 0.005, uk, cyr, 'uk-UA,uk;q=0.9'),
  L('Persian', 0.004, fa, arab, 'fa-IR,fa;q=0.9'),
  L('Indonesian', 0.004, id, latin, 'id-ID,id;q=0.9'),
  L('Dutch', 0.003, nl, latin, 'nl-NL,nl;q=0.9'),
  L('Greek', 0.002, el, greek, 'el-GR,el;q=0.9'),
  L('Hindi', 0.002, hi, deva, 'hi-IN,hi;q=0.9'),
];
