import { describe, expect, it } from 'vitest';
import { placeLabels, SUBTOPIC_ZOOM, type LabelTopic, type PlacedLabel } from './labels';

const view = (zoom: number, width = 800, height = 600) => ({
  width,
  height,
  zoom,
  // Map coordinates [0, 100] spread over the view, scaled by the zoom about the centre.
  project: (x: number, y: number): [number, number] => [
    width / 2 + (x - 50) * (width / 100) * zoom,
    height / 2 - (y - 50) * (height / 100) * zoom,
  ],
});

// A grid of topics, some close together, with counts that differ.
const topics: LabelTopic[] = [];
for (let i = 0; i < 12; i++)
  for (let j = 0; j < 12; j++)
    topics.push({
      id: `t${i}.${j}`,
      label: `topic ${i} ${j}`,
      level: (i + j) % 4 === 0 ? 1 : 2,
      count: 1000 - i * 12 - j,
      x: 4 + i * 8,
      y: 4 + j * 8,
    });

const disjoint = (a: PlacedLabel, b: PlacedLabel) =>
  a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;

describe('topic labels', () => {
  it('never overlap and stay inside the view, at any zoom', () => {
    for (const zoom of [0.5, 1, SUBTOPIC_ZOOM, 4, 9]) {
      const placed = placeLabels(topics, view(zoom));
      for (let a = 0; a < placed.length; a++) {
        const p = placed[a]!;
        expect(p.left).toBeGreaterThanOrEqual(0);
        expect(p.top + p.height).toBeLessThanOrEqual(600);
        for (let b = a + 1; b < placed.length; b++) expect(disjoint(p, placed[b]!), `${p.id} / ${placed[b]!.id} at ${zoom}`).toBe(true);
      }
    }
  });

  it('thin out when zoomed out, and show subtopics only when zoomed in', () => {
    const out = placeLabels(topics, view(0.25));
    const whole = placeLabels(topics, view(1));
    expect(out.length).toBeLessThan(whole.length);
    expect(whole.every((p) => p.level === 1)).toBe(true);
    const near = placeLabels(topics, view(SUBTOPIC_ZOOM));
    expect(near.some((p) => p.level === 2)).toBe(true);
  });

  it('keeps the larger of two topics at the same place', () => {
    const two: LabelTopic[] = [
      { id: 'small', label: 'small topic', level: 1, count: 5, x: 50, y: 50 },
      { id: 'big', label: 'big topic', level: 1, count: 500, x: 50.5, y: 50 },
    ];
    expect(placeLabels(two, view(1)).map((p) => p.id)).toEqual(['big']);
  });
});
