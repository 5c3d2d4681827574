// How are A and B connected: each path the API finds, as a readable chain (安多县 ← 结对支援 —
// 沈阳市 …) with the quotes of every step, and all of them drawn together as a network.
import { request } from '../api.js';
import { citationList, impliedNote } from '../citations.js';
import { fill, h } from '../dom.js';
import { t, typeLabel } from '../i18n.js';
import { bothNames, entityLink } from '../names.js';
import { entityPicker } from '../picker.js';
import { go, href, type Route } from '../route.js';
import { breadthfirst, drawGraph, elements } from '../graph.js';
import { ConnectionsDocument, LabelsDocument, type EdgeFieldsFragment, type EntityLabelFragment } from '../../generated/graphql.js';

async function labelsOf(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { nodes } = await request(LabelsDocument, { ids });
  return new Map(nodes.flatMap((n) => (n && 'name' in n && n.name ? [[n.id, bothNames({ id: n.id, name: n.name, nameZh: n.nameZh })]] : [])));
}

export async function pathView(main: HTMLElement, route: Route): Promise<void> {
  const from = route.params.get('from') ?? undefined;
  const to = route.params.get('to') ?? undefined;
  const hops = Math.min(6, Math.max(1, Number(route.params.get('hops')) || 4));
  const year = Number(route.params.get('year')) || undefined;
  const labels = await labelsOf([from, to].filter((x): x is string => !!x));
  const a = entityPicker(t('from'), 'from', from ? { id: from, label: labels.get(from) ?? from } : undefined);
  const b = entityPicker(t('to'), 'to', to ? { id: to, label: labels.get(to) ?? to } : undefined);
  const hopsInput = h('input', { type: 'number', name: 'hops', min: 1, max: 6, value: hops });
  const yearInput = h('input', { type: 'number', name: 'year', min: 1900, max: 2100, value: year ?? '' });
  const form = h('form', { class: 'path-form', onsubmit: (e: Event) => {
    e.preventDefault();
    go(href('path', undefined, { from: a.value(), to: b.value(), hops: Number(hopsInput.value) === 4 ? undefined : hopsInput.value, year: yearInput.value || undefined }));
  } }, a.element, b.element, h('label', {}, `${t('maxHops')} `, hopsInput), h('label', {}, `${t('asOfYear')} `, yearInput), h('button', { type: 'submit' }, t('find')));
  const results = h('section', { id: 'paths', 'aria-live': 'polite' });
  fill(main, h('h1', {}, t('path')), form, results);
  if (!from || !to) return;

  const { connections } = await request(ConnectionsDocument, { from, to, maxHops: hops, asOf: year });
  if (!connections) return fill(results, h('p', {}, t('notFound')));
  if (!connections.length) return fill(results, h('p', {}, t('noPath')));
  document.title = `${labels.get(from)} → ${labels.get(to)} · aidgraph`;

  const allNodes = new Map<string, EntityLabelFragment>();
  const allEdges = new Map<string, EdgeFieldsFragment>();
  const canvas = h('div', { class: 'canvas small', id: 'path-network' });
  fill(results,
    h('ol', { class: 'paths' }, connections.map((p, i) => {
      p.nodes.forEach((n) => allNodes.set(n.id, n));
      p.relationships.forEach((r) => allEdges.set(r.id, r));
      return h('li', { class: 'path', 'data-index': i },
        (p.since || p.until) && h('p', { class: 'path-years' }, `${t('pathYears')}: ${p.since ?? '…'}–${p.until ?? '…'}`),
        h('p', { class: 'chain' }, p.nodes.map((n, j) => {
          const r = p.relationships[j];
          if (!r) return entityLink(n);
          // The arrow follows the edge: 安多县 ← is paired with ← 沈阳市 when 沈阳市 is the supporter.
          const forward = r.from.id === n.id;
          return [entityLink(n), h('span', { class: `step-type t-${r.type}` }, forward ? ` → ${typeLabel(r.type)} → ` : ` ← ${typeLabel(r.type)} ← `)];
        })),
        h('ol', { class: 'steps' }, p.relationships.map((r, j) => {
          // Each step reads from the edge's start to its end, whichever way the route walks it:
          // 大连市 → supports → 索县人民医院, never the hospital "supporting" Dalian.
          const x = p.nodes[j]!, y = p.nodes[j + 1]!;
          const [start, end] = r.from.id === x.id ? [x, y] : [y, x];
          return h('li', { class: 'step', 'data-id': r.id },
            h('p', { class: 'step-title' }, h('span', { class: 'step-from' }, bothNames(start)), h('span', { class: `step-type t-${r.type}` }, ` → ${typeLabel(r.type)} → `),
              h('span', { class: 'step-to' }, bothNames(end))),
            impliedNote(r.sources, (r.properties as Record<string, unknown>).note),
            citationList(r.sources));
        })));
    })),
    h('h2', {}, t('network')), canvas);
  const cy = drawGraph(canvas, elements([...allNodes.values()], [...allEdges.values()], from));
  breadthfirst(cy, from);
  cy.on('tap', 'node', (e) => go(href('entity', e.target.id())));
}
