const TONES = {
  neutral: 'bg-slate-100 text-slate-600',
  warn: 'bg-amber-100 text-amber-800',
  danger: 'bg-rose-100 text-rose-700',
} as const;

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs ${TONES[tone]}`}>{children}</span>;
}
