import { formatTime } from '@/lib/conversation/format';
import { languageTag } from '@/lib/conversation/language-tags';
import type { TurnInfo } from '@/lib/conversation/turns';
import { countHits } from '@/lib/markdown/highlight';
import { head, renderMarkdown } from '@/lib/markdown/render';
import type { Message } from '@/lib/queries/conversation-read';
import { turnAnchor, turnPath } from '@/lib/urls';
import { Badge } from './badge';
import { CopyLinkButton } from './copy-link-button';
import { MessageBody } from './message-body';
import { ModerationPanel } from './moderation-panel';

/** Only this much of a message is rendered as markdown before "show all". */
const HEAD_CHARS = 20_000;
/** Messages longer than this start collapsed. */
const COLLAPSE_CHARS = 4_000;

interface Props {
  conversationId: string;
  /** The dataset it was read from, when several hold its id: links and fetches name it. */
  dataset?: string;
  message: Message;
  turn: TurnInfo;
  pattern: RegExp | null;
  terms: string[];
  showDetoxify: boolean;
  /** Set when rendered on the server: the whole text of a cut message is then fetched on "show all", not sent. */
  position?: number;
}

export function MessageCard({ conversationId, dataset, message: m, turn, pattern, terms, showDetoxify, position }: Props) {
  const user = m.role === 'user';
  const { text, cut } = head(m.content, HEAD_CHARS);
  const html = renderMarkdown(text, pattern);
  // The text in its own language and direction (Arabic, Persian, Hebrew right to left); the card's labels stay English.
  const lang = languageTag(m.language);
  return (
    <li
      id={turn.first ? turnAnchor(turn.key) : undefined}
      data-turn={turn.key}
      data-role={m.role}
      className={`msg scroll-mt-4 rounded-lg border p-3 ${user ? 'border-sky-200 bg-sky-50 md:mr-12' : 'border-slate-200 bg-white md:ml-12'}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className={`font-semibold uppercase tracking-wide ${user ? 'text-sky-800' : 'text-indigo-800'}`}>
          {user ? 'User' : 'Assistant'}
        </span>
        {turn.first && <span className="text-slate-600">turn {turn.number}</span>}
        {m.language && <Badge>{m.language}</Badge>}
        {m.timestamp && <time dateTime={m.timestamp}>{formatTime(m.timestamp)}</time>}
        {m.toxic && <Badge tone="danger">toxic</Badge>}
        {m.redacted && <Badge tone="warn">redacted</Badge>}
        {m.moderation.flagged && <Badge tone="danger">flagged</Badge>}
        <span className="ml-auto">
          <CopyLinkButton path={turnPath(conversationId, turn.key, dataset)} label={`Copy link to turn ${turn.number}`} />
        </span>
      </div>
      {m.content.trim() === '' ? (
        <p className="text-sm italic text-slate-600">(empty message)</p>
      ) : cut || m.content.length > COLLAPSE_CHARS ? (
        <MessageBody
          html={html}
          full={!cut ? null : position === undefined ? m.content : { conversationId, dataset, position }}
          terms={terms}
          size={m.content.length}
          lang={lang}
          hiddenHits={cut ? countHits(m.content.slice(text.length), pattern) : 0}
        />
      ) : (
        <div className="md" lang={lang} dir="auto" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      <ModerationPanel moderation={m.moderation} showDetoxify={showDetoxify} />
    </li>
  );
}
