import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../generate/world';
import { shapeNameOf } from './country-names';
import { usStateShapes } from './us-states';
import { worldShapes } from './world';

const world = new Set(worldShapes().shapes.map((s) => s.name));

// Names as WildChat-1M's IP geolocation writes them, the awkward ones especially.
const REAL = [
  'United States',
  'Russia',
  'China',
  'Hong Kong',
  'Taiwan',
  'South Korea',
  'Iran',
  'Vietnam',
  'Türkiye',
  'Turkey',
  'Czechia',
  'The Netherlands',
  'Kosovo',
  'Macao',
  'Palestine',
  'Bosnia and Herzegovina',
  'Ivory Coast',
  'Congo Republic',
  'DR Congo',
  'Myanmar',
  'Eswatini',
  'North Macedonia',
  'Singapore',
  'Bahrain',
  'Malta',
  'Laos',
  'Moldova',
  'Syria',
  'Brunei',
  'Cabo Verde',
  'Curaçao',
  'Bahamas',
  'Dominican Republic',
  'Central African Republic',
  'Equatorial Guinea',
  'South Sudan',
  'Timor-Leste',
  'Åland',
  'Faroe Islands',
  'Puerto Rico',
  'Guam',
  'Luxembourg',
];

describe('country names', () => {
  it('puts every country the generator can produce on a bundled shape', () => {
    const missing = COUNTRIES.map((c) => c.name).filter((n) => !world.has(shapeNameOf(n)));
    expect(missing).toEqual([]);
  });

  it('puts the names of the real dataset on a shape', () => {
    expect(REAL.filter((n) => !world.has(shapeNameOf(n)))).toEqual([]);
  });

  it('has no alias pointing at a shape that does not exist', () => {
    const aliases = ['United States', 'Türkiye', 'DR Congo', 'Eswatini', 'Cape Verde', 'St Kitts and Nevis'];
    for (const a of aliases) expect(world.has(shapeNameOf(a)), a).toBe(true);
  });

  it('leaves places without their own shape off the map', () => {
    expect(world.has(shapeNameOf('Réunion'))).toBe(false);
    expect(world.has(shapeNameOf('Antarctica'))).toBe(false);
  });

  it('puts every US state the generator can produce on the states map', () => {
    const states = new Set(usStateShapes().shapes.map((s) => s.name));
    const us = COUNTRIES.find((c) => c.name === 'United States')!;
    expect(us.states.filter((s) => !states.has(s))).toEqual([]);
    expect(states.size).toBe(51);
  });

  it('gives the smallest places a dot to point at', () => {
    const small = worldShapes().shapes.filter((s) => ['Hong Kong', 'Macao', 'Singapore'].includes(s.name));
    expect(small).toHaveLength(3);
    for (const s of small) expect(s.dot).toBeDefined();
    expect(worldShapes().shapes.find((s) => s.name === 'China')!.dot).toBeUndefined();
  });
});
