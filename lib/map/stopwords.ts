// Words that say nothing about what a message asks. A short list per common language, and at
// fit time any word in more than STOP_SHARE of a language's sampled messages (features.ts): in
// real data that catches "please" and "write" as well as the grammar words.

/** A word in more than this share of one language's sampled first messages is a stop word there. */
export const STOP_SHARE = 0.2;
/** Languages with fewer sampled messages keep their words: a share of a few messages says little. */
export const STOP_MIN_MESSAGES = 200;

const LISTS = `
a an the and or but if of to in on at by for with from as is are was were be been being am it its this that these those
there here what which who whom whose when where why how i me my mine we us our you your yours he him his she her they them
their not no yes do does did done have has had will would shall should can could may might must so than then too very
just also only about into over under up down out off again more most some any all each both few such own same other
can't don't i'm it's i'll you're let let's please thanks thank hi hello hey okay ok like get got make made want need use
one two three give me write text answer question
de la le les des un une et est en du que qui dans pour pas par sur au aux avec ce ces se sa son ses il elle je tu nous
vous ils elles mon ma mes ton ta tes leur leurs y ne plus ou mais comme être avoir fait faire
el los las del se por con para una uno es al lo como más pero sus le ya o este esta sí porque muy sin sobre también me
mi tu te yo
der die das und ist nicht ein eine einen dem den des zu mit von auf für im sich auch es ich du er sie wir ihr sind
war wie aus bei nach oder aber kann wenn so noch nur
o os as um uma é não em no na nos nas do da dos das com para por mais mas ao à se eu você ele ela isso isto
il lo gli di da e è un una per con non che si mi ti ci ne del della dei delle nel nella sono
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет
о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя
ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж
тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех
никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это мне
напиши пожалуйста
ve bir bu da de ile için ne çok daha gibi olarak ki mi ben sen
và của là có không được cho với các những một này trong để người
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(LISTS.split(/\s+/).filter(Boolean));

/**
 * Characters that join phrases in Chinese and Japanese (particles, pronouns, "one", "is"): a
 * character pair holding one says little about the subject ("的故" of "的故事").
 */
export const JOINING_CHARACTERS: ReadonlySet<string> = new Set(
  Array.from(
    '的了是我你他她它们在有和与不这那个一也就都要会把被给吗呢吧啊请帮用写对从中上为以及到说之其而或着过很能可让该如何什么怎么'.concat(
      'のはをにがでとたてしいるもなかこそあれよねだです',
    ),
  ),
);

/** Whether a token says nothing by itself: a listed word, or a character pair with a joining character. */
export function isStopToken(t: string): boolean {
  if (STOP_WORDS.has(t)) return true;
  const chars = Array.from(t);
  return (
    chars.length <= 2 &&
    /^\p{Script=Han}|^\p{Script=Hiragana}|^\p{Script=Katakana}/u.test(t) &&
    chars.some((c) => JOINING_CHARACTERS.has(c))
  );
}
