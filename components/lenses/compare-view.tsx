import Link from 'next/link';
import type { BinShare, Comparison, FlagRate, PairedShare } from '@/lib/lenses/compare';
import type { Term } from '@/lib/lenses/terms';
import { ViewLinks } from '@/lib/urls';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** Two bars, A above B, as shares of the wider of the two. */
function Bars({ a, b, max }: { a: number; b: number; max: number }) {
  const w = (x: number) => `${max > 0 ? (x / max) * 100 : 0}%`;
  return (
    <div className="w-32 min-w-24" aria-hidden>
      <div className="h-1.5 rounded-sm bg-indigo-500" style={{ width: w(a) }} />
      <div className="mt-0.5 h-1.5 rounded-sm bg-amber-500" style={{ width: w(b) }} />
    </div>
  );
}

function Shares({ title, rows, side }: { title: string; rows: PairedShare[]; side: { a: ViewLinks; b: ViewLinks; key: string } }) {
  const max = Math.max(0, ...rows.flatMap((r) => [r.a.share, r.b.share]));
  return (
    <section data-testid={`compare-${title.toLowerCase()}`}>
      <h2 className="mb-1 font-semibold">{title}</h2>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="font-normal">value</th>
            <th className="font-normal">A</th>
            <th className="font-normal">B</th>
            <th className="font-normal" />
            <th className="font-normal">A − B (points, 95% interval)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.value)} className="border-t border-slate-100 dark:border-slate-800">
              <td>
                {r.value === null ? (
                  <span className="italic text-slate-500">unknown</span>
                ) : (
                  <>
                    {r.label ?? r.value}{' '}
                    <Link className="text-xs text-indigo-700 underline" href={side.a.toggle(side.key, r.value)}>
                      in A
                    </Link>
                  </>
                )}
              </td>
              <td>{pct(r.a.share)}</td>
              <td>{pct(r.b.share)}</td>
              <td>
                <Bars a={r.a.share} b={r.b.share} max={max} />
              </td>
              <td className={r.lo > 0 || r.hi < 0 ? 'font-medium' : 'text-slate-500'}>
                {signed(r.diff)} [{signed(r.lo)}, {signed(r.hi)}]
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Flags({ rows }: { rows: FlagRate[] }) {
  return (
    <section data-testid="compare-flags">
      <h2 className="mb-1 font-semibold">Moderation flags (share of messages flagged)</h2>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="font-normal">category</th>
            <th className="font-normal">A</th>
            <th className="font-normal">B</th>
            <th className="font-normal">A ÷ B (95% interval)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category} className="border-t border-slate-100 dark:border-slate-800">
              <td>{r.category}</td>
              <td>{pct(r.a.rate)}</td>
              <td>{pct(r.b.rate)}</td>
              <td className={r.lo !== null && r.hi !== null && (r.lo > 1 || r.hi < 1) ? 'font-medium' : 'text-slate-500'}>
                {num(r.ratio)} [{num(r.lo)}, {num(r.hi)}]
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Distribution({ title, rows, label, testid }: { title: string; rows: BinShare[]; label: (b: BinShare) => string; testid: string }) {
  const max = Math.max(0, ...rows.flatMap((r) => [r.a, r.b]));
  return (
    <section data-testid={testid}>
      <h2 className="mb-1 font-semibold">{title}</h2>
      <table className="w-full text-sm">
        <tbody>
          {rows.map((r) => (
            <tr key={r.lo} className="border-t border-slate-100 dark:border-slate-800">
              <td className="pr-2 text-slate-600">{label(r)}</td>
              <td>{pct(r.a)}</td>
              <td>{pct(r.b)}</td>
              <td>
                <Bars a={r.a} b={r.b} max={max} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Terms({ title, terms, links, testid }: { title: string; terms: Term[]; links: ViewLinks; testid: string }) {
  return (
    <section data-testid={testid}>
      <h2 className="mb-1 font-semibold">{title}</h2>
      {terms.length === 0 ? (
        <p className="text-sm text-slate-500">No term stands out.</p>
      ) : (
        <ol className="text-sm">
          {terms.map((t) => (
            <li key={t.term} className="flex justify-between gap-2 border-t border-slate-100 dark:border-slate-800" data-testid="term">
              <Link href={links.addTerm(t.term)} className="hover:underline">
                {t.term}
              </Link>
              <span className="text-slate-500">
                {t.count.toLocaleString('en-US')} vs {t.total.toLocaleString('en-US')} · z {t.z.toFixed(1)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const range = (b: BinShare) => (b.hi - b.lo <= 1 ? String(b.lo) : `${b.lo}–${b.hi - 1}`);

/** Everything the comparison holds, A in indigo and B in amber. */
export function CompareView({ c, a, b }: { c: Comparison; a: URLSearchParams; b: URLSearchParams }) {
  const la = new ViewLinks(a);
  const lb = new ViewLinks(b);
  return (
    <div className="grid gap-6">
      <div className="grid gap-3 md:grid-cols-2">
        {(
          [
            ['A', c.a, la, 'bg-indigo-500'],
            ['B', c.b, lb, 'bg-amber-500'],
          ] as const
        ).map(([name, s, links, colour]) => (
          <p key={name} className="text-sm" data-testid={`side-${name.toLowerCase()}`}>
            <span className={`mr-1 inline-block h-2 w-2 rounded-full ${colour}`} aria-hidden />
            <strong>{name}:</strong> <span data-testid="side-sentence">{s.sentence}</span>{' '}
            <Link className="text-indigo-700 underline" href={links.self}>
              explore
            </Link>
          </p>
        ))}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Terms title="What A talks about more" terms={c.terms.a} links={la} testid="terms-a" />
        <Terms title="What B talks about more" terms={c.terms.b} links={lb} testid="terms-b" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Shares title="Languages" rows={c.languages} side={{ a: la, b: lb, key: 'language' }} />
        <Shares title="Countries" rows={c.countries} side={{ a: la, b: lb, key: 'country' }} />
        <Shares title="Models" rows={c.models} side={{ a: la, b: lb, key: 'model' }} />
        <Shares title="Topics" rows={c.topics} side={{ a: la, b: lb, key: 'topic' }} />
        {c.datasets.length > 1 && <Shares title="Datasets" rows={c.datasets} side={{ a: la, b: lb, key: 'dataset' }} />}
      </div>
      <Flags rows={c.flags} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Distribution title="Turns per conversation" rows={c.turns} label={range} testid="compare-turns" />
        {c.lengths.map((l) => (
          <Distribution
            key={l.role}
            title={`Length of ${l.role} messages (characters)`}
            rows={l.bins}
            label={range}
            testid={`compare-length-${l.role}`}
          />
        ))}
      </div>
      <Distribution
        title={`Activity by ${c.time.interval} (share of each side's conversations)`}
        rows={c.time.rows.map((r, i) => ({ lo: i, hi: i + 1, a: r.a, b: r.b }))}
        label={(r) => c.time.rows[r.lo]!.bucket}
        testid="compare-time"
      />
    </div>
  );
}
