// The network drawing, on Cytoscape.js: canvas rendering that stays fluid at 500 nodes, draws CJK
// labels with the system's fonts, and ships its own layouts (concentric for a neighbourhood,
// breadthfirst for paths) and PNG export. Colours say the kind; edge labels say the type.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { bothNames, type Named } from './names.js';
import { typeLabel } from './i18n.js';
import type { EntityKind, RelationshipType } from '../generated/graphql.js';

export const KIND_COLOURS: Record<EntityKind, string> = {
  PROVINCE: '#1f4e9c', CITY: '#3b7dd8', DISTRICT: '#6aa6f0', TOWNSHIP: '#9cc7f5', VILLAGE: '#c8e0fa',
  SCHOOL: '#e08a1e', HOSPITAL: '#d0342c', ORGANIZATION: '#7a4fb8', PERSON: '#2a9d5b', PROJECT: '#b5892b', EVENT: '#d05aa0',
  CORPS_DIVISION: '#4a7f8c', PROGRAMME: '#5c6b73',
};

export interface DrawnNode extends Named { kind: EntityKind }
export interface DrawnEdge { id: string; type: RelationshipType; from: { id: string }; to: { id: string } }

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function elements(nodes: readonly DrawnNode[], edges: readonly DrawnEdge[], centre?: string): ElementDefinition[] {
  const ids = new Set(nodes.map((n) => n.id));
  return [
    // Sorted by kind, so each ring of the layout groups its colours.
    ...[...nodes].sort((a, b) => a.kind.localeCompare(b.kind)).map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: bothNames(n), kind: n.kind, colour: KIND_COLOURS[n.kind], centre: n.id === centre ? 1 : 0 } })),
    ...edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id))
      .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.from.id, target: e.to.id, type: e.type, label: typeLabel(e.type) } })),
  ];
}

export function drawGraph(container: HTMLElement, els: ElementDefinition[]): Core {
  return cytoscape({
    container,
    elements: els,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(colour)', label: 'data(label)', 'font-family': FONT, 'font-size': 11,
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '140px',
        width: 18, height: 18, 'min-zoomed-font-size': 6, color: '#1b1b1b',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.7, 'text-background-padding': '1px',
      } },
      { selector: 'node[centre = 1]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#9aa4b1', 'target-arrow-color': '#9aa4b1', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: 'data(label)', 'font-family': FONT, 'font-size': 9, color: '#555',
        'text-rotation': 'autorotate', 'min-zoomed-font-size': 8,
      } },
      { selector: 'edge[type = "TWINNED_WITH"]', style: { width: 3, 'line-color': '#1f4e9c', 'target-arrow-color': '#1f4e9c' } },
      { selector: 'edge[type = "SUPPORTS"]', style: { width: 2.5, 'line-color': '#d0342c', 'target-arrow-color': '#d0342c' } },
      { selector: ':selected', style: { 'overlay-color': '#f5b400', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
    ],
  });
}

/** Rings by distance from the centre: readable at once, and fast at 500 nodes. */
export function concentric(cy: Core, centre: string): void {
  const hops = new Map<string, number>([[centre, 0]]);
  const queue = [centre];
  while (queue.length) {
    const id = queue.shift()!;
    cy.getElementById(id).neighborhood('node').forEach((n) => {
      if (!hops.has(n.id())) { hops.set(n.id(), hops.get(id)! + 1); queue.push(n.id()); }
    });
  }
  // Entities the drawn edges do not reach go to the outer ring.
  cy.layout({ name: 'concentric', concentric: (n) => 100 - (hops.get(n.id()) ?? 50), levelWidth: () => 1, minNodeSpacing: 18, animate: false }).run();
}

export function breadthfirst(cy: Core, root: string): void {
  cy.layout({ name: 'breadthfirst', roots: [root], directed: false, spacingFactor: 1.2, animate: false }).run();
}
