// Radial-distance thinning of a projected SVG path (as d3-geo writes it: M, L and Z commands):
// within a ring, a point closer than `tolerance` px to the last kept one is dropped. At map
// scale that is invisible and it roughly halves the page weight of the detailed outlines.
/** A point as d3-geo writes it: x,y. */
type Point = [x: number, y: number];

export function thinPath(d: string, tolerance: number): string {
  const out: string[] = [];
  const t2 = tolerance * tolerance;
  for (const ring of d.split('Z')) {
    if (!ring) continue;
    const pts = ring
      .slice(1)
      .split('L')
      .map((p) => p.split(',').map(Number) as Point);
    // split gives at least one point, and kept never empties: the indexes below are in range.
    const kept = [pts[0]!];
    for (let i = 1; i < pts.length; i++) {
      const [x, y] = pts[i]!;
      const [lx, ly] = kept[kept.length - 1]!;
      if (i === pts.length - 1 || (x - lx) ** 2 + (y - ly) ** 2 >= t2) kept.push(pts[i]!);
    }
    // A ring thinned below a triangle is a speck: keep it as it was so small islands still show.
    const ringPts = kept.length >= 4 ? kept : pts;
    out.push(`M${ringPts.map((p) => p.join(',')).join('L')}Z`);
  }
  return out.join('');
}
