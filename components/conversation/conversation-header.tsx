import Link from 'next/link';
import { formatTime } from '@/lib/conversation/format';
import type { Conversation } from '@/lib/queries/conversation-read';
import { FIELDS } from '@/lib/filters/fields';
import { topicLabels } from '@/lib/queries/topics';
import { conversationHref, dayHref, ViewLinks } from '@/lib/urls';
import { browserLabel, parseUserAgent } from '@/lib/user-agent';

type Field = [label: string, value: string | null | undefined, href?: string, title?: string];

function Value({ value, href, title }: { value: string; href?: string; title?: string }) {
  return href ? (
    <Link href={href} title={title} className="break-all text-indigo-700 hover:underline">
      {value}
    </Link>
  ) : (
    <span title={title} className="break-all">
      {value}
    </span>
  );
}

const flag = (v: boolean | null) => (v === null ? null : String(v));
const EXPLORE = new ViewLinks('');
/** Explore filtered by this one value. */
const only = (def: { key: string }, value: string) => EXPLORE.toggle(def.key, value);

/**
 * The conversation's metadata; every value that is a filter links to the explore page filtered by
 * it. `several`: the index serves several datasets: the header names this one and the others holding the id.
 */
export async function ConversationHeader({ c, several = false }: { c: Conversation; several?: boolean }) {
  const ua = parseUserAgent(c.user_agent);
  // The map's topic (t3) and subtopic (t3.1) of the first message, by their labels.
  const labels = c.topic ? await topicLabels() : undefined;
  const broad = c.topic?.split('.')[0];
  const fields: Field[] = [
    ['Dataset', several ? c.dataset : null, only(FIELDS.dataset, c.dataset)],
    ['Topic', broad && labels?.get(broad), broad ? only(FIELDS.topic, broad) : undefined, 'All conversations of this topic'],
    ['Subtopic', c.topic && labels?.get(c.topic), c.topic ? only(FIELDS.topic, c.topic) : undefined, 'All conversations of this subtopic'],
    ['Model', c.model, c.model ? only(FIELDS.model, c.model) : undefined],
    ['First turn', formatTime(c.first_timestamp), c.first_timestamp ? dayHref(c.first_timestamp) : undefined],
    ['Last turn', formatTime(c.timestamp), c.timestamp ? dayHref(c.timestamp) : undefined],
    ['Turns', String(c.turns), EXPLORE.range(FIELDS.turns, c.turns, c.turns)],
    ['Language', c.language, c.language ? only(FIELDS.language, c.language) : undefined],
    ['Country', c.country, c.country ? only(FIELDS.country, c.country) : undefined],
    ['State', c.state, c.state ? only(FIELDS.state, c.state) : undefined],
    ['User (hashed IP)', c.hashed_ip, c.hashed_ip ? only(FIELDS.hashed_ip, c.hashed_ip) : undefined, 'All conversations of this user'],
    ['Browser', browserLabel(ua), undefined, c.user_agent ?? undefined],
    ['OS', ua.os, undefined, c.user_agent ?? undefined],
    ['Accept-Language', c.accept_language],
    [
      'Conversation hash',
      c.conversation_hash,
      c.conversation_hash ? only(FIELDS.conversation_hash, c.conversation_hash) : undefined,
      'Conversations with the same content',
    ],
    ['Toxic', flag(c.toxic), c.toxic === null ? undefined : only(FIELDS.toxic, String(c.toxic))],
    ['Redacted', flag(c.redacted), c.redacted === null ? undefined : only(FIELDS.redacted, String(c.redacted))],
  ];
  return (
    <header className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="conversation-header">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h1 className="break-all text-lg font-semibold">Conversation {c.id}</h1>
        {c.toxic && <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs text-rose-700">toxic</span>}
        {c.redacted && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">redacted</span>}
        {c.flagged && <span className="rounded bg-rose-600 px-1.5 py-0.5 text-xs text-white">flagged</span>}
      </div>
      {c.also_in.length > 0 && (
        <p className="mb-3 text-slate-700" data-testid="also-in">
          Shown from {c.dataset}. The same id is also in{' '}
          {c.also_in.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <Link href={conversationHref(c.id, { dataset: name })} className="text-indigo-700 hover:underline">
                {name}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 md:grid-cols-[10rem_1fr_10rem_1fr]">
        {fields
          .filter(([, v]) => v != null && v !== '')
          .map(([label, value, href, title]) => (
            <div key={label} className="contents" data-field={label}>
              <dt className="text-slate-600">{label}</dt>
              <dd>
                <Value value={value!} href={href} title={title} />
              </dd>
            </div>
          ))}
      </dl>
    </header>
  );
}
