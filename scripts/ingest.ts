// npm run ingest: builds the index of WILDSCOPE_DATA into WILDSCOPE_CACHE.
import { config, settingsOrExit } from '../lib/config';
import { buildIndex } from '../lib/ingest/build';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), { threads: { type: 'int', min: 1, default: 2 }, memory: { type: 'string', default: '6GB' } });
settingsOrExit();
const { data, cache, vectors } = config();
const started = Date.now();
try {
  const m = await buildIndex({
    data,
    cache,
    vectors,
    threads: args.threads as number,
    memoryLimit: args.memory as string,
    log: (l) => console.log(l),
  });
  console.log(
    `done: ${m.conversations.toLocaleString('en-US')} conversations, ${m.messages.toLocaleString('en-US')} messages, ` +
      `${m.terms.toLocaleString('en-US')} terms, ${m.postings.toLocaleString('en-US')} postings, ` +
      `${m.seconds.toFixed(1)} s, ${(m.bytes / 1e6).toFixed(1)} MB on disk (${cache})`,
  );
} catch (e) {
  console.error(`ingest failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
