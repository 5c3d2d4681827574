// The network view: the neighbourhood of one entity drawn with Cytoscape.js, with a legend by
// kind, filters by kind, edge type and depth, expansion (double click, or the list's button; the
// URL keeps the expanded nodes, so a link restores them; undo drops the last), "N more not shown"
// when the API's limit cut, an edge's citations on click, and PNG/JSON export. The same nodes and
// edges are listed as text, for keyboards, screen readers and tests.
import type { Core } from 'cytoscape';
import { request } from '../api.js';
import { citationList, impliedNote } from '../citations.js';
import { download, fill, h } from '../dom.js';
import { ALL_KINDS, ALL_TYPES, kindLabel, modeLabel, t, typeLabel, typeName } from '../i18n.js';
import { bothNames, entityLink, primaryName } from '../names.js';
import { go, href, listParam, type Route } from '../route.js';
import { ADMINISTRATIVE, concentric, drawGraph, EDGE_STYLES, elements, KIND_COLOURS, labelCollisions } from '../graph.js';
import { NeighborhoodDocument, type EdgeFieldsFragment, type EntityKind, type EntityLabelFragment, type NeighborhoodQuery, type RelationshipType } from '../../generated/graphql.js';

type Subgraph = NonNullable<NeighborhoodQuery['neighborhood']>;

export interface NetworkState { id: string; depth: number; limit: number; kinds: EntityKind[]; types: RelationshipType[]; expand: string[]; year: number | undefined }

export function networkState(route: Route): NetworkState {
  const p = route.params;
  const int = (key: string, min: number, max: number, fallback: number) => {
    const n = Number(p.get(key));
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  return {
    id: route.arg ?? '',
    depth: int('depth', 1, 3, 1),
    limit: int('limit', 1, 500, 100),
    kinds: listParam(p, 'kinds').filter((k): k is EntityKind => (ALL_KINDS as string[]).includes(k)),
    types: listParam(p, 'types').filter((k): k is RelationshipType => (ALL_TYPES as string[]).includes(k)),
    expand: listParam(p, 'expand'),
    year: int('year', 1900, 2100, 0) || undefined,
  };
}

export const networkHref = (s: NetworkState): string => href('network', s.id, {
  depth: s.depth === 1 ? undefined : s.depth, limit: s.limit === 100 ? undefined : s.limit,
  kinds: s.kinds.join(','), types: s.types.join(','), expand: s.expand.join(','), year: s.year,
});

/** The centre's neighbourhood and one hop around each expanded node, merged. */
async function load(s: NetworkState): Promise<{ main: Subgraph | null; nodes: EntityLabelFragment[]; edges: EdgeFieldsFragment[] }> {
  const ask = (id: string, depth: number) => request(NeighborhoodDocument, {
    id, depth, limit: s.limit, kinds: s.kinds.length ? s.kinds : null, types: s.types.length ? s.types : null, asOf: s.year ?? null,
  }).then((r) => r.neighborhood);
  const [main, ...more] = await Promise.all([ask(s.id, s.depth), ...s.expand.map((id) => ask(id, 1))]);
  const nodes = new Map<string, EntityLabelFragment>();
  const edges = new Map<string, EdgeFieldsFragment>();
  for (const g of [main, ...more]) {
    for (const n of g?.nodes ?? []) nodes.set(n.id, n);
    for (const e of g?.edges ?? []) edges.set(e.id, e);
  }
  return { main, nodes: [...nodes.values()], edges: [...edges.values()] };
}

export async function networkView(main: HTMLElement, route: Route): Promise<void> {
  const s = networkState(route);
  const { main: sub, nodes, edges } = await load(s);
  if (!sub) return fill(main, h('h1', {}, t('notFound')), h('p', {}, h('code', {}, s.id)));
  const centre = sub.nodes.find((n) => n.id === s.id) ?? nodes[0]!;
  document.title = `${t('network')}: ${primaryName(centre)} · aidgraph`;
  const byId = new Map(nodes.map((n) => [n.id, n]));

  // One count everywhere: what is drawn and listed (the centre, what lies around it, what expansions
  // added) against what lies within reach (totalNodes counts around the centre, not the centre).
  const total = sub.totalNodes + 1 + (nodes.length - sub.nodes.length);
  const hidden = sub.totalNodes - (sub.nodes.length - 1);
  const status = h('p', { class: 'status', id: 'network-status', 'data-shown': nodes.length, 'data-total': total },
    `${nodes.length} ${t('of')} ${sub.totalNodesExact ? '' : `${t('atLeast')} `}${total} ${t('shownOf')}`,
    sub.truncated && h('strong', { class: 'more-not-shown' }, ` · ${hidden} ${t('moreNotShown')}`));

  // Filters: they ask the API again (the URL changes), so what is drawn is what the API returns.
  const depth = h('select', { name: 'depth' }, [1, 2, 3].map((d) => h('option', { value: d, selected: d === s.depth }, d)));
  const limit = h('input', { type: 'number', name: 'limit', min: 1, max: 500, value: s.limit });
  const yearInput = h('input', { type: 'number', name: 'year', min: 1900, max: 2100, value: s.year ?? '' });
  const kindCounts = new Map<EntityKind, number>();
  for (const n of nodes) kindCounts.set(n.kind, (kindCounts.get(n.kind) ?? 0) + 1);
  const typeCounts = new Map<RelationshipType, number>();
  for (const e of edges) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
  const kindBoxes = ALL_KINDS.map((k) => h('label', { class: 'check legend-item' },
    h('input', { type: 'checkbox', name: 'kind', value: k, checked: s.kinds.includes(k) }),
    h('span', { class: 'swatch', style: `background:${KIND_COLOURS[k]}` }), `${kindLabel(k)} (${kindCounts.get(k) ?? 0})`));
  const typeBoxes = ALL_TYPES.map((k) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'type', value: k, checked: s.types.includes(k) }), `${typeName(k)} (${typeCounts.get(k) ?? 0})`));
  const edgeLegend = h('ul', { class: 'edge-legend', id: 'edge-legend' }, EDGE_STYLES.map((st) => {
    const n = st.types.reduce((sum, k) => sum + (typeCounts.get(k) ?? 0), 0);
    const name = st.key === 'ADMINISTRATIVE' ? t('administrative') : st.key === 'OTHER' ? t('otherEdges') : typeName(st.types[0]!);
    return h('li', {}, h('span', { class: `line-swatch ls-${st.key.toLowerCase()}` }), `${name} (${n})`);
  }));
  const checked = (boxes: HTMLElement[]) => boxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
  const filters = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go(networkHref({ ...s, depth: Number(depth.value), limit: Math.min(500, Math.max(1, Number(limit.value) || 100)),
      kinds: checked(kindBoxes) as EntityKind[], types: checked(typeBoxes) as RelationshipType[], year: Number(yearInput.value) || undefined }));
  } },
    h('label', {}, `${t('depth')} `, depth), ' ', h('label', {}, `${t('limit')} `, limit), ' ', h('label', {}, `${t('asOfYear')} `, yearInput),
    h('fieldset', { class: 'legend' }, h('legend', {}, `${t('legend')} · ${t('kinds')}`), kindBoxes),
    h('fieldset', {}, h('legend', {}, t('edgeTypes')), typeBoxes),
    h('button', { type: 'submit' }, t('apply')));

  const expandHref = (id: string) => networkHref({ ...s, expand: [...s.expand.filter((x) => x !== id), id] });
  const panel = h('aside', { class: 'panel', id: 'selection', 'aria-live': 'polite' }, h('p', {}, t('selectHint')));
  const showNode = (id: string) => {
    const n = byId.get(id);
    if (!n) return;
    fill(panel, h('h2', {}, entityLink(n, true)), h('p', {},
      h('a', { class: 'button', href: href('entity', id) }, t('open')), ' ',
      h('a', { class: 'button', href: expandHref(id) }, t('expand'))));
  };
  const showEdge = (id: string) => {
    const e = edges.find((x) => x.id === id);
    if (!e) return;
    const from = byId.get(e.from.id), to = byId.get(e.to.id);
    fill(panel, h('h2', { class: 'edge-title' }, from ? entityLink(from) : e.from.id, ` → ${typeLabel(e.type)} → `, to ? entityLink(to) : e.to.id),
      typeof e.properties.mode === 'string' && h('p', {}, modeLabel(e.properties.mode)),
      impliedNote(e.sources, (e.properties as Record<string, unknown>).note),
      h('h3', {}, `${t('citations')} (${e.sources.length})`), citationList(e.sources));
  };

  const canvas = h('div', { class: 'canvas', id: 'network', role: 'img', 'aria-label': `${t('network')}: ${bothNames(centre)}` });
  const exportPng = () => cy && download(`aidgraph-${s.id}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
  const exportJson = () => download(`aidgraph-${s.id}.json`, new Blob([JSON.stringify({
    centre: s.id, query: s, url: location.href, totalNodes: sub.totalNodes, truncated: sub.truncated,
    nodes, edges: edges.map((e) => ({ id: e.id, type: e.type, from: e.from.id, to: e.to.id, properties: e.properties, citations: e.sources })),
  }, null, 2)], { type: 'application/json' }));

  const edgeItem = (e: EdgeFieldsFragment) => h('li', { 'data-id': e.id },
    h('button', { type: 'button', class: 'link', onclick: () => { cy?.$(':selected').unselect(); cy?.getElementById(e.id).select(); showEdge(e.id); panel.scrollIntoView({ block: 'nearest' }); } },
      `${primaryName(byId.get(e.from.id) ?? { id: e.from.id, name: e.from.id })} → ${typeLabel(e.type)} → ${primaryName(byId.get(e.to.id) ?? { id: e.to.id, name: e.to.id })}`));
  const aidEdges = edges.filter((e) => !ADMINISTRATIVE.has(e.type));
  const adminEdges = edges.filter((e) => ADMINISTRATIVE.has(e.type));
  const labelNote = h('p', { class: 'status small', id: 'label-note' });

  fill(main,
    h('h1', {}, `${t('network')}: `, entityLink(centre, true)),
    status,
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', onclick: exportPng }, t('exportPng')),
      h('button', { type: 'button', onclick: exportJson }, t('exportJson')),
      s.expand.length > 0 && h('a', { class: 'button', href: networkHref({ ...s, expand: s.expand.slice(0, -1) }) }, t('undo'))),
    h('div', { class: 'network-layout' }, canvas, panel),
    labelNote,
    h('section', { class: 'legend-box', 'aria-label': t('legend') }, h('h2', {}, t('legend')), edgeLegend),
    h('details', { class: 'filters-box', open: window.innerWidth > 700 }, h('summary', {}, t('filters')), filters),
    h('section', { class: 'lists' },
      h('h2', {}, `${t('entitiesShown')} (${nodes.length})`),
      h('ul', { id: 'node-list', class: 'node-list' }, nodes.map((n) => h('li', { 'data-id': n.id },
        h('span', { class: 'swatch', style: `background:${KIND_COLOURS[n.kind]}` }), entityLink(n, true), ' ',
        h('a', { class: 'small', href: expandHref(n.id), 'aria-label': `${t('expand')} ${bothNames(n)}` }, '+')))),
      h('details', {}, h('summary', {}, `${t('edges')} (${edges.length})`),
        h('ul', { id: 'edge-list' }, aidEdges.map(edgeItem),
          adminEdges.length > 0 && h('li', { class: 'admin-group' }, h('details', {}, h('summary', {}, `${t('administrative')} (${adminEdges.length})`),
            h('ul', { id: 'admin-edge-list' }, adminEdges.map(edgeItem))))))));

  const cy: Core = drawGraph(canvas, elements(nodes, edges, s.id));
  concentric(cy, s.id);
  canvas.dataset.nodes = String(cy.nodes().length);
  canvas.dataset.edges = String(cy.edges().length);
  const noteLabels = () => {
    const culled = Number(cy.scratch('_labelsHidden') ?? 0);
    labelNote.textContent = culled > 0 ? t('labelsHidden') : '';
    canvas.dataset.labelCollisions = String(labelCollisions(cy));
  };
  noteLabels();
  cy.on('zoom', () => setTimeout(noteLabels, 200));
  cy.on('tap', 'node', (e) => showNode(e.target.id()));
  cy.on('tap', 'edge', (e) => showEdge(e.target.id()));
  cy.on('dbltap', 'node', (e) => go(expandHref(e.target.id())));
  (window as unknown as { aidgraphNetwork?: Core }).aidgraphNetwork = cy;
}
