// The network drawing, on Cytoscape.js: canvas rendering that stays fluid at 500 nodes, draws CJK
// labels with the system's fonts, and ships its own layouts (concentric rings by hop for a
// neighbourhood, breadthfirst for paths) and PNG export. Colours say the kind; line styles say the
// type (administrative PART_OF and LOCATED_IN edges faint and dashed, as one group); an edge's label
// shows on hover. Node labels are culled so that no two drawn labels overlap: the centre and its
// nearest, best-connected neighbours keep theirs; the rest show on hover, selection or zoom.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { bothNames, type Named } from './names.js';
import { typeLabel } from './i18n.js';
import type { EntityKind, RelationshipType } from '../generated/graphql.js';
import { overlap, type Box } from './label-layout.js';

export const KIND_COLOURS: Record<EntityKind, string> = {
  PROVINCE: '#1f4e9c', CITY: '#3b7dd8', DISTRICT: '#6aa6f0', TOWNSHIP: '#9cc7f5', VILLAGE: '#c8e0fa',
  SCHOOL: '#e08a1e', HOSPITAL: '#d0342c', ORGANIZATION: '#7a4fb8', PERSON: '#2a9d5b', PROJECT: '#b5892b', EVENT: '#d05aa0',
  CORPS_DIVISION: '#4a7f8c', PROGRAMME: '#5c6b73',
};

/** The hierarchy's edges, drawn and listed as one group so they do not drown the aid edges. */
export const ADMINISTRATIVE: ReadonlySet<RelationshipType> = new Set(['PART_OF', 'LOCATED_IN']);

/** How each group of edges is drawn, for the legend. */
export const EDGE_STYLES: Array<{ key: string; types: RelationshipType[]; colour: string; dashed: boolean; width: number }> = [
  { key: 'TWINNED_WITH', types: ['TWINNED_WITH'], colour: '#1f4e9c', dashed: false, width: 3 },
  { key: 'SUPPORTS', types: ['SUPPORTS'], colour: '#d0342c', dashed: false, width: 2.5 },
  { key: 'ADMINISTRATIVE', types: ['PART_OF', 'LOCATED_IN'], colour: '#c3cad3', dashed: true, width: 1 },
  { key: 'OTHER', types: ['MEMBER_OF', 'HOLDS_POST', 'WORKS_AT', 'COMES_FROM', 'PARTICIPATES_IN', 'BENEFITS'], colour: '#9aa4b1', dashed: false, width: 1.5 },
];

export interface DrawnNode extends Named { kind: EntityKind }
export interface DrawnEdge { id: string; type: RelationshipType; from: { id: string }; to: { id: string } }

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const FONT_SIZE = 11;

export function elements(nodes: readonly DrawnNode[], edges: readonly DrawnEdge[], centre?: string): ElementDefinition[] {
  const ids = new Set(nodes.map((n) => n.id));
  return [
    // Sorted by kind, so each ring of the layout groups its colours.
    ...[...nodes].sort((a, b) => a.kind.localeCompare(b.kind)).map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: bothNames(n), kind: n.kind, colour: KIND_COLOURS[n.kind], centre: n.id === centre ? 1 : 0 } })),
    ...edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id))
      .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.from.id, target: e.to.id, type: e.type, label: typeLabel(e.type), admin: ADMINISTRATIVE.has(e.type) ? 1 : 0 } })),
  ];
}

export function drawGraph(container: HTMLElement, els: ElementDefinition[]): Core {
  const large = els.length > 400;
  const cy = cytoscape({
    container,
    elements: els,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    // A large drawing pans and zooms as one picture, redrawn when the gesture ends.
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(colour)', label: 'data(label)', 'font-family': FONT, 'font-size': FONT_SIZE,
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '120px',
        width: 18, height: 18, color: '#1b1b1b',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
      } },
      { selector: 'node[centre = 1]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
      { selector: 'node.nolabel', style: { label: '' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#9aa4b1', 'target-arrow-color': '#9aa4b1', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: '', 'font-family': FONT, 'font-size': 10, color: '#333',
        'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9,
      } },
      ...EDGE_STYLES.filter((s) => s.key !== 'OTHER').map((s) => ({
        selector: s.types.map((t) => `edge[type = "${t}"]`).join(', '),
        style: { width: s.width, 'line-color': s.colour, 'target-arrow-color': s.colour, 'line-style': s.dashed ? 'dashed' as const : 'solid' as const,
          ...(s.dashed ? { 'target-arrow-shape': 'none' as const } : {}) },
      })),
      { selector: 'node.hover, node:selected', style: { label: 'data(label)', 'z-index': 10 } },
      { selector: 'edge.hover, edge:selected', style: { label: 'data(label)', 'z-index': 10 } },
      { selector: ':selected', style: { 'overlay-color': '#f5b400', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
    ],
  });
  cy.on('mouseover', 'node, edge', (e) => e.target.addClass('hover'));
  cy.on('mouseout', 'node, edge', (e) => e.target.removeClass('hover'));
  return cy;
}

/** Hops from the centre over the drawn edges; what they do not reach is far. */
function hopsFrom(cy: Core, centre: string): Map<string, number> {
  const hops = new Map<string, number>([[centre, 0]]);
  const queue = [centre];
  while (queue.length) {
    const id = queue.shift()!;
    cy.getElementById(id).neighborhood('node').forEach((n) => {
      if (!hops.has(n.id())) { hops.set(n.id(), hops.get(id)! + 1); queue.push(n.id()); }
    });
  }
  return hops;
}

/** Rings by distance from the centre: readable at once, and fast at 500 nodes. */
export function concentric(cy: Core, centre: string): void {
  const hops = hopsFrom(cy, centre);
  // Entities the drawn edges do not reach go to the outer ring.
  cy.layout({ name: 'concentric', concentric: (n) => 100 - (hops.get(n.id()) ?? 50), levelWidth: () => 1, minNodeSpacing: 26, animate: false }).run();
  cullLabels(cy, (n) => -(hops.get(n.id()) ?? 50) * 1000 + n.degree(false));
}

export function breadthfirst(cy: Core, root: string): void {
  cy.layout({ name: 'breadthfirst', roots: [root], directed: false, spacingFactor: 1.2, animate: false }).run();
}


/**
 * Keeps a node's label only where it overlaps no label already kept, in order of priority. Label
 * sizes are set in screen pixels (the font shrinks in the model as the view zooms in), so zooming
 * in frees room and shows more names; the cull runs again when a zoom ends. Returns how many were hidden.
 */
export function cullLabels(cy: Core, priority: (n: NodeSingular) => number): number {
  const run = () => {
    const started = performance.now();
    const zoom = Math.max(cy.zoom(), 0.25);
    const nodes = cy.nodes().toArray().sort((a, b) => priority(b) - priority(a));
    cy.batch(() => {
      cy.nodes('.nolabel').removeClass('nolabel');
      cy.nodes().style({ 'font-size': FONT_SIZE / zoom, 'text-max-width': `${120 / zoom}px` });
    });
    // Kept labels by grid cell, so each label is checked against its neighbours only.
    const cell = 200 / zoom;
    const grid = new Map<string, Box[]>();
    const cells = (b: Box) => {
      const out: string[] = [];
      for (let x = Math.floor(b.x1 / cell); x <= Math.floor(b.x2 / cell); x++) for (let y = Math.floor(b.y1 / cell); y <= Math.floor(b.y2 / cell); y++) out.push(`${x},${y}`);
      return out;
    };
    const cull: NodeSingular[] = [];
    for (const n of nodes) {
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (b.w === 0) continue;
      const keys = cells(b);
      if (keys.some((k) => grid.get(k)?.some((o) => overlap(o, b)))) { cull.push(n); continue; }
      for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), b]);
    }
    cy.batch(() => cull.forEach((n) => n.addClass('nolabel')));
    cy.scratch('_labelsHidden', cull.length);
    cy.scratch('_cullMs', performance.now() - started);
    return cull.length;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  cy.off('zoom.cull');
  cy.on('zoom.cull', () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  return run();
}

/** Pairs of drawn node labels that overlap, counted from the drawing (for tests and the status line). */
export function labelCollisions(cy: Core): number {
  const boxes = cy.nodes().not('.nolabel').map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })).filter((b) => b.w > 0);
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) n++;
  return n;
}
