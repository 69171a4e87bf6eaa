// HTML escaping and link checking for the markdown renderer: every character of a message
// reaches the page through escapeHtml, and every href through safeHref.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * The href to write for a link, or null when it must not be a link. Only absolute http(s) and
 * mailto URLs pass; browsers ignore tabs, newlines and leading control characters in a scheme
 * (`java\tscript:`), so those are stripped before the check.
 */
export function safeHref(href: string): string | null {
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!/^(?:https?:\/\/|mailto:)/i.test(cleaned)) return null;
  try {
    return new URL(cleaned).href;
  } catch {
    return null;
  }
}
