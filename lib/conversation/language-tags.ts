// BCP 47 tags of the language names the datasets write (WildChat's detector and LMSYS spell
// languages as English names), so a message can carry `lang`: screen readers then pick the right
// voice, and browsers the right fonts and hyphenation. Names without a tag get none.
const TAGS: Record<string, string> = {
  Afrikaans: 'af', Albanian: 'sq', Amharic: 'am', Arabic: 'ar', Armenian: 'hy', Azerbaijani: 'az', Basque: 'eu',
  Belarusian: 'be', Bengali: 'bn', Bosnian: 'bs', Bulgarian: 'bg', Burmese: 'my', Catalan: 'ca', Chinese: 'zh',
  Croatian: 'hr', Czech: 'cs', Danish: 'da', Dutch: 'nl', English: 'en', Esperanto: 'eo', Estonian: 'et',
  Filipino: 'fil', Finnish: 'fi', French: 'fr', Galician: 'gl', Georgian: 'ka', German: 'de', Greek: 'el',
  Gujarati: 'gu', Hausa: 'ha', Hebrew: 'he', Hindi: 'hi', Hungarian: 'hu', Icelandic: 'is', Indonesian: 'id',
  Irish: 'ga', Italian: 'it', Japanese: 'ja', Javanese: 'jv', Kannada: 'kn', Kazakh: 'kk', Khmer: 'km',
  Korean: 'ko', Kurdish: 'ku', Kyrgyz: 'ky', Lao: 'lo', Latin: 'la', Latvian: 'lv', Lithuanian: 'lt',
  Luxembourgish: 'lb', Macedonian: 'mk', Malay: 'ms', Malayalam: 'ml', Maltese: 'mt', Maori: 'mi', Marathi: 'mr',
  Mongolian: 'mn', Nepali: 'ne', Norwegian: 'no', Pashto: 'ps', Persian: 'fa', Polish: 'pl', Portuguese: 'pt',
  Punjabi: 'pa', Romanian: 'ro', Russian: 'ru', Serbian: 'sr', Sinhala: 'si', Slovak: 'sk', Slovenian: 'sl',
  Somali: 'so', Sotho: 'st', Spanish: 'es', Swahili: 'sw', Swedish: 'sv', Tagalog: 'tl', Tajik: 'tg', Tamil: 'ta',
  Tatar: 'tt', Telugu: 'te', Thai: 'th', Turkish: 'tr', Turkmen: 'tk', Ukrainian: 'uk', Urdu: 'ur', Uzbek: 'uz',
  Vietnamese: 'vi', Welsh: 'cy', Xhosa: 'xh', Yiddish: 'yi', Yoruba: 'yo', Zulu: 'zu',
};

/** The tag of a language name ("Arabic" -> "ar"), or undefined for names with none ("Nolang", unknown). */
export const languageTag = (name: string | null | undefined): string | undefined =>
  name && Object.hasOwn(TAGS, name) ? TAGS[name] : undefined;
