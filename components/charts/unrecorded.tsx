import { RECORDED_WORDS, type RecordedField } from '@/lib/dataset/recorded';

/**
 * Says which selected datasets do not record what a chart draws: above the chart when others do,
 * in its place when none does (an empty chart would read as data; the notice then names the chart,
 * since two charts of one field would otherwise say the same thing twice).
 */
export function Unrecorded({ field, names, alone, chart }: { field: RecordedField; names: string[]; alone: boolean; chart: string }) {
  const list = names.join(', ');
  return (
    <p
      role="note"
      className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-700"
      data-testid="unrecorded"
      data-field={field}
    >
      {alone && <strong className="font-medium text-slate-900">{chart}: </strong>}
      {RECORDED_WORDS[field]} not recorded in {list}
      {alone
        ? ', so there is nothing to chart for this selection.'
        : `: ${names.length === 1 ? 'its' : 'their'} conversations count as missing here.`}
    </p>
  );
}
