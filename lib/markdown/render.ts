// Markdown to HTML for chat messages, safe to hand to dangerouslySetInnerHTML: raw HTML in a
// message is escaped and shown as text, links keep only http(s)/mailto targets, images become
// links (no request leaves the page), and every text run goes through escapeHtml.
import { Marked, type Tokens } from 'marked';
import { codePieces } from './code-tokens';
import { escapeHtml, safeHref } from './escape';
import { highlightHtml } from './highlight';

/** Code longer than this is not coloured: the regex pass would cost more than it gives. */
const COLOUR_LIMIT = 50_000;

function createMarked(pattern: RegExp | null): Marked {
  const hl = (text: string) => highlightHtml(text, pattern);
  return new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        const text = hl(token.text);
        return token.block ? `<pre class="md-raw-html"><code>${text}</code></pre>\n` : text;
      },
      text(token: Tokens.Text | Tokens.Escape) {
        if (token.type === 'text' && token.tokens) return this.parser.parseInline(token.tokens);
        // `raw` is the source as typed; marked's own `text` may hold half-decoded entities.
        return hl(token.type === 'escape' ? token.text : token.raw);
      },
      codespan(token: Tokens.Codespan) {
        return `<code>${hl(token.text)}</code>`;
      },
      code(token: Tokens.Code) {
        const lang = /^[\w+#.-]{1,30}$/.test(token.lang ?? '') ? token.lang! : '';
        const body =
          lang && token.text.length <= COLOUR_LIMIT
            ? codePieces(token.text, lang)
                .map((p) => (p.cls ? `<span class="tok-${p.cls}">${hl(p.text)}</span>` : hl(p.text)))
                .join('')
            : hl(token.text);
        const label = lang ? `<div class="md-code-lang">${escapeHtml(lang)}</div>` : '';
        const cls = lang ? ` class="language-${escapeHtml(lang)}"` : '';
        return `<div class="md-code">${label}<pre><code${cls}>${body}</code></pre></div>\n`;
      },
      link(token: Tokens.Link) {
        const inner = token.autolink ? hl(token.text) : this.parser.parseInline(token.tokens);
        const href = safeHref(token.href);
        if (!href) return inner;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<a href="${escapeHtml(href)}"${title} rel="nofollow noopener noreferrer" target="_blank">${inner}</a>`;
      },
      image(token: Tokens.Image) {
        const alt = hl(token.text || 'image');
        const href = safeHref(token.href);
        return href
          ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer" target="_blank">[image: ${alt}]</a>`
          : `[image: ${alt}]`;
      },
    },
  });
}

const plain = createMarked(null);

/** The message as HTML; `pattern` (from highlightPattern) marks search hits. */
export function renderMarkdown(content: string, pattern: RegExp | null = null): string {
  const m = pattern ? createMarked(pattern) : plain;
  return m.parse(content, { async: false });
}

/** The first `limit` characters, cut at a line end when one is near, and whether it was cut. */
export function head(content: string, limit: number): { text: string; cut: boolean } {
  if (content.length <= limit) return { text: content, cut: false };
  const nl = content.lastIndexOf('\n', limit);
  return { text: content.slice(0, nl > limit * 0.8 ? nl : limit), cut: true };
}
