// Where the map's labels go so that none covers another or a dot: each label, in order of rank,
// takes the first free spot around its dot (right, left, above, below, the corners), then the same
// spots further out with a leader line back to the dot, and is hidden only when no spot is free.
// Pure geometry on measured boxes, so the view measures the rendered text and a unit test needs no DOM.

/** An axis-aligned box, corners at (x1, y1) and (x2, y2). */
export type Box = { x1: number; y1: number; x2: number; y2: number };
export const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A label to place: its dot's centre and its measured size. */
export interface LabelAnchor { x: number; y: number; width: number; height: number }

/** Where a label went: its box, and whether it is far enough from its dot to need a leader line. */
export type LabelPlacement = { box: Box; leader: boolean } | null;

/** How far a label stays from its dot's centre (the dot's radius and its stroke, with a gap). */
const NEAR = 9;
/** Further rings, each drawn with a leader. */
const RINGS = [NEAR, 26, 44, 62];
/** Clear space kept around every label, so neighbours do not touch. */
const MARGIN = 1;

/**
 * Directions to try, as unit steps from the dot: right first (how a map is read), then left, above,
 * below and the corners. A label is put on the side its direction points to.
 */
const DIRECTIONS: Array<[number, number]> = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];

function boxAt(a: LabelAnchor, [dx, dy]: [number, number], distance: number): Box {
  // A side label is centred on the dot's height, a top or bottom one on its width; a corner one
  // starts at the corner of the square around the dot.
  const x1 = dx > 0 ? a.x + distance : dx < 0 ? a.x - distance - a.width : a.x - a.width / 2;
  const y1 = dy > 0 ? a.y + distance : dy < 0 ? a.y - distance - a.height : a.y - a.height / 2;
  return { x1, y1, x2: x1 + a.width, y2: y1 + a.height };
}

const grown = (b: Box, m: number): Box => ({ x1: b.x1 - m, y1: b.y1 - m, x2: b.x2 + m, y2: b.y2 + m });
const inside = (b: Box, bounds: Box) => b.x1 >= bounds.x1 && b.y1 >= bounds.y1 && b.x2 <= bounds.x2 && b.y2 <= bounds.y2;

/**
 * Places labels given in order of rank (the first is placed first and so keeps the nearest spot).
 * `obstacles` are what no label may cover (the dots); `bounds` the drawing. Answers one placement
 * per anchor, in the same order; null where no spot was free.
 */
export function placeLabels(anchors: LabelAnchor[], obstacles: Box[], bounds: Box): LabelPlacement[] {
  const taken: Box[] = [...obstacles];
  return anchors.map((a) => {
    for (const [ring, distance] of RINGS.entries()) {
      for (const direction of DIRECTIONS) {
        const box = boxAt(a, direction, distance);
        if (!inside(box, bounds)) continue;
        const padded = grown(box, MARGIN);
        if (taken.some((t) => overlap(t, padded))) continue;
        taken.push(padded);
        return { box, leader: ring > 0 };
      }
    }
    return null;
  });
}
