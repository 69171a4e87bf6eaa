// Decides which published schema a Parquet file has, or says which columns are missing.
import { literal, type Connection } from '../db/duckdb';
import { DATASET_KINDS, REQUIRED, type DatasetKind } from '../dataset/schemas';

export interface FileSchema {
  kind: DatasetKind;
  columns: Map<string, string>;
}

export class SchemaError extends Error {}

export function detectKind(columns: Map<string, string>, file: string): DatasetKind {
  const missing = (k: DatasetKind) => REQUIRED[k].filter((c) => !columns.has(c));
  if (columns.has('conversation_id') && missing('lmsys').length === 0) return 'lmsys';
  if (missing('wildchat').length === 0) {
    return /"?openai_id"? VARCHAR/.test(columns.get('conversation') ?? '') ? 'wildchat-4.8m' : 'wildchat';
  }
  const best = [...DATASET_KINDS].sort((a, b) => missing(a).length - missing(b).length)[0]!;
  throw new SchemaError(
    `${file}: not a WildChat or LMSYS-Chat file: missing column(s) ${missing(best).join(', ')}` +
      ` (closest: ${best}; found: ${[...columns.keys()].join(', ') || 'none'})`,
  );
}

export async function readSchema(conn: Connection, file: string): Promise<FileSchema> {
  let rows: { column_name: string; column_type: string }[];
  try {
    rows = await conn.all(`DESCRIBE SELECT * FROM read_parquet(${literal(file)})`);
  } catch (e) {
    throw new SchemaError(`${file}: cannot be read as Parquet (${firstLine(e)})`);
  }
  const columns = new Map(rows.map((r) => [r.column_name, r.column_type]));
  return { kind: detectKind(columns, file), columns };
}

export const firstLine = (e: unknown): string => String(e instanceof Error ? e.message : e).split('\n')[0]!;
