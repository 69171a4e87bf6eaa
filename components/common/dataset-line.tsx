import { datasetSummary, releaseNames, type DatasetSummary } from '@/lib/queries/dataset-summary';

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
          <strong className="font-semibold text-amber-700">Synthetic sample</strong> shaped like {releaseNames(d)} (not real data) ·{' '}
        </>
      ) : (
        <>{releaseNames(d)} · </>
      )}
      {d.datasets.length > 1 && <>{d.datasets.map((p) => `${p.name} ${p.conversations.toLocaleString('en-US')}`).join(' + ')} = </>}
      {d.conversations.toLocaleString('en-US')} conversations, {d.messages.toLocaleString('en-US')} messages{span}
    </p>
  );
}
