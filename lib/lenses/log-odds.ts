// The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
// "Fightin' Words", section 3.5): the counts are conversations holding a term, a side's size is the
// sum of those counts over every term (lens_docs), and the prior is the whole dataset's counts
// scaled to PRIOR_WEIGHT pseudo-counts.

/** The prior's total pseudo-count, alpha_0. */
export const PRIOR_WEIGHT = 10_000;

export interface Counts {
  /** Conversations of side A holding the term, and A's size (its terms over all its conversations). */
  ya: number;
  na: number;
  yb: number;
  nb: number;
  /** The term's and the dataset's counts, for the prior. */
  yAll: number;
  nAll: number;
}

/** The z-score of A's log-odds of the term against B's: positive when A uses it more. */
export function logOddsZ({ ya, na, yb, nb, yAll, nAll }: Counts, alpha0 = PRIOR_WEIGHT): number {
  const alpha = (alpha0 * yAll) / nAll;
  const delta = Math.log((ya + alpha) / (na + alpha0 - ya - alpha)) - Math.log((yb + alpha) / (nb + alpha0 - yb - alpha));
  return delta / Math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha));
}
