// The shape of `/api/stats`: every aggregate behind the charts for one filter state. Shared by the
// server (lib/queries/charts/*) and the chart components (components/charts/*).
import type { Category, DetoxifyKey } from '../dataset/moderation';
import type { ValueField } from '../filters/fields';

/** Chart names, as used in `/api/stats/<chart>` and in each chart's CSV download. */
export const CHARTS = [
  'countries',
  'states',
  'languages',
  'models',
  'language_by_country',
  'time',
  'moderation',
  'shape',
  'topics',
] as const;
export type ChartName = (typeof CHARTS)[number];

/**
 * The charts a click on which filters by a value field, and that field: each is drawn without its
 * own filter (as explore's facets are counted), so the values not chosen stay in view to be added.
 */
export const OWN_FILTER = {
  countries: 'country',
  language_by_country: 'country',
  states: 'state',
  languages: 'language',
  models: 'model',
  topics: 'topic',
} as const satisfies Partial<Record<ChartName, ValueField>>;
export type OwnFilterChart = keyof typeof OWN_FILTER;

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
export const STACKS = ['model', 'language', 'dataset'] as const;
export type Stack = (typeof STACKS)[number];
export const SPLITS = ['role', 'language', 'country', 'dataset'] as const;
export type Split = (typeof SPLITS)[number];
export const TOPIC_SPLITS = ['language', 'country', 'model', 'dataset'] as const;
export type TopicSplit = (typeof TOPIC_SPLITS)[number];

/** Chart options: query parameters next to the filters. Absent = the default. */
export interface StatsOptions {
  interval?: Interval; // default: chosen by the selected date range (day ≤ 120 days, week ≤ 2 years, else month)
  stack?: Stack; // time series stacked by the top 8 models or languages (+ "other")
  split?: Split; // moderation split by role, or by the top 6 languages or countries
  topic_split?: TopicSplit; // topic shares within each of the top 6 languages, countries or models
}

/** A ranked value: `flagged` counts conversations with any message flagged by OpenAI moderation. */
export interface Ranked {
  value: string | null;
  count: number;
  flagged: number;
}

export interface TimeSeries {
  interval: Interval;
  stack: Stack | null;
  keys: string[]; // stack keys in legend order ("other" last), empty without stack
  rows: { bucket: string; count: number; by?: Record<string, number> }[]; // bucket = 'YYYY-MM-DD' (start of the bucket, UTC)
}

export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

export interface ModerationStats {
  split: Split | null;
  groups: string[]; // ['all'] without split; the roles or top values with split
  /** Per OpenAI category (slash spelling) and group: messages scored and messages flagged. */
  categories: { category: Category; group: string; scored: number; flagged: number }[];
  /** Score histograms over log10 bins from 1e-6 to 1 (scores below 1e-6 fall in the first bin). */
  histograms: { category: Category; group: string; bins: Bin[] }[];
  /** Detoxify score histograms (WildChat only; empty for LMSYS), linear bins of 0.05 from 0 to 1. */
  detoxify: { key: DetoxifyKey; group: string; scored: number; bins: Bin[] }[];
}

export interface ShapeStats {
  turns: Bin[]; // turns per conversation: 1,2,3,4,5,6-10,11-20,21-50,51+ (hi exclusive; the last hi is the longest + 1)
  lengths: { role: 'user' | 'assistant'; bins: Bin[] }[]; // message length in characters, contiguous log2 bins ([0, 1) = empty)
}

export interface TopicStats {
  split: TopicSplit | null;
  /** Broad topics, most conversations first, with their labels; value null = no topic (no first user message). */
  topics: (Ranked & { label: string | null })[];
  /** With split: the top 6 values of that field and their conversations, the shares' denominators. */
  groups: { value: string; count: number }[];
  /** With split: conversations of each (group, broad topic), groups in their order, topics in `topics`' order. */
  cells: { group: string; topic: string | null; count: number }[];
}

export interface Stats {
  total: number; // conversations selected
  messages: number; // messages in them
  /** The charts drawn without their own filter because it is set (OWN_FILTER), and that filter. */
  omitted: Partial<Record<OwnFilterChart, ValueField>>;
  /** Conversations each of those charts counts: the selection without that filter. */
  omitted_totals: Partial<Record<OwnFilterChart, number>>;
  countries: Ranked[]; // every country in the selection, null included
  states: (Ranked & { country: string | null })[]; // top 200 (country, state) pairs
  languages: Ranked[]; // top 30
  models: Ranked[]; // all
  language_by_country: { languages: string[]; countries: string[]; cells: { language: string; country: string; count: number }[] };
  time: TimeSeries;
  moderation: ModerationStats;
  shape: ShapeStats;
  topics: TopicStats;
}
