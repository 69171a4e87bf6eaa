// The filters of the query string, declared once: the parser (schema.ts), the chips (chips.ts),
// the sentence (describe.ts), the notices' places and the facet lists are all derived from FIELDS.
// A new filter is a line here plus its reading into Filter and its SQL (where.ts).
import { CATEGORIES, underscored, type Category } from '../dataset/moderation';

/** Fields whose values are listed with counts and matched exactly as stored (repeatable = OR, `not_` excludes). */
export const VALUE_FIELDS = ['dataset', 'language', 'country', 'state', 'model', 'topic', 'hashed_ip', 'conversation_hash'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

interface Base {
  /** Where the page puts this field's control, and so its notices: a facet's key, 'search', 'turns', 'date', 'flagged'. */
  place: string;
  /** The title of its control on explore. */
  title: string;
  /** The chart on /charts that sets this filter when clicked (its notices go there). */
  chart?: string;
}

/** A field of exact values. `yes`/`no`: the sentence's words before the values and the excluded ones. */
export interface ValueDef extends Base {
  kind: 'values';
  key: ValueField;
  chip: string;
  yes: string;
  no: string;
  /** Long values (hashes) are shortened in chips and sentences. */
  short?: boolean;
  /** Values are hashes, about one per user or conversation: too many to store as an ENUM or to count in the facet cube. */
  many?: true;
  /** A column the topic map adds after the tables are built (map/build.ts): not an ENUM made from the tables; counted in the facet cube. */
  derived?: true;
  /** Listed with counts on explore, and how many values show before "more". */
  facet?: { limit: number };
}
export interface SearchDef extends Base {
  kind: 'search';
  key: 'q';
}
export interface RoleDef extends Base {
  kind: 'role';
  key: 'role';
}
export interface BoolDef extends Base {
  kind: 'bool';
  key: 'toxic' | 'redacted';
  word: string;
}
/** A whole-number range as `<key>_min` and `<key>_max`. */
export interface RangeDef extends Base {
  kind: 'range';
  key: 'turns';
  unit: [one: string, many: string];
  max: number;
}
/** An instant range as `from` and `to`. */
export interface DatesDef extends Base {
  kind: 'dates';
  key: 'date';
}
export interface FlaggedDef extends Base {
  kind: 'flagged';
  key: 'flagged';
}
/** A score threshold per category, as `min_<category>`. */
export interface ThresholdDef extends Base {
  kind: 'threshold';
  key: 'min';
}

export type FieldDef = ValueDef | SearchDef | RoleDef | BoolDef | RangeDef | DatesDef | FlaggedDef | ThresholdDef;

/** In the order explore lists its controls and the sentence reads its clauses. */
export const FIELDS = {
  dataset: {
    kind: 'values',
    key: 'dataset',
    title: 'Dataset',
    chip: 'dataset',
    yes: 'in',
    no: 'not in',
    facet: { limit: 8 },
    place: 'dataset',
  },
  language: {
    kind: 'values',
    key: 'language',
    title: 'Language',
    chip: 'language',
    yes: 'in',
    no: 'not in',
    facet: { limit: 8 },
    place: 'language',
    chart: 'languages',
  },
  country: {
    kind: 'values',
    key: 'country',
    title: 'Country',
    chip: 'country',
    yes: 'from',
    no: 'not from',
    facet: { limit: 8 },
    place: 'country',
    chart: 'countries',
  },
  state: {
    kind: 'values',
    key: 'state',
    title: 'State',
    chip: 'state',
    yes: 'in the state of',
    no: 'outside',
    facet: { limit: 5 },
    place: 'state',
    chart: 'states',
  },
  model: {
    kind: 'values',
    key: 'model',
    title: 'Model',
    chip: 'model',
    yes: 'with',
    no: 'not with',
    facet: { limit: 8 },
    place: 'model',
    chart: 'models',
  },
  topic: {
    kind: 'values',
    key: 'topic',
    title: 'Topic',
    chip: 'topic',
    yes: 'about',
    no: 'not about',
    derived: true,
    facet: { limit: 8 },
    place: 'topic',
    chart: 'topics',
  },
  hashed_ip: {
    kind: 'values',
    key: 'hashed_ip',
    title: 'Top users (hashed IP)',
    chip: 'user',
    yes: 'by user',
    no: 'not by user',
    short: true,
    many: true,
    facet: { limit: 5 },
    place: 'hashed_ip',
  },
  conversation_hash: {
    kind: 'values',
    key: 'conversation_hash',
    title: 'Content hash',
    chip: 'hash',
    yes: 'with content hash',
    no: 'without content hash',
    short: true,
    many: true,
    place: 'top',
  },
  turns: { kind: 'range', key: 'turns', title: 'Turns', unit: ['turn', 'turns'], max: 100_000, place: 'turns', chart: 'turns' },
  date: { kind: 'dates', key: 'date', title: 'Date (UTC)', place: 'date', chart: 'time' },
  toxic: { kind: 'bool', key: 'toxic', title: 'Toxic', word: 'toxic', place: 'toxic', chart: 'detoxify' },
  redacted: { kind: 'bool', key: 'redacted', title: 'Redacted', word: 'redacted', place: 'redacted' },
  flagged: { kind: 'flagged', key: 'flagged', title: 'Moderation flagged', place: 'flagged', chart: 'moderation_flagged' },
  min: { kind: 'threshold', key: 'min', title: 'Moderation score', place: 'flagged', chart: 'moderation_scores' },
  q: { kind: 'search', key: 'q', title: 'Search', place: 'search' },
  role: { kind: 'role', key: 'role', title: 'Search in', place: 'search' },
} as const satisfies Record<string, FieldDef>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_DEFS: readonly FieldDef[] = Object.values(FIELDS);
export const FACET_DEFS = FIELD_DEFS.filter((d): d is ValueDef => d.kind === 'values' && !!d.facet);

// The lists of columns that facets, the facet cube and the ENUM columns of the index are made of,
// in FIELDS order, with their types.
type Def = (typeof FIELDS)[FieldKey];
type FacetValueDef = Extract<Def, { facet: object }>;
type FewValuedDef = Exclude<FacetValueDef, { many: true }>;
type ManyValuedDef = Extract<FacetValueDef, { many: true }>;
type DerivedDef = Extract<FacetValueDef, { derived: true }>;
type BoolFieldDef = Extract<Def, { kind: 'bool' }>;
const DEFS = Object.values(FIELDS) as Def[];
/** Listed facets of few distinct values (language, country, state, model). */
export const FEW_VALUED_FACETS = DEFS.filter(
  (d): d is Exclude<FewValuedDef, DerivedDef> => 'facet' in d && !('many' in d) && !('derived' in d),
).map((d) => d.key);
/** Listed facets of columns the topic map adds (the topics): in the facet cube, not among the ENUM columns the tables make. */
export const DERIVED_FACETS = DEFS.filter((d): d is DerivedDef => 'facet' in d && 'derived' in d).map((d) => d.key);
/** Listed facets of hashes (the top users): counted by their own pass. */
export const MANY_VALUED_FACETS = DEFS.filter((d): d is ManyValuedDef => 'facet' in d && 'many' in d).map((d) => d.key);
/** Yes/no fields (toxic, redacted), counted as facets too. */
export const BOOL_FIELDS = DEFS.filter((d): d is BoolFieldDef => d.kind === 'bool').map((d) => d.key);

/** Parameters of a listing (not filters): sort, page size, offset. */
export const LISTING_PARAMS = ['sort', 'limit', 'offset'] as const;
/** Parameters of the charts (not filters). */
export const CHART_PARAMS = ['interval', 'stack', 'split', 'topic_split'] as const;
/** Parameters of the map page (not filters). */
export const MAP_PARAMS = ['color'] as const;

const BY_UNDERSCORE = new Map<string, Category>(CATEGORIES.map((c) => [underscored(c), c]));
export const thresholdParam = (c: Category) => `min_${underscored(c)}`;
/** The parameter that excludes values of a value field. */
export const notParam = (key: ValueField) => `not_${key}`;

/** What a query-string key means: the field it belongs to and which of its parameters it is. */
export type ParamRole =
  | { def: ValueDef; as: 'value' | 'not' }
  | { def: RangeDef; as: 'min' | 'max' }
  | { def: DatesDef; as: 'from' | 'to' }
  | { def: ThresholdDef; as: 'min'; category: Category }
  | { def: SearchDef | RoleDef | BoolDef | FlaggedDef; as: 'value' };

const ROLES = new Map<string, ParamRole>();
for (const def of FIELD_DEFS) {
  switch (def.kind) {
    case 'values':
      ROLES.set(def.key, { def, as: 'value' });
      ROLES.set(notParam(def.key), { def, as: 'not' });
      break;
    case 'range':
      ROLES.set(`${def.key}_min`, { def, as: 'min' });
      ROLES.set(`${def.key}_max`, { def, as: 'max' });
      break;
    case 'dates':
      ROLES.set('from', { def, as: 'from' });
      ROLES.set('to', { def, as: 'to' });
      break;
    case 'threshold':
      break;
    default:
      ROLES.set(def.key, { def, as: 'value' });
  }
}

/** The field a filter parameter belongs to, or undefined for anything else (listing, chart options, unknown). */
export function paramRole(key: string): ParamRole | undefined {
  const known = ROLES.get(key);
  if (known) return known;
  const category = key.startsWith('min_') ? BY_UNDERSCORE.get(key.slice(4)) : undefined;
  return category ? { def: FIELDS.min, as: 'min', category } : undefined;
}

/** Parameters that may appear once: everything but the repeatable value fields, flags and thresholds. */
export function isSingle(key: string): boolean {
  if ((LISTING_PARAMS as readonly string[]).includes(key)) return true;
  const role = paramRole(key);
  return !!role && role.def.kind !== 'values' && role.def.kind !== 'flagged' && role.def.kind !== 'threshold';
}

/** The place of a parameter's control on explore (its notices go there); undefined: none, notices at the top. */
export function placeOf(key: string): string | undefined {
  if ((LISTING_PARAMS as readonly string[]).includes(key)) return 'listing';
  return paramRole(key)?.def.place;
}

/** The chart of a filter parameter on /charts, as placeOf for explore. */
export const chartOf = (key: string): string | undefined => paramRole(key)?.def.chart;
