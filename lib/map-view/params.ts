// The query strings of the map: the page's (the filters and `color`) and the map API's. Filters are
// read by the filter grammar (filters/schema.ts) like every other view's; listing parameters mean
// nothing on a map and are refused, as on the charts.
import { LISTING_PARAMS, MAP_PARAMS } from '../filters/fields';
import { parseParams, parseParamsLenient, ParamError, type Filter } from '../filters/schema';

export const COLORS = ['topic', 'language', 'model', 'moderation', 'dataset'] as const;
export type MapColor = (typeof COLORS)[number];

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

interface Pass {
  color: MapColor;
  rest: URLSearchParams;
  errors: ParamError[];
}

function optionsPass(sp: URLSearchParams, allowColor: boolean): Pass {
  const rest = new URLSearchParams();
  const errors: ParamError[] = [];
  const fail = (e: ParamError) => {
    if (!errors.some((x) => x.param === e.param)) errors.push(e);
  };
  let color: MapColor | undefined;
  let seen = false;
  for (const [key, raw] of sp) {
    if ((LISTING_PARAMS as readonly string[]).includes(key)) fail(new ParamError(key, `${key} does not apply to the map`));
    else if (key !== 'color' || !allowColor) rest.append(key, raw);
    else if (seen) fail(new ParamError('color', 'color may appear only once'));
    else {
      seen = true;
      const v = raw.trim();
      if (v === '') continue;
      if ((COLORS as readonly string[]).includes(v)) color = v as MapColor;
      else fail(new ParamError('color', `color must be one of ${COLORS.join(', ')}; got "${clip(v)}"`));
    }
  }
  if (errors.some((e) => e.param === 'color')) color = undefined;
  return { color: color ?? 'topic', rest, errors };
}

/** Strict, for /api/map/matches: the filters alone; the first bad parameter throws (the 400 names it). */
export function parseMapFilter(sp: URLSearchParams): Filter {
  const { rest, errors } = optionsPass(sp, false);
  if (errors.length) throw errors[0];
  return parseParams(rest).filter;
}

/** For the page: the filter and colour of the good parameters, each bad one reported, the query string without them. */
export function parseMapParamsLenient(sp: URLSearchParams): {
  filter: Filter;
  color: MapColor;
  params: URLSearchParams;
  errors: ParamError[];
} {
  const { color, rest, errors } = optionsPass(sp, true);
  const filters = parseParamsLenient(rest);
  const bad = [...errors, ...filters.errors];
  const params = new URLSearchParams([...sp].filter(([k]) => !bad.some((e) => e.param === k)));
  return { filter: filters.filter, color, params, errors: bad };
}

/** The filters of a map query string without its colour: what /api/map/matches is asked and caches by. */
export function filterQuery(sp: URLSearchParams): string {
  const next = new URLSearchParams([...sp].filter(([k]) => !(MAP_PARAMS as readonly string[]).includes(k)));
  next.sort();
  return next.toString();
}

/** Refuses every parameter (routes that take none), naming the first. */
export function noParams(sp: URLSearchParams): void {
  for (const [key] of sp) throw new ParamError(key, `unknown parameter "${clip(key)}": this address takes none`);
}

/** `field` of /api/map/values. */
export function parseValuesField<T extends string>(sp: URLSearchParams, fields: readonly T[]): T {
  for (const [key] of sp) if (key !== 'field') throw new ParamError(key, `unknown parameter "${clip(key)}"`);
  const all = sp.getAll('field');
  if (all.length !== 1) throw new ParamError('field', `field is required once: one of ${fields.join(', ')}`);
  const v = all[0]!.trim();
  if (!(fields as readonly string[]).includes(v))
    throw new ParamError('field', `field must be one of ${fields.join(', ')}; got "${clip(v)}"`);
  return v as T;
}

/** The most points one lookup answers. */
export const LOOKUP_MAX = 200;

/** `ord` of /api/map/lookup: 1 to LOOKUP_MAX point ordinals. */
export function parseOrdinals(sp: URLSearchParams): number[] {
  for (const [key] of sp) if (key !== 'ord') throw new ParamError(key, `unknown parameter "${clip(key)}"`);
  const all = sp.getAll('ord');
  if (!all.length) throw new ParamError('ord', 'ord is required: a point ordinal (0 or more), repeatable');
  if (all.length > LOOKUP_MAX) throw new ParamError('ord', `at most ${LOOKUP_MAX} ord values at once`);
  return all.map((v) => {
    if (!/^\d{1,9}$/.test(v.trim())) throw new ParamError('ord', `ord must be a whole number, got "${clip(v)}"`);
    return Number(v.trim());
  });
}
