// The one way values reach SQL: bound as $n parameters by a Sql builder, the text and its values
// kept together as a Statement that Connection's methods take as they are.
import type { Param } from './duckdb';

/** SQL text and the values of its $n parameters. */
export interface Statement {
  text: string;
  params: Param[];
}

export class Sql {
  readonly params: Param[] = [];
  /** A builder binding after the parameters of `s`, for SQL that wraps it. */
  static continuing(s: Statement): Sql {
    const sql = new Sql();
    sql.params.push(...s.params);
    return sql;
  }
  /** Binds `v` and returns its placeholder. */
  p(v: Param): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  list(vs: readonly Param[]): string {
    return vs.map((v) => this.p(v)).join(', ');
  }
  /** `text` (which holds this builder's placeholders) with the values bound so far. */
  statement(text: string): Statement {
    return { text, params: this.params };
  }
}
