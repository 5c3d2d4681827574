// The map's label layout as geometry: no two placed labels overlap, none covers a dot or leaves the
// drawing, the higher-ranked label keeps the nearest spot, and a label set further out says it
// needs a leader. The rendered map is measured in the browser test (test/browser/names-and-map.test.ts).
import { describe, expect, it } from 'vitest';
import { overlap, placeLabels, type Box, type LabelAnchor } from '../../web/src/label-layout.js';

const BOUNDS: Box = { x1: 0, y1: 0, x2: 960, y2: 600 };
const dot = (x: number, y: number): Box => ({ x1: x - 7, y1: y - 7, x2: x + 7, y2: y + 7 });

/** A small deterministic generator (LCG), so a failure can be rerun. */
function random(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1_103_515_245 + 12_345) % 2 ** 31; return s / 2 ** 31; };
}

function pairsOverlapping(boxes: Box[]): number {
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) n++;
  return n;
}

describe('map labels', () => {
  it('sets two labels whose dots nearly touch (索县 and 巴青县) apart, neither over the other dot', () => {
    const anchors: LabelAnchor[] = [{ x: 200, y: 400, width: 39, height: 17 }, { x: 204, y: 401, width: 26, height: 17 }];
    const [a, b] = placeLabels(anchors, anchors.map((p) => dot(p.x, p.y)), BOUNDS);
    // The right of the first dot is the second dot's: its label goes left, the second's right.
    expect(a).toMatchObject({ box: { x2: 191, y1: 391.5 }, leader: false });
    expect(b).toMatchObject({ box: { x1: 213, y1: 392.5 }, leader: false });
    expect(overlap(a!.box, b!.box)).toBe(false);
  });

  it('places crowded labels without overlap, off every dot, inside the drawing; further out with a leader, or not at all', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      // 60 dots in a 300 × 200 corner: more than fit beside their dots.
      const anchors = Array.from({ length: 60 }, () => ({ x: 20 + next() * 300, y: 20 + next() * 200, width: 26 + next() * 60, height: 17 }));
      const dots = anchors.map((a) => dot(a.x, a.y));
      const placed = placeLabels(anchors, dots, BOUNDS);
      const boxes = placed.flatMap((p) => (p ? [p.box] : []));
      expect(pairsOverlapping(boxes)).toBe(0);
      for (const box of boxes) {
        expect(dots.some((d) => overlap(d, box))).toBe(false);
        expect(box.x1 >= 0 && box.y1 >= 0 && box.x2 <= 960 && box.y2 <= 600).toBe(true);
      }
      // A label without a leader sits beside its own dot.
      placed.forEach((p, i) => {
        if (!p || p.leader) return;
        const a = anchors[i]!;
        const gap = Math.hypot(Math.max(p.box.x1 - a.x, 0, a.x - p.box.x2), Math.max(p.box.y1 - a.y, 0, a.y - p.box.y2));
        expect(gap).toBeLessThanOrEqual(9 * Math.SQRT2 + 0.01);
      });
      expect(placed.some((p) => p?.leader)).toBe(true);
    }
  });

  it('hides a label only when no spot is free', () => {
    // A drawing just larger than the dot: no label fits anywhere.
    const placed = placeLabels([{ x: 10, y: 10, width: 40, height: 17 }], [dot(10, 10)], { x1: 0, y1: 0, x2: 20, y2: 20 });
    expect(placed).toEqual([null]);
  });
});
