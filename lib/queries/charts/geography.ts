// Countries, (country, state) pairs and the language by country breakdown, from the conversation pass.
import type { Ranked, Stats } from '../../stats/types';
import type { ConvRow } from './conversation-pass';
import { byCount, ranked, topValues } from './ranked';

export const STATES_TOP = 200;
export const BREAKDOWN_TOP = 10;

export const countries = (rows: ConvRow[]): Ranked[] => ranked(rows, 'country', 'country');

/** Pairs with a state only: a conversation without one has nothing to place on a states map. */
export function states(rows: ConvRow[]): Stats['states'] {
  return rows
    .filter((r) => r.set === 'state' && r.state !== null)
    .map((r) => ({ country: r.country, value: r.state, count: r.n, flagged: r.flagged }))
    .sort(byCount)
    .slice(0, STATES_TOP);
}

/** Conversations of each of the top languages in each of the top countries (nulls left out). */
export function languageByCountry(rows: ConvRow[]): Stats['language_by_country'] {
  const langs = topValues(ranked(rows, 'language', 'language'), BREAKDOWN_TOP);
  const ctrs = topValues(countries(rows), BREAKDOWN_TOP);
  const cells = rows
    .filter((r) => r.set === 'language_country' && langs.includes(r.language!) && ctrs.includes(r.country!))
    .map((r) => ({ language: r.language!, country: r.country!, count: r.n }))
    .sort((a, b) => langs.indexOf(a.language) - langs.indexOf(b.language) || ctrs.indexOf(a.country) - ctrs.indexOf(b.country));
  return { languages: langs, countries: ctrs, cells };
}
