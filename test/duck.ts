// DuckDB's own answers, straight from Parquet, for tests to compare against.
import { Database, type Connection } from '../lib/db/duckdb';

let conn: Promise<Connection> | undefined;
export function duck(): Promise<Connection> {
  conn ??= Database.open(':memory:', { threads: 1 }).then((db) => db.connect());
  return conn;
}
export const parquet = (dir: string) => `read_parquet('${dir.replace(/'/g, "''")}/*.parquet')`;
export async function scalar<T = number>(sql: string): Promise<T> {
  const row = await (await duck()).one<Record<string, T>>(sql);
  return Object.values(row!)[0]!;
}
