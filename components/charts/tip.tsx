/** The box every chart tooltip is drawn in. */
export function Tip({ title, lines }: { title: React.ReactNode; lines: React.ReactNode[] }) {
  return (
    <div className="rounded border border-slate-300 bg-white px-2 py-1 text-xs shadow" data-testid="chart-tooltip">
      <p className="font-semibold text-slate-800">{title}</p>
      {lines.map((l, i) => (
        <p key={i} className="text-slate-700">
          {l}
        </p>
      ))}
    </div>
  );
}
