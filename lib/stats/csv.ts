// Each chart's numbers as flat rows with a header: what `/api/stats/<chart>?format=csv` writes.
import { csvRow } from '../export/csv';
import type { ChartName, Stats } from './types';

export interface Table {
  header: string[];
  rows: unknown[][];
}

export function chartTable<K extends ChartName>(name: K, piece: Stats[K]): Table {
  const s = { [name]: piece } as Partial<Stats>;
  switch (name) {
    case 'countries':
      return { header: ['country', 'count', 'flagged'], rows: s.countries!.map((r) => [r.value, r.count, r.flagged]) };
    case 'states':
      return { header: ['country', 'state', 'count', 'flagged'], rows: s.states!.map((r) => [r.country, r.value, r.count, r.flagged]) };
    case 'languages':
      return { header: ['language', 'count', 'flagged'], rows: s.languages!.map((r) => [r.value, r.count, r.flagged]) };
    case 'models':
      return { header: ['model', 'count', 'flagged'], rows: s.models!.map((r) => [r.value, r.count, r.flagged]) };
    case 'language_by_country':
      return { header: ['language', 'country', 'count'], rows: s.language_by_country!.cells.map((r) => [r.language, r.country, r.count]) };
    case 'time': {
      const t = s.time!;
      if (!t.stack) return { header: ['bucket', 'count'], rows: t.rows.map((r) => [r.bucket, r.count]) };
      return { header: ['bucket', t.stack, 'count'], rows: t.rows.flatMap((r) => t.keys.map((k) => [r.bucket, k, r.by?.[k] ?? 0])) };
    }
    case 'moderation': {
      const m = s.moderation!;
      const group = m.split ?? 'group';
      return {
        header: ['kind', 'category', group, 'scored', 'flagged', 'lo', 'hi', 'count'],
        rows: [
          ...m.categories.map((r) => ['flagged', r.category, r.group, r.scored, r.flagged, null, null, null]),
          ...m.histograms.flatMap((h) => h.bins.map((b) => ['openai_score', h.category, h.group, null, null, b.lo, b.hi, b.count])),
          ...m.detoxify.flatMap((h) => h.bins.map((b) => ['detoxify_score', h.key, h.group, null, null, b.lo, b.hi, b.count])),
        ],
      };
    }
    case 'shape': {
      const sh = s.shape!;
      return {
        header: ['kind', 'role', 'lo', 'hi', 'count'],
        rows: [
          ...sh.turns.map((b) => ['turns', null, b.lo, b.hi, b.count]),
          ...sh.lengths.flatMap((l) => l.bins.map((b) => ['length', l.role, b.lo, b.hi, b.count])),
        ],
      };
    }
    case 'topics': {
      const t = s.topics!;
      if (!t.split)
        return { header: ['topic', 'label', 'count', 'flagged'], rows: t.topics.map((r) => [r.value, r.label, r.count, r.flagged]) };
      const label = new Map(t.topics.map((r) => [r.value, r.label]));
      const of = new Map(t.groups.map((g) => [g.value, g.count]));
      return {
        header: [t.split, 'conversations', 'topic', 'label', 'count'],
        rows: t.cells.map((r) => [r.group, of.get(r.group), r.topic, label.get(r.topic) ?? null, r.count]),
      };
    }
  }
  throw new Error(`no table for chart ${name satisfies never}`);
}

export const tableCsv = (t: Table): string => csvRow(t.header) + t.rows.map(csvRow).join('');
