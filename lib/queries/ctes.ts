// The WITH clause a Where may carry: older builders return the search as a `hits` CTE, newer ones
// inline it into the condition; reading it this way keeps these queries right with either.
export const ctesOf = (w: object): string => (Reflect.get(w, 'ctes') as string | undefined) ?? '';
