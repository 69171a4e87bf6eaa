// The bars of a chart that filters on click, reachable from the keyboard: Tab to the chart, arrow
// keys to a bar, Enter (or Space) to filter by it. The bar in hand is marked for the focus style
// and named for screen readers.

/** The clickable bars, in drawing order (ranked bars carry data-value, the others data-key); empty bars are skipped. */
const marksIn = (root: HTMLElement) =>
  [...root.querySelectorAll<SVGElement>('.recharts-rectangle[data-value], .recharts-rectangle[data-key]')].filter((m) => {
    const r = m.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });

/** What a bar says aloud: its series, where it stands and its value. */
export function markLabel(m: Element): string {
  const value = m.getAttribute('data-value');
  if (value !== null) return value;
  const series = m.getAttribute('data-series');
  return [series === 'count' ? null : series, m.getAttribute('data-key'), m.getAttribute('data-drawn')].filter(Boolean).join(', ');
}

/** Handles a key on the chart's body; returns the label of the bar now in hand, if the key moved to one. */
export function onChartKey(e: React.KeyboardEvent<HTMLElement>): string | undefined {
  const marks = marksIn(e.currentTarget);
  if (!marks.length) return undefined;
  const at = marks.findIndex((m) => m.hasAttribute('data-kbd-current'));
  const move = (to: number) => {
    marks[at]?.removeAttribute('data-kbd-current');
    const m = marks[(to + marks.length) % marks.length]!;
    m.setAttribute('data-kbd-current', '');
    return markLabel(m);
  };
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      e.preventDefault();
      return move(at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      e.preventDefault();
      return move(at < 0 ? -1 : at - 1);
    case 'Home':
      e.preventDefault();
      return move(0);
    case 'End':
      e.preventDefault();
      return move(-1);
    case 'Enter':
    case ' ': {
      const m = marks[at];
      if (!m) return undefined;
      e.preventDefault();
      m.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return undefined;
    }
  }
  return undefined;
}
