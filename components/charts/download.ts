// Chart downloads made in the browser from the chart's own SVG: nothing leaves the page. Each file
// says what it shows: the title on top, the legend, and a caption (the filter sentence, the dataset).
import { onWhite } from './palette';

const NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 18;
const CAPTION_ROW = 16;

export interface LegendItem {
  label: string;
  colour: string;
}
/** A colour scale legend (the maps'): a gradient from `lo` to `hi`. */
export interface ScaleLegend {
  label: string;
  lo: string;
  hi: string;
  stops: string[];
}

/** Legend items laid out in rows that fit the width (labels measured roughly at 7 px a character). */
function legendRows(items: LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [];
  let x = Infinity;
  for (const item of items) {
    const w = item.label.length * 7 + 28;
    if (x + w > width) {
      rows.push([]);
      x = 8;
    }
    rows[rows.length - 1]!.push(item); // x starts at Infinity: the first item opens a row
    x += w;
  }
  return rows;
}

/** Words laid out in lines of the width (measured roughly at 6.5 px a character of 11 px text). */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(20, Math.floor((width - 16) / 6.5));
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Colours painted from the theme's CSS variables, as the light palette: a file has no stylesheet. */
function resolveColours(root: Element) {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of ['fill', 'stroke', 'stop-color', 'style']) {
      const v = el.getAttribute(name);
      if (v?.includes('var(')) el.setAttribute(name, onWhite(v));
    }
  }
}

/**
 * The chart's SVG as a standalone document: white background, the title on top, the legend below,
 * then the caption's paragraphs.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  title: string,
  legend: LegendItem[] = [],
  scale?: ScaleLegend,
  caption: string[] = [],
): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const rows = legendRows(
    legend.map((l) => ({ ...l, colour: onWhite(l.colour) })),
    width,
  );
  const captionLines = caption.flatMap((p) => wrap(p, width));
  const legendsEnd = TITLE_HEIGHT + Math.ceil(box.height) + (rows.length + (scale ? 1 : 0)) * LEGEND_ROW;
  const height = legendsEnd + (captionLines.length ? captionLines.length * CAPTION_ROW + 8 : 0);
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  out.setAttribute('font-size', '12');
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  out.appendChild(bg);
  const text = document.createElementNS(NS, 'text');
  text.setAttribute('x', '8');
  text.setAttribute('y', '19');
  text.setAttribute('font-size', '15');
  text.setAttribute('font-weight', '600');
  text.textContent = title;
  out.appendChild(text);
  const body = svg.cloneNode(true) as SVGSVGElement;
  body.setAttribute('x', '0');
  body.setAttribute('y', String(TITLE_HEIGHT));
  body.setAttribute('width', String(Math.ceil(box.width)));
  body.setAttribute('height', String(Math.ceil(box.height)));
  resolveColours(body);
  out.appendChild(body);
  rows.forEach((row, r) => {
    let x = 8;
    const y = TITLE_HEIGHT + Math.ceil(box.height) + r * LEGEND_ROW + 12;
    for (const item of row) {
      const swatch = document.createElementNS(NS, 'rect');
      for (const [k, v] of [
        ['x', x],
        ['y', y - 9],
        ['width', 10],
        ['height', 10],
        ['fill', item.colour],
      ] as const)
        swatch.setAttribute(k, String(v));
      const label = document.createElementNS(NS, 'text');
      label.setAttribute('x', String(x + 14));
      label.setAttribute('y', String(y));
      label.textContent = item.label;
      out.append(swatch, label);
      x += item.label.length * 7 + 28;
    }
  });
  if (scale) {
    const y = TITLE_HEIGHT + Math.ceil(box.height) + 12;
    const gradient = document.createElementNS(NS, 'linearGradient');
    gradient.setAttribute('id', 'scale');
    scale.stops.forEach((c, i) => {
      const stop = document.createElementNS(NS, 'stop');
      stop.setAttribute('offset', String(i / Math.max(1, scale.stops.length - 1)));
      stop.setAttribute('stop-color', c);
      gradient.appendChild(stop);
    });
    const defs = document.createElementNS(NS, 'defs');
    defs.appendChild(gradient);
    const text = (x: number, value: string) => {
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(y));
      t.textContent = value;
      return t;
    };
    const at = scale.label.length * 7 + 16;
    const bar = document.createElementNS(NS, 'rect');
    for (const [k, v] of [
      ['x', at + scale.lo.length * 7 + 6],
      ['y', y - 9],
      ['width', 160],
      ['height', 10],
      ['fill', 'url(#scale)'],
    ] as const)
      bar.setAttribute(k, String(v));
    out.append(defs, text(8, scale.label), text(at, scale.lo), bar, text(at + scale.lo.length * 7 + 172, scale.hi));
  }
  if (captionLines.length) {
    const text = document.createElementNS(NS, 'text');
    text.setAttribute('data-caption', '');
    text.setAttribute('font-size', '11');
    text.setAttribute('fill', '#334155');
    captionLines.forEach((line, i) => {
      const span = document.createElementNS(NS, 'tspan');
      span.setAttribute('x', '8');
      span.setAttribute('y', String(legendsEnd + 8 + (i + 1) * CAPTION_ROW - 4));
      span.textContent = line;
      text.appendChild(span);
    });
    out.appendChild(text);
  }
  return { markup: new XMLSerializer().serializeToString(out), width, height };
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What a downloaded file carries beside the chart: its legends and caption. */
export interface Extras {
  legend: LegendItem[];
  scale?: ScaleLegend;
  caption: string[];
}

export function downloadSvg(svg: SVGSVGElement, title: string, filename: string, { legend, scale, caption }: Extras) {
  save(new Blob([standaloneSvg(svg, title, legend, scale, caption).markup], { type: 'image/svg+xml' }), `${filename}.svg`);
}

/** Draws the SVG on a canvas at twice its size and saves it as PNG. */
export function downloadPng(svg: SVGSVGElement, title: string, filename: string, { legend, scale, caption }: Extras): Promise<void> {
  const { markup, width, height } = standaloneSvg(svg, title, legend, scale, caption);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no canvas'));
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (!blob) return reject(new Error('PNG encoding failed'));
        save(blob, `${filename}.png`);
        resolve();
      }, 'image/png');
    };
    img.onerror = () => reject(new Error('the chart could not be drawn'));
    img.src = url;
  });
}
