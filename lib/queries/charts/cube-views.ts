import 'server-only';
// The rows a chart drawn without its own filter reads (each of its sets' conversations, and how
// many of them are flagged), counted from the facet cube when what is left of the filter is facet
// values alone: no pass over the conversations for them.
import type { Filter } from '../../filters/schema';
import type { TopicSplit } from '../../stats/types';
import { CUBE_FACETS, passTables, type Cube, type CubeFacet, type Value } from '../facet-cube';
import type { ConvRow, SetName } from './conversation-pass';

type Column = 'dataset' | 'country' | 'state' | 'language' | 'model' | 'topic' | 'split';

/** The columns each set groups by, as conversationPass's SETS do ('topic': the broad topic). */
const COLUMNS: Partial<Record<SetName, Column[]>> = {
  all: [],
  dataset: ['dataset'],
  country: ['country'],
  state: ['country', 'state'],
  language: ['language'],
  model: ['model'],
  language_country: ['language', 'country'],
  topic: ['topic'],
  topic_split: ['topic', 'split'],
};

/** True when cubeRows can count every one of `sets`. */
export const cubeHolds = (sets: readonly SetName[]) => sets.every((s) => COLUMNS[s]);

/** A column of the cells as numbers into its values. */
interface Coded {
  codes: Uint32Array;
  values: Value[];
}

const broadTopics = new WeakMap<Cube, Coded>();

/** Each cell's broad topic, as the conversation pass groups by it (null: no topic). */
function broadOf(cube: Cube): Coded {
  let coded = broadTopics.get(cube);
  if (!coded) {
    const k = CUBE_FACETS.indexOf('topic');
    const values: Value[] = [];
    const at = new Map<Value, number>();
    const of = cube.values[k]!.map((sub) => {
      const broad = sub === null ? null : (cube.broadOf.get(sub as string) ?? null);
      let i = at.get(broad);
      if (i === undefined) at.set(broad, (i = values.push(broad) - 1));
      return i;
    });
    coded = { codes: Uint32Array.from(cube.codes[k]!, (c) => of[c]!), values };
    broadTopics.set(cube, coded);
  }
  return coded;
}

const columnOf = (cube: Cube, f: CubeFacet): Coded => {
  const k = CUBE_FACETS.indexOf(f);
  return { codes: cube.codes[k]!, values: cube.values[k]! };
};

/** Sums of conversations and flagged conversations by a number: in arrays when they are small enough, else in a map. */
class Sums {
  private n?: Float64Array;
  private flagged?: Float64Array;
  private map?: Map<number, [number, number]>;
  constructor(size: number) {
    if (size <= 1 << 16) {
      this.n = new Float64Array(size);
      this.flagged = new Float64Array(size);
    } else this.map = new Map();
  }
  add(key: number, n: number, flagged: number): void {
    if (this.n) {
      this.n[key] = this.n[key]! + n;
      this.flagged![key] = this.flagged![key]! + flagged;
      return;
    }
    const sum = this.map!.get(key);
    if (sum) {
      sum[0] += n;
      sum[1] += flagged;
    } else this.map!.set(key, [n, flagged]);
  }
  *entries(): Generator<[key: number, n: number, flagged: number]> {
    if (this.map) for (const [k, [n, f]] of this.map) yield [k, n, f];
    else for (let k = 0; k < this.n!.length; k++) if (this.n![k]! > 0) yield [k, this.n![k]!, this.flagged![k]!];
  }
}

/**
 * The rows of `sets` (which cubeHolds) for the conversations passing `filter` (which the cube
 * answers), as conversationPass gives them: only the columns of each set, `n` and `flagged` are read.
 */
export function cubeRows(cube: Cube, filter: Filter, sets: readonly SetName[], split: TopicSplit | null): ConvRow[] {
  const columns: Record<Column, Coded | undefined> = {
    dataset: columnOf(cube, 'dataset'),
    country: columnOf(cube, 'country'),
    state: columnOf(cube, 'state'),
    language: columnOf(cube, 'language'),
    model: columnOf(cube, 'model'),
    topic: broadOf(cube),
    split: split ? columnOf(cube, split) : undefined,
  };
  const groups = sets.map((set) => {
    const cols = COLUMNS[set]!.map((c) => [c, columns[c]!] as const);
    const size = cols.reduce((acc, [, col]) => acc * col.values.length, 1);
    return { set, cols, sums: new Sums(size) };
  });
  const pass = passTables(filter, cube);
  const tested = pass.flatMap((p, k) => (p ? [k] : []));
  for (let cell = 0; cell < cube.n.length; cell++) {
    let ok = true;
    for (const k of tested) if (pass[k]![cube.codes[k]![cell]!] === 0) ok = false;
    if (!ok) continue;
    const n = cube.n[cell]!;
    const flagged = cube.flagged[cell]!;
    for (const g of groups) {
      let key = 0;
      for (const [, col] of g.cols) key = key * col.values.length + col.codes[cell]!;
      g.sums.add(key, n, flagged);
    }
  }
  const rows: ConvRow[] = [];
  for (const g of groups) {
    const blank: ConvRow = {
      set: g.set,
      dataset: null,
      country: null,
      state: null,
      language: null,
      model: null,
      day: null,
      stack: null,
      topic: null,
      split: null,
      tb: null,
      n: 0,
      flagged: 0,
      messages: 0,
      min_ts: null,
      max_ts: null,
      max_turns: null,
    };
    // The set of no columns is one row, with no conversations too.
    if (g.cols.length === 0) rows.push(blank);
    for (const [key, n, flagged] of g.sums.entries()) {
      const row = g.cols.length === 0 ? rows[rows.length - 1]! : { ...blank };
      let rest = key;
      for (let i = g.cols.length - 1; i >= 0; i--) {
        const [name, col] = g.cols[i]!;
        const size = col.values.length;
        row[name] = col.values[rest % size] as string | null;
        rest = Math.floor(rest / size);
      }
      row.n = n;
      row.flagged = flagged;
      if (g.cols.length) rows.push(row);
    }
  }
  return rows;
}
