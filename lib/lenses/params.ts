// The lenses' query strings: /api/terms takes a filter plus `vs` (another filter, URL-encoded) and
// `limit`; /api/compare and /compare take `a` and `b`, each a URL-encoded filter. A bad filter
// inside `vs`, `a` or `b` is reported as that parameter, its message naming the inner one.
import { ParamError, parseParams, parseParamsLenient, type Filter } from '../filters/schema';

const MAX_SIDE = 8000;

/** The filter written in one parameter's value (`language=French&q=paris`). */
export function sideFilter(param: string, value: string): Filter {
  if (value.length > MAX_SIDE) throw new ParamError(param, `${param} is too long (over ${MAX_SIDE} characters)`);
  const inner = new URLSearchParams(value.replace(/^\?/, ''));
  for (const k of ['sort', 'limit', 'offset']) {
    if (inner.has(k)) throw new ParamError(param, `${param}: "${k}" is not a filter`);
  }
  try {
    return parseParams(inner).filter;
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(param, `${param}: ${e.message}`);
    throw e;
  }
}

function once(sp: URLSearchParams, key: string): string | undefined {
  const vs = sp.getAll(key);
  if (vs.length > 1) throw new ParamError(key, `${key} may appear only once`);
  return vs[0];
}

export interface TermsRequest {
  filter: Filter;
  vs?: Filter;
  limit: number;
}

/** `<filters>&vs=&limit=` (limit 1 to 200, default 50). */
export function parseTermsParams(sp: URLSearchParams): TermsRequest {
  const rest = new URLSearchParams([...sp].filter(([k]) => k !== 'vs'));
  const vs = once(sp, 'vs');
  const { filter, listing } = parseParams(rest);
  if (rest.has('sort') || rest.has('offset')) throw new ParamError(rest.has('sort') ? 'sort' : 'offset', 'terms take no sort or offset');
  return { filter, vs: vs ? sideFilter('vs', vs) : undefined, limit: listing.limit };
}

export interface CompareRequest {
  a: Filter;
  b: Filter;
  /** The query strings of the sides, as given (for links and sentences). */
  aParams: URLSearchParams;
  bParams: URLSearchParams;
}

/** `a=&b=` and nothing else (`format=csv` on the API). */
export function parseCompareParams(sp: URLSearchParams, extra: string[] = []): CompareRequest {
  for (const k of sp.keys()) {
    if (k !== 'a' && k !== 'b' && !extra.includes(k))
      throw new ParamError(k, `unknown parameter "${k.slice(0, 40)}": compare takes a and b`);
  }
  const a = once(sp, 'a') ?? '';
  const b = once(sp, 'b') ?? '';
  return { a: sideFilter('a', a), b: sideFilter('b', b), aParams: new URLSearchParams(a), bParams: new URLSearchParams(b) };
}

/** For the page: each side's filter with its bad parameters left out, and the problems, named by side. */
export function parseCompareLenient(sp: URLSearchParams): CompareRequest & { errors: ParamError[] } {
  const errors: ParamError[] = [];
  const side = (param: 'a' | 'b') => {
    const l = parseParamsLenient(new URLSearchParams(sp.get(param) ?? ''));
    for (const e of l.errors) errors.push(new ParamError(param, `${param}: ${e.message}`));
    return { filter: l.filter, params: l.params };
  };
  const a = side('a');
  const b = side('b');
  return { a: a.filter, b: b.filter, aParams: a.params, bParams: b.params, errors };
}
