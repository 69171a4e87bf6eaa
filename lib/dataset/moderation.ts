// OpenAI moderation categories. The published files spell each multi-word category twice
// (`harassment/threatening` and `harassment_threatening`); Wildscope folds them into one.

export const CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'self-harm',
  'self-harm/instructions',
  'self-harm/intent',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `self-harm/intent` -> `self_harm_intent`: the spelling used in column and parameter names. */
export const underscored = (c: string): string => c.replace(/[/-]/g, '_');

/** Every key the WildChat-1M files carry, in the order of the published schema. */
export const WILDCHAT_CATEGORY_KEYS = [
  'harassment',
  'harassment/threatening',
  'harassment_threatening',
  'hate',
  'hate/threatening',
  'hate_threatening',
  'self-harm',
  'self-harm/instructions',
  'self-harm/intent',
  'self_harm',
  'self_harm_instructions',
  'self_harm_intent',
  'sexual',
  'sexual/minors',
  'sexual_minors',
  'violence',
  'violence/graphic',
  'violence_graphic',
] as const;

export const DETOXIFY = ['identity_attack', 'insult', 'obscene', 'severe_toxicity', 'sexual_explicit', 'threat', 'toxicity'] as const;
export type DetoxifyKey = (typeof DETOXIFY)[number];
