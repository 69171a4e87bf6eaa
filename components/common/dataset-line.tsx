import { datasetSummary, KIND_NAMES, type DatasetSummary } from '@/lib/queries/dataset-summary';

/** The header's line saying what data this is; nothing while no index is ready. */
export async function DatasetLine() {
  let d: DatasetSummary;
  try {
    d = await datasetSummary();
  } catch {
    return null;
  }
  const span = d.first && d.last ? ` · ${d.first} to ${d.last}` : '';
  return (
    <p className="text-xs text-slate-500" data-testid="dataset-line">
      {d.sample ? (
        <>
          <strong className="font-semibold text-amber-700">Synthetic sample</strong> shaped like {KIND_NAMES[d.kind]} (not real data) ·{' '}
        </>
      ) : (
        <>{KIND_NAMES[d.kind]} · </>
      )}
      {d.conversations.toLocaleString('en-US')} conversations, {d.messages.toLocaleString('en-US')} messages{span}
    </p>
  );
}
