// Small formatting helpers for the conversation page.

/** `2023-05-01T12:34:56.000Z` -> `2023-05-01 12:34:56 UTC`. */
export function formatTime(iso: string | null): string | null {
  if (!iso) return null;
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso;
}

export function formatSize(chars: number): string {
  return chars < 1000 ? `${chars} characters` : `${Math.round(chars / 1000).toLocaleString('en-US')}k characters`;
}

/** The link-preview description: the first non-empty user message on one line, cut at `max`. */
export function previewDescription(messages: readonly { role: string; content: string }[], max = 200): string | undefined {
  const m = messages.find((x) => x.role === 'user' && x.content.trim()) ?? messages.find((x) => x.content.trim());
  if (!m) return undefined;
  const line = m.content.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
