// Topic labels over the map: placed greedily in screen space, largest topic first, each kept only
// when its box overlaps no label already placed and fits in the view. Zooming in spreads topics
// apart, so more of them fit; zooming out thins them. Subtopics join once the view is zoomed in.

export interface LabelTopic {
  id: string;
  label: string;
  level: number;
  count: number;
  x: number;
  y: number;
}

export interface PlacedLabel {
  id: string;
  label: string;
  level: number;
  /** The box's top-left corner and size, in CSS pixels of the view. */
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LabelView {
  width: number;
  height: number;
  /** Map coordinates to view pixels. */
  project: (x: number, y: number) => [number, number];
  /** How far the view is zoomed in from the whole map (1 = the whole map). */
  zoom: number;
}

/** Subtopics are labelled from this zoom on. */
export const SUBTOPIC_ZOOM = 2;
/** Pixels kept clear around each label. */
const GAP = 4;

/** A label's size in pixels: `measure` when given (a canvas's text metrics), else an estimate for the app's sans-serif. */
export type Measure = (text: string, level: number) => [width: number, height: number];
export const estimate: Measure = (text, level) => {
  const size = level === 1 ? 13 : 11;
  return [Math.ceil(text.length * size * 0.58) + 8, size + 6];
};

const overlaps = (a: PlacedLabel, b: PlacedLabel) =>
  a.left < b.left + b.width + GAP && b.left < a.left + a.width + GAP && a.top < b.top + b.height + GAP && b.top < a.top + a.height + GAP;

/** The labels to show, in placing order (broad topics first, then by count). */
export function placeLabels(topics: readonly LabelTopic[], view: LabelView, measure: Measure = estimate): PlacedLabel[] {
  const order = topics
    .filter((t) => t.level === 1 || view.zoom >= SUBTOPIC_ZOOM)
    .slice()
    .sort((a, b) => a.level - b.level || b.count - a.count || (a.id < b.id ? -1 : 1));
  const placed: PlacedLabel[] = [];
  for (const t of order) {
    const [px, py] = view.project(t.x, t.y);
    const [width, height] = measure(t.label, t.level);
    const box = { id: t.id, label: t.label, level: t.level, left: px - width / 2, top: py - height / 2, width, height };
    if (box.left < 0 || box.top < 0 || box.left + width > view.width || box.top + height > view.height) continue;
    if (placed.some((p) => overlaps(p, box))) continue;
    placed.push(box);
  }
  return placed;
}
