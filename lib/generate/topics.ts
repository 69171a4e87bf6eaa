// Latent topics of the synthetic conversations: what people ask chatbots for, in shares close to
// what studies of WildChat report (Zhao et al. 2024, WildVis 2024), each with its own words and
// first-message phrasing per language. This is also the ground truth the topic-map tests check.
import { LANGUAGES } from './vocab';

export interface Topic {
  id: string;
  name: string;
  share: number; // share of all conversations
  english?: number; // share of this topic's conversations written in English, when it departs from the languages' shares
  words: Record<string, string[]>; // distinctive content words by language name; English always present
  templates: Record<string, string[]>; // first user message phrasings; {1}..{4} take topic words
  fallback: string[]; // phrasings for languages without their own templates
  nearDuplicates?: Record<string, string[]>; // long boilerplate prompts reused with one substituted subject, {1}
}

const w = (s: string) => s.trim().split(/\s+/);
const wz = (s: string) => s.trim().split(/\s+/); // Chinese words, written without spaces between them in text

export const TOPICS: Topic[] = [
  {
    id: 'creative',
    name: 'Creative writing & role-play',
    share: 0.27,
    words: {
      English: w(`dragon princess knight kingdom wizard villain hero protagonist fanfiction roleplay narrator tavern
        castle sword prophecy vampire werewolf monologue anime rivals betrayal romance cliffhanger heroine
        sorceress spaceship galaxy detective mansion haunted`),
      Chinese: wz(`小说 故事 主角 公主 骑士 王国 魔法 龙 剧情 角色扮演 续写 穿越 修仙 仙侠 江湖 侠客 情节 章节 反派 爱情`),
      Russian: w(`рассказ сказка принцесса рыцарь королевство дракон волшебник злодей герой героиня сюжет глава
        персонаж ролевая фанфик замок меч магия приключение вампир`),
      French: w(`histoire conte princesse chevalier royaume dragon sorcier méchant héros héroïne intrigue chapitre
        personnage château épée magie aventure vampire roman poème`),
      Spanish: w(`cuento relato princesa caballero reino dragón mago villano héroe heroína trama capítulo personaje
        castillo espada magia aventura vampiro novela poema`),
      Portuguese: w(`conto princesa cavaleiro reino dragão feiticeiro vilão herói heroína enredo capítulo personagem
        castelo espada magia aventura vampiro romance poema fanfic`),
      German: w(`geschichte märchen prinzessin ritter königreich drache zauberer bösewicht held heldin handlung
        kapitel figur burg schwert magie abenteuer vampir roman gedicht`),
      Italian: w(`racconto fiaba principessa cavaliere regno drago mago cattivo eroe eroina trama capitolo personaggio
        castello spada magia avventura vampiro romanzo poesia`),
    },
    templates: {
      English: [
        'Write a story about {1} and {2}.',
        'Continue the roleplay: the {1} meets the {2} in the {3}.',
        'Write a poem about the {1}, the {2} and the {3}.',
        "Let's roleplay. You are the {1} and I am the {2}.",
        'Write the next chapter where the {1} faces the {2}, with dialogue.',
      ],
      Chinese: ['写一个关于{1}和{2}的故事', '续写这个{1}的故事，{2}遇到了{3}', '我们来角色扮演，你是{1}，我是{2}'],
      Russian: ['Напиши рассказ про {1} и {2}.', 'Продолжи историю: {1} встречает {2}, {3}.', 'Давай ролевая игра: ты {1}, я {2}.'],
      French: ['Écris une histoire sur {1} et {2}.', 'Continue le récit : {1} rencontre {2} dans le {3}.'],
      Spanish: ['Escribe un cuento sobre {1} y {2}.', 'Continúa la historia: {1} encuentra a {2} en el {3}.'],
      Portuguese: ['Escreva uma história sobre {1} e {2}.', 'Continue a história: {1} encontra {2} no {3}.'],
      German: ['Schreibe eine Geschichte über {1} und {2}.', 'Setze die Geschichte fort: {1} trifft {2} in der {3}.'],
      Italian: ['Scrivi un racconto su {1} e {2}.', 'Continua la storia: {1} incontra {2} nel {3}.'],
    },
    fallback: ['{1} {2} story: {3} {4}', 'roleplay {1} {2} {3}'],
    nearDuplicates: {
      English: [
        'Write a very long, elaborate, descriptive and detailed chapter of a fantasy story with dialogue, where the main character is {1}. The story must be set in a medieval kingdom, include a betrayal, and end on a cliffhanger. Do not summarise, write every scene in full.',
        'Make a story about {1}. Make it long, with lots of dialogue, in the style of an anime episode, and give every character a name.',
      ],
      Chinese: ['请写一篇三千字的小说，主角是{1}，要有对话和情节反转，风格像网络小说。'],
      Russian: [
        'Напиши очень длинный и подробный рассказ с диалогами, где главный герой {1}. Действие происходит в средневековом королевстве.',
      ],
    },
  },
  {
    id: 'coding',
    name: 'Coding & debugging',
    share: 0.17,
    words: {
      English: w(`python javascript typescript function variable compile debug error exception traceback stacktrace
        TypeError IndexError KeyError undefined null pointer array loop recursion regex api endpoint database
        query docker flask react django pandas numpy unity roblox script`),
      Chinese: wz(`代码 函数 变量 报错 调试 编译 数组 循环 接口 数据库 python java 前端 后端 异常 算法 程序 脚本 框架 部署`),
      Russian: w(`код функция переменная ошибка отладка компиляция массив цикл рекурсия запрос база скрипт python
        javascript программа класс метод исключение библиотека сервер`),
      French: w(`code fonction variable erreur débogage compilation tableau boucle requête python javascript programme
        classe méthode exception bibliothèque serveur script`),
      Spanish: w(`código función variable error depuración compilar arreglo bucle consulta python javascript programa
        clase método excepción biblioteca servidor script`),
      Portuguese: w(`código função variável erro depuração compilar vetor laço consulta python javascript programa
        classe método exceção biblioteca servidor script`),
      German: w(`code funktion variable fehler debuggen kompilieren array schleife abfrage python javascript programm
        klasse methode ausnahme bibliothek server skript`),
      Italian: w(`codice funzione variabile errore debug compilare array ciclo query python javascript programma
        classe metodo eccezione libreria server script`),
    },
    templates: {
      English: [
        'Fix this Python error: {1} in {2}',
        'Why does my {1} {2} throw an {3}?',
        'Write a {1} function that handles the {2} and the {3}.',
        'How do I connect {1} to the {2} {3}?',
        'Debug this code, I get {1} {2}:',
      ],
      Chinese: ['这段{1}代码{2}怎么解决', '用{1}写一个{2}的{3}', '帮我{1}这个{2}'],
      Russian: ['Почему {1} выдает {2}? Вот {3}:', 'Напиши {1} на python, {2} и {3}.', 'Исправь {1}: {2}'],
      French: ['Corrige cette {1} : {2} dans le {3}', 'Écris une {1} en python pour {2}.'],
      Spanish: ['Corrige este {1}: {2} en la {3}', 'Escribe una {1} en python que use {2}.'],
      Portuguese: ['Corrija este {1}: {2} na {3}', 'Escreva uma {1} em python que use {2}.'],
      German: ['Behebe diesen {1}: {2} in der {3}', 'Schreibe eine {1} in python mit {2}.'],
      Italian: ['Correggi questo {1}: {2} nella {3}', 'Scrivi una {1} in python che usi {2}.'],
    },
    fallback: ['python {1} {2}: {3}', '{1} error {2} {3}'],
    nearDuplicates: {
      English: [
        'I want you to act as a senior software engineer. Review the following {1} code, find every bug, explain why it fails, and give me the corrected version with comments. Only answer with code and short explanations.',
      ],
    },
  },
  {
    id: 'image',
    name: 'Image-generator prompts',
    share: 0.065,
    english: 0.85,
    words: {
      English: w(`cinematic photorealistic hyperrealistic 8k octane render portrait lighting bokeh watercolor
        illustration concept art unreal engine midjourney composition neon cyberpunk sunset landscape
        lens 35mm aesthetic intricate vibrant pastel`),
      Chinese: wz(`画面 插画 风格 光影 构图 写实 赛博朋克 夕阳 水彩 高清 细节 镜头 色彩 人像 场景 梦幻`),
      Russian: w(`кинематографичный фотореалистичный портрет освещение иллюстрация акварель пейзаж закат неон композиция детализация`),
      French: w(`cinématique photoréaliste portrait éclairage illustration aquarelle paysage coucher néon composition`),
      Spanish: w(`cinematográfico fotorrealista retrato iluminación ilustración acuarela paisaje atardecer neón composición`),
      Portuguese: w(`cinematográfico fotorrealista retrato iluminação ilustração aquarela paisagem pôr-do-sol neon composição`),
      German: w(`filmisch fotorealistisch porträt beleuchtung illustration aquarell landschaft sonnenuntergang neon komposition`),
      Italian: w(`cinematografico fotorealistico ritratto illuminazione illustrazione acquerello paesaggio tramonto neon composizione`),
    },
    templates: {
      English: [
        '/imagine prompt: {1} {2}, {3}, {4}, --ar 16:9 --v 5',
        '/imagine prompt: a {1} portrait, {2} lighting, {3}, --ar 9:16 --v 5',
        '/imagine prompt: {1} landscape, {2}, {3}, {4} --ar 1:1 --niji',
      ],
      Chinese: ['/imagine prompt: {1}，{2}，{3}，{4} --ar 16:9 --v 5'],
      Russian: ['/imagine prompt: {1}, {2}, {3} --ar 16:9 --v 5'],
    },
    fallback: ['/imagine prompt: {1}, {2}, {3}, {4} --ar 16:9 --v 5'],
    nearDuplicates: {
      English: [
        'As a prompt generator for a generative AI called "Midjourney", you will create image prompts for the AI to visualize. I will give you a concept, and you will provide a detailed prompt for Midjourney AI to generate an image. Structure: [1] = {1}. [2] = a detailed description of [1] with specific imagery details. [3] = the scene\'s environment. [4] = the compositions. [5] = the mood and atmosphere. Format: "/imagine prompt: [1], [2], [3], [4], [5], [ar] [v]". Write your prompts in English. Create 4 distinct prompts for each concept.',
      ],
    },
  },
  {
    id: 'homework',
    name: 'Homework & math',
    share: 0.09,
    words: {
      English: w(`equation solve calculate derivative integral probability fraction percentage triangle algebra
        geometry homework exam quiz theorem formula physics chemistry molecule velocity multiple-choice
        worksheet logarithm matrix`),
      Chinese: wz(`方程 解答 计算 导数 积分 概率 分数 三角形 代数 几何 作业 考试 公式 物理 化学 选择题 函数 数学`),
      Russian: w(`уравнение решить вычислить производная интеграл вероятность дробь треугольник алгебра геометрия
        задача контрольная формула физика химия математика`),
      French: w(`équation résoudre calculer dérivée intégrale probabilité fraction triangle algèbre géométrie devoir
        examen formule physique chimie mathématiques`),
      Spanish: w(`ecuación resolver calcular derivada integral probabilidad fracción triángulo álgebra geometría tarea
        examen fórmula física química matemáticas`),
      Portuguese: w(`equação resolver calcular derivada integral probabilidade fração triângulo álgebra geometria lição
        prova fórmula física química matemática`),
      German: w(`gleichung lösen berechnen ableitung integral wahrscheinlichkeit bruch dreieck algebra geometrie
        hausaufgabe prüfung formel physik chemie mathematik`),
      Italian: w(`equazione risolvere calcolare derivata integrale probabilità frazione triangolo algebra geometria
        compiti esame formula fisica chimica matematica`),
    },
    templates: {
      English: [
        'Solve the {1}: find the {2} of the {3}.',
        'Calculate the {1} and show the {2} step by step.',
        'Answer this {1} question about {2} and {3}.',
        'What is the {1} of the {2}? This is for my {3}.',
      ],
      Chinese: ['解这道{1}题：求{2}的{3}', '请{1}这个{2}，写出步骤'],
      Russian: ['Реши {1}: найди {2} и {3}.', 'Помоги с задачей по {1}: {2}'],
      French: ['Résous cette {1} : trouve la {2} du {3}.', 'Aide-moi pour mon {1} de {2}.'],
      Spanish: ['Resuelve la {1}: calcula la {2} del {3}.', 'Ayúdame con mi {1} de {2}.'],
      Portuguese: ['Resolva a {1}: calcule a {2} do {3}.', 'Me ajude com a {1} de {2}.'],
      German: ['Löse die {1}: berechne die {2} vom {3}.', 'Hilf mir bei der {1} in {2}.'],
      Italian: ['Risolvi la {1}: calcola la {2} del {3}.', 'Aiutami con i {1} di {2}.'],
    },
    fallback: ['{1} {2} = ? {3}', 'math {1} {2} {3}'],
    nearDuplicates: {
      English: [
        'Answer the following multiple-choice question and explain your reasoning in one paragraph. Question: which statement about {1} is correct? A) it is always positive B) it depends on the context C) it cannot be measured D) none of the above',
      ],
    },
  },
  {
    id: 'translation',
    name: 'Translation',
    share: 0.05,
    words: {
      English: w(`translate translation english chinese russian spanish french german japanese korean fluent
        literal idiom grammar proofread phrase synonym`),
      Chinese: wz(`翻译 英文 中文 日语 韩语 俄语 润色 语法 句子 意思 地道 英译中 中译英`),
      Russian: w(`переведи перевод английский китайский немецкий французский грамматика фраза дословно выражение`),
      French: w(`traduis traduction anglais espagnol allemand grammaire phrase littéral expression`),
      Spanish: w(`traduce traducción inglés francés alemán gramática frase literal expresión`),
      Portuguese: w(`traduza tradução inglês espanhol francês gramática frase literal expressão`),
      German: w(`übersetze übersetzung englisch französisch spanisch grammatik satz wörtlich ausdruck`),
      Italian: w(`traduci traduzione inglese francese spagnolo grammatica frase letterale espressione`),
    },
    templates: {
      English: ['Translate to {1}: {2} {3}', 'Proofread this {1} and fix the {2}: {3}', 'What does this {1} mean in {2}?'],
      Chinese: ['{1}成英文：{2}{3}', '把这段话{1}成{2}', '{1}一下这个{2}'],
      Russian: ['{1} на английский: {2} {3}', 'Сделай {1}, {2}: {3}'],
      French: ['{1} en anglais : {2} {3}', 'Corrige la {1} de cette {2}.'],
      Spanish: ['{1} al inglés: {2} {3}', 'Corrige la {1} de esta {2}.'],
      Portuguese: ['{1} para o inglês: {2} {3}', 'Corrija a {1} desta {2}.'],
      German: ['{1} ins Englische: {2} {3}', 'Korrigiere die {1} in diesem {2}.'],
      Italian: ['{1} in inglese: {2} {3}', 'Correggi la {1} di questa {2}.'],
    },
    fallback: ['translate to English: {1} {2} {3}', '{1} {2} translation {3}'],
    nearDuplicates: {
      English: ['Translate the following text into {1}, keep the original formatting, do not add explanations, and keep names unchanged:'],
      Chinese: ['请把下面这段话翻译成{1}，保持原来的格式，不要解释：'],
    },
  },
  {
    id: 'business',
    name: 'Business & email writing',
    share: 0.07,
    words: {
      English: w(`email meeting client proposal invoice deadline colleague manager resume cover-letter interview
        negotiation stakeholder quarterly revenue budget linkedin recruiter salary reschedule follow-up memo`),
      Chinese: wz(`邮件 会议 客户 方案 发票 截止 同事 经理 简历 面试 谈判 预算 营收 工资 合同 汇报`),
      Russian: w(`письмо встреча клиент предложение счет дедлайн коллега руководитель резюме собеседование
        переговоры бюджет выручка зарплата договор`),
      French: w(`courriel réunion client proposition facture échéance collègue responsable cv entretien
        négociation budget salaire contrat`),
      Spanish: w(`correo reunión cliente propuesta factura plazo colega gerente currículum entrevista negociación
        presupuesto salario contrato`),
      Portuguese: w(`e-mail reunião cliente proposta fatura prazo colega gerente currículo entrevista negociação
        orçamento salário contrato`),
      German: w(`e-mail besprechung kunde angebot rechnung frist kollege vorgesetzter lebenslauf bewerbung
        verhandlung budget gehalt vertrag`),
      Italian: w(`email riunione cliente proposta fattura scadenza collega responsabile curriculum colloquio
        trattativa budget stipendio contratto`),
    },
    templates: {
      English: [
        'Write an email to my {1} about the {2} and the {3}.',
        'Write a professional reply to the {1} about the {2}.',
        'Help me write a {1} for the {2} with the {3}.',
        'Rewrite this {1} to sound more professional: {2} {3}',
      ],
      Chinese: ['帮我写一封给{1}的{2}，关于{3}', '写一份{1}的{2}'],
      Russian: ['Напиши {1} для {2} про {3}.', 'Составь {1} на {2}.'],
      French: ['Écris un {1} à mon {2} au sujet de la {3}.', 'Rédige une {1} pour le {2}.'],
      Spanish: ['Escribe un {1} a mi {2} sobre la {3}.', 'Redacta una {1} para el {2}.'],
      Portuguese: ['Escreva um {1} para meu {2} sobre a {3}.', 'Redija uma {1} para o {2}.'],
      German: ['Schreibe eine {1} an meinen {2} wegen der {3}.', 'Formuliere ein {1} für den {2}.'],
      Italian: ['Scrivi una {1} al mio {2} riguardo la {3}.', 'Scrivi una {1} per il {2}.'],
    },
    fallback: ['email {1} {2} {3}', '{1} {2} meeting {3}'],
    nearDuplicates: {
      English: [
        'Write a polite and professional email to {1} informing them that the project deadline has moved, apologising for the inconvenience, and proposing a meeting next week to discuss the new schedule.',
      ],
    },
  },
  {
    id: 'advice',
    name: 'Advice',
    share: 0.05,
    words: {
      English: w(`advice girlfriend boyfriend relationship breakup anxiety motivation confidence career habit
        procrastination loneliness friendship parents roommate decision regret`),
      Chinese: wz(`建议 女朋友 男朋友 感情 分手 焦虑 动力 自信 职业 习惯 拖延 孤独 父母 选择 迷茫`),
      Russian: w(`совет девушка парень отношения расставание тревога мотивация уверенность карьера привычка одиночество родители`),
      French: w(`conseil copine copain relation rupture anxiété motivation confiance carrière habitude solitude parents`),
      Spanish: w(`consejo novia novio relación ruptura ansiedad motivación confianza carrera hábito soledad padres`),
      Portuguese: w(`conselho namorada namorado relacionamento término ansiedade motivação confiança carreira hábito solidão pais`),
      German: w(`rat freundin freund beziehung trennung angst motivation selbstvertrauen karriere gewohnheit einsamkeit eltern`),
      Italian: w(`consiglio fidanzata fidanzato relazione rottura ansia motivazione fiducia carriera abitudine solitudine genitori`),
    },
    templates: {
      English: [
        'My {1} and I keep fighting about {2}. What should I do?',
        'How do I deal with {1} and {2}?',
        'Give me advice on {1} after a {2}.',
      ],
      Chinese: ['我和{1}总是因为{2}吵架，怎么办', '怎么克服{1}和{2}'],
      Russian: ['Дай {1}: у меня {2} и {3}, что делать?', 'Как справиться с {1}?'],
      French: ['Donne-moi un {1} : ma {2} et la {3}.', 'Comment gérer mon {1} ?'],
      Spanish: ['Dame un {1}: mi {2} y la {3}.', '¿Cómo manejar mi {1}?'],
      Portuguese: ['Me dê um {1}: minha {2} e a {3}.', 'Como lidar com a {1}?'],
      German: ['Gib mir einen {1}: meine {2} und die {3}.', 'Wie gehe ich mit {1} um?'],
      Italian: ['Dammi un {1}: la mia {2} e la {3}.', 'Come gestire la {1}?'],
    },
    fallback: ['{1} {2} advice {3}'],
  },
  {
    id: 'analysis',
    name: 'Analysis & summarisation',
    share: 0.06,
    words: {
      English: w(`summarize summary analyze key-points abstract paragraph conclusion argument thesis outline
        bullet-points compare contrast critique themes takeaways tl;dr`),
      Chinese: wz(`总结 概括 分析 摘要 要点 论点 结论 大纲 段落 对比 主题 归纳`),
      Russian: w(`кратко изложи резюме анализ тезисы вывод аргумент план абзац сравни основные мысли`),
      French: w(`résume résumé analyse points-clés conclusion argument plan paragraphe compare thèmes`),
      Spanish: w(`resume resumen análisis puntos-clave conclusión argumento esquema párrafo compara temas`),
      Portuguese: w(`resuma resumo análise pontos-chave conclusão argumento esboço parágrafo compare temas`),
      German: w(`zusammenfassung zusammenfassen analyse kernpunkte fazit argument gliederung absatz vergleiche themen`),
      Italian: w(`riassumi riassunto analisi punti-chiave conclusione argomento schema paragrafo confronta temi`),
    },
    templates: {
      English: [
        'Summarize this text in {1}: {2} {3}',
        'Analyze the {1} and the {2} of this article.',
        'Give me the {1} and a {2} of the following:',
      ],
      Chinese: ['{1}一下这篇文章的{2}', '请{1}以下内容的{2}和{3}'],
      Russian: ['{1} {2} этого текста: {3}', 'Сделай {1} и {2}.'],
      French: ['{1} ce texte en {2} : {3}', 'Fais une {1} et une {2}.'],
      Spanish: ['{1} este texto en {2}: {3}', 'Haz un {1} y un {2}.'],
      Portuguese: ['{1} este texto em {2}: {3}', 'Faça um {1} e uma {2}.'],
      German: ['Schreibe eine {1} mit {2}: {3}', 'Mache eine {1} und eine {2}.'],
      Italian: ['{1} questo testo in {2}: {3}', 'Fai un {1} e una {2}.'],
    },
    fallback: ['summarize: {1} {2} {3}'],
    nearDuplicates: {
      English: ['Summarize the following article in five bullet points, then list its main argument and one weakness. Topic: {1}.'],
    },
  },
  {
    id: 'chitchat',
    name: 'Chit-chat & greetings',
    share: 0.065,
    words: {
      English: w(`hi hello hey thanks lol haha bored weekend mood joke favorite chatgpt bro nice cool`),
      Chinese: wz(`你好 在吗 哈哈 谢谢 无聊 周末 心情 笑话 喜欢 你是谁 聊天 晚安`),
      Russian: w(`привет здравствуй спасибо скучно выходные настроение шутка анекдот любимый поболтать пока`),
      French: w(`salut coucou merci ennui week-end humeur blague préféré discuter`),
      Spanish: w(`hola buenas gracias aburrido finde ánimo chiste favorito charlar jaja`),
      Portuguese: w(`oi olá obrigado entediado fim-de-semana humor piada favorito conversar kkk`),
      German: w(`hallo hi danke langweilig wochenende laune witz lieblings plaudern`),
      Italian: w(`ciao salve grazie annoiato weekend umore barzelletta preferito chiacchierare`),
    },
    templates: {
      English: ['{1}', '{1} {2}', '{1}, tell me a {2}', '{1} how are you', 'who are you? {1}'],
      Chinese: ['{1}', '{1}，{2}', '你是谁{1}'],
      Russian: ['{1}', '{1}, {2}', '{1}, расскажи {2}'],
      French: ['{1}', '{1}, {2}'],
      Spanish: ['{1}', '{1}, {2}'],
      Portuguese: ['{1}', '{1}, {2}'],
      German: ['{1}', '{1}, {2}'],
      Italian: ['{1}', '{1}, {2}'],
    },
    fallback: ['{1}', 'hi {1}'],
  },
  {
    id: 'health',
    name: 'Health & fitness',
    share: 0.022,
    words: {
      English: w(`symptoms diet calories workout protein headache fever vitamin sleep blood-pressure diabetes
        muscle weight-loss medication doctor`),
      Chinese: wz(`症状 饮食 热量 健身 蛋白质 头疼 发烧 维生素 睡眠 血压 糖尿病 减肥 药 医生`),
      Russian: w(`симптомы диета калории тренировка белок головная температура витамины сон давление диабет похудение врач`),
      French: w(`symptômes régime calories entraînement protéines migraine fièvre vitamines sommeil tension médecin`),
      Spanish: w(`síntomas dieta calorías entrenamiento proteína dolor fiebre vitaminas sueño presión médico`),
      Portuguese: w(`sintomas dieta calorias treino proteína dor febre vitaminas sono pressão médico`),
      German: w(`symptome diät kalorien training eiweiß kopfschmerzen fieber vitamine schlaf blutdruck arzt`),
      Italian: w(`sintomi dieta calorie allenamento proteine mal febbre vitamine sonno pressione medico`),
    },
    templates: {
      English: ['I have {1} and {2}, what could it be?', 'Make me a {1} plan with {2} and {3}.'],
      Chinese: ['我有{1}和{2}，怎么办', '帮我制定{1}计划'],
      Russian: ['У меня {1} и {2}, что это?', 'Составь план: {1}, {2}.'],
    },
    fallback: ['{1} {2} health {3}'],
  },
  {
    id: 'travel',
    name: 'Travel',
    share: 0.018,
    words: {
      English: w(`itinerary flight hotel visa trip destination tourist beach museum backpacking airport booking sightseeing`),
      Chinese: wz(`行程 机票 酒店 签证 旅游 景点 海滩 博物馆 攻略 机场 自由行`),
      Russian: w(`маршрут перелет отель виза путешествие достопримечательности пляж музей аэропорт туризм`),
      French: w(`itinéraire vol hôtel visa voyage destination plage musée aéroport tourisme`),
      Spanish: w(`itinerario vuelo hotel visado viaje destino playa museo aeropuerto turismo`),
      Portuguese: w(`roteiro voo hotel visto viagem destino praia museu aeroporto turismo`),
      German: w(`reiseplan flug hotel visum reise reiseziel strand museum flughafen tourismus`),
      Italian: w(`itinerario volo hotel visto viaggio destinazione spiaggia museo aeroporto turismo`),
    },
    templates: {
      English: ['Plan a 5-day {1} with {2} and {3}.', 'Best {1} near the {2}?'],
      Chinese: ['帮我做一个{1}{2}', '{1}有哪些{2}'],
      Russian: ['Составь {1}: {2} и {3}.'],
    },
    fallback: ['{1} {2} travel {3}'],
  },
  {
    id: 'law',
    name: 'Law & policy',
    share: 0.016,
    words: {
      English: w(`lawyer contract lawsuit tenant landlord copyright court legal liability clause regulation visa-status`),
      Chinese: wz(`律师 合同 诉讼 租客 房东 版权 法院 法律 责任 条款 法规`),
      Russian: w(`юрист договор иск арендатор арендодатель авторское суд закон ответственность статья`),
      French: w(`avocat contrat procès locataire propriétaire droit tribunal juridique clause`),
      Spanish: w(`abogado contrato demanda inquilino propietario derechos tribunal legal cláusula`),
      Portuguese: w(`advogado contrato processo inquilino proprietário direitos tribunal jurídico cláusula`),
      German: w(`anwalt vertrag klage mieter vermieter urheberrecht gericht rechtlich klausel`),
      Italian: w(`avvocato contratto causa inquilino proprietario diritto tribunale legale clausola`),
    },
    templates: {
      English: ['Is it legal for my {1} to break the {2}?', 'Explain this {1} {2} in plain words.'],
      Chinese: ['{1}违反{2}怎么办', '解释一下这个{1}{2}'],
      Russian: ['Может ли {1} нарушить {2}?'],
    },
    fallback: ['{1} {2} legal {3}'],
  },
  {
    id: 'cooking',
    name: 'Cooking & food',
    share: 0.014,
    words: {
      English: w(`recipe ingredients bake oven chicken pasta vegan dessert flour spices grill marinade`),
      Chinese: wz(`菜谱 食材 烤箱 鸡肉 面条 素食 甜点 面粉 调料 做法`),
      Russian: w(`рецепт ингредиенты запечь духовка курица паста десерт мука специи`),
      French: w(`recette ingrédients cuire four poulet pâtes dessert farine épices`),
      Spanish: w(`receta ingredientes hornear horno pollo pasta postre harina especias`),
      Portuguese: w(`receita ingredientes assar forno frango massa sobremesa farinha temperos`),
      German: w(`rezept zutaten backen ofen hähnchen nudeln nachtisch mehl gewürze`),
      Italian: w(`ricetta ingredienti cuocere forno pollo pasta dolce farina spezie`),
    },
    templates: {
      English: ['Give me a {1} for {2} with {3}.', 'What can I cook with {1} and {2}?'],
      Chinese: ['给我一个{1}{2}的{3}'],
      Russian: ['Дай {1}: {2} и {3}.'],
    },
    fallback: ['{1} {2} recipe {3}'],
  },
  {
    id: 'gaming',
    name: 'Games',
    share: 0.02,
    words: {
      English: w(`minecraft fortnite genshin pokemon quest boss loot multiplayer speedrun mod level npc dungeon`),
      Chinese: wz(`原神 游戏 副本 装备 角色 技能 抽卡 攻略 关卡 王者荣耀`),
      Russian: w(`игра майнкрафт квест босс лут мультиплеер мод уровень подземелье`),
      French: w(`jeu minecraft quête boss butin multijoueur mod niveau donjon`),
      Spanish: w(`juego minecraft misión jefe botín multijugador mod nivel mazmorra`),
      Portuguese: w(`jogo minecraft missão chefe saque multiplayer mod nível masmorra`),
      German: w(`spiel minecraft quest boss beute mehrspieler mod level verlies`),
      Italian: w(`gioco minecraft missione boss bottino multigiocatore mod livello dungeon`),
    },
    templates: {
      English: ['How do I beat the {1} in {2}?', 'Best {1} build for {2} {3}?'],
      Chinese: ['{1}里{2}怎么打'],
      Russian: ['Как пройти {1} в {2}?'],
    },
    fallback: ['{1} {2} game {3}'],
  },
  {
    id: 'marketing',
    name: 'SEO & marketing',
    share: 0.02,
    words: {
      English: w(`seo keywords etsy instagram hashtags caption slogan brand product-description tiktok youtube
        engagement backlinks`),
      Chinese: wz(`文案 关键词 小红书 抖音 标题 品牌 推广 营销 口号 带货`),
      Russian: w(`seo ключевые слоган бренд продвижение маркетинг описание товара инстаграм`),
      French: w(`seo mots-clés slogan marque référencement marketing description instagram`),
      Spanish: w(`seo palabras-clave eslogan marca posicionamiento marketing descripción instagram`),
      Portuguese: w(`seo palavras-chave slogan marca posicionamento marketing descrição instagram`),
      German: w(`seo schlüsselwörter slogan marke suchmaschinenoptimierung marketing beschreibung instagram`),
      Italian: w(`seo parole-chiave slogan marchio posizionamento marketing descrizione instagram`),
    },
    templates: {
      English: ['Write an {1} {2} for my {3}.', 'Give me 10 {1} and a {2} for {3}.'],
      Chinese: ['写一段{1}{2}', '给我{1}的{2}'],
      Russian: ['Напиши {1} и {2} для {3}.'],
    },
    fallback: ['{1} {2} seo {3}'],
    nearDuplicates: {
      English: [
        'Generate an etsy title for an artwork that can be added to mugs, paintings, tshirts, etc within 140 characters with no & only | to separate without first word being whimsical and is the name of the art {1}',
        'Generate a description with keywords and SEOs for {1} include practical application on which this artwork can be applied to for entrepreneurs at the end. Include details on dimensions: 1080x1080 and has 3 image variations.',
      ],
    },
  },
];

/** Words made of the language's syllables, so that a topic in a language without its own list still has words of its own. */
function syllableWords(topic: string, language: string, syllables: string[], n: number): string[] {
  let h = 2166136261;
  for (const ch of `${topic}/${language}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => ((h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0), (h ^= h >>> 13), h >>> 0);
  return Array.from({ length: n }, () => Array.from({ length: 2 + (next() % 2) }, () => syllables[next() % syllables.length]).join(''));
}

export interface TopicLanguage {
  words: string[];
  templates: string[];
  nearDuplicates: string[];
}

/**
 * One topic's vocabulary and phrasings in one language. Languages without their own list mix
 * syllable-made words with the topic's English terms, as real users mix in English technical words.
 */
export function topicLanguage(t: Topic, language: string): TopicLanguage {
  const spec = LANGUAGES.find((l) => l.name === language);
  if (!spec) throw new Error(`unknown language ${language}`);
  const own = t.words[language];
  const words = own ?? [...syllableWords(t.id, language, spec.syllables, 10), ...(t.words.English ?? []).slice(0, 12)];
  return { words, templates: t.templates[language] ?? t.fallback, nearDuplicates: t.nearDuplicates?.[language] ?? [] };
}

/**
 * P(topic | English) and P(topic | other languages): a topic with its own English share (image
 * prompts) moves the others so that each topic's overall share stays its catalogue share.
 */
export function topicShares(englishShare: number): { english: number[]; other: number[] } {
  const total = TOPICS.reduce((a, t) => a + t.share, 0);
  const s = TOPICS.map((t) => t.share / total);
  const share = (k: number) => s[k]!;
  const fixedEn = TOPICS.map((t, k) => (t.english === undefined ? 0 : (share(k) * t.english) / englishShare));
  const fixedOther = TOPICS.map((t, k) => (t.english === undefined ? 0 : (share(k) * (1 - t.english)) / (1 - englishShare)));
  const free = TOPICS.reduce((a, t, k) => a + (t.english === undefined ? share(k) : 0), 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const scaleEn = (1 - sum(fixedEn)) / free;
  const scaleOther = (1 - sum(fixedOther)) / free;
  return {
    english: TOPICS.map((t, k) => (t.english === undefined ? share(k) * scaleEn : fixedEn[k]!)),
    other: TOPICS.map((t, k) => (t.english === undefined ? share(k) * scaleOther : fixedOther[k]!)),
  };
}
