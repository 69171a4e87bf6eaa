// npm run generate -- --conversations N --seed S --out DIR [--schema wildchat|wildchat-4.8m|lmsys] [--shards K] [--workers W] [--truth FILE]
import { DATASET_KINDS, type DatasetKind } from '../lib/dataset/schemas';
import { generate } from '../lib/generate';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), {
  conversations: { type: 'int', default: 5000, min: 1 },
  seed: { type: 'int', default: 1 },
  out: { type: 'string', default: 'data/generated' },
  schema: { type: 'string', default: 'wildchat', choices: DATASET_KINDS },
  shards: { type: 'int', min: 1 },
  workers: { type: 'int', min: 1 },
  truth: { type: 'string' }, // each conversation's latent topic, as Parquet (not part of the dataset)
});
const r = await generate({
  conversations: args.conversations as number,
  seed: args.seed as number,
  out: args.out as string,
  schema: args.schema as DatasetKind,
  shards: args.shards as number | undefined,
  workers: args.workers as number | undefined,
  truth: args.truth as string | undefined,
  log: (l) => console.log(l),
});
console.log(`wrote ${r.files.length} files, ${(r.bytes / 1e6).toFixed(1)} MB, in ${r.seconds.toFixed(1)} s`);
