// An entity's page: names and aliases, kind, place breadcrumb, key figures with their qualifiers,
// every citation, its relationships each with evidence, and its timeline.
import { request } from '../api.js';
import { citationList, foldedCitations } from '../citations.js';
import { fill, h } from '../dom.js';
import { kindLabel, modeLabel, t, typeLabel } from '../i18n.js';
import { entityLink, primaryName, secondaryName } from '../names.js';
import { href, type Route } from '../route.js';
import { parentChain } from './search.js';
import { EntityPageDocument, type EntityPageQuery, type RelationshipType } from '../../generated/graphql.js';

type Entity = NonNullable<EntityPageQuery['entity']>;
type Figure = Entity['quantities'][number];

/** When a figure is for: a year, a span, or "as of". */
function when(q: Figure): string {
  if (q.from || q.until) return `${q.from ?? ''}–${q.until ?? ''}`;
  if (q.year) return String(q.year);
  return q.asOf ?? '';
}

const PLACE_KINDS = new Set(['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'CORPS_DIVISION']);

export async function entityView(main: HTMLElement, route: Route): Promise<void> {
  const id = route.arg ?? '';
  const { entity, timeline } = await request(EntityPageDocument, { id });
  if (!entity) return fill(main, h('h1', {}, t('notFound')), h('p', {}, h('code', {}, id)));
  document.title = `${primaryName(entity)} · aidgraph`;
  const chain = parentChain(entity).slice().reverse();
  const second = secondaryName(entity);
  const code = 'code' in entity ? entity.code : undefined;

  const byType = new Map<RelationshipType, Entity['relationships']>();
  for (const r of entity.relationships) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);

  fill(main,
    h('nav', { class: 'breadcrumb', 'aria-label': 'breadcrumb' },
      h('ol', {}, chain.map((p) => h('li', {}, h('a', { href: href('entity', p.id) }, primaryName(p)))), h('li', { 'aria-current': 'page' }, primaryName(entity)))),
    h('header', { class: 'entity-head' },
      h('h1', {}, primaryName(entity), second && h('span', { class: 'alt' }, ` ${second}`)),
      h('p', { class: 'meta' }, h('span', { class: `kind k-${entity.kind}` }, kindLabel(entity.kind)), ' ', h('code', {}, entity.id),
        code && ` · ${t('code')} ${code}`),
      entity.aliases.length > 0 && h('p', { class: 'aliases' }, `${t('aliases')}: `, entity.aliases.join(' · ')),
      h('p', { class: 'actions' },
        h('a', { class: 'button', href: href('network', entity.id) }, t('network')),
        h('a', { class: 'button', href: href('path', undefined, { from: entity.id }) }, t('path')),
        PLACE_KINDS.has(entity.kind) && h('a', { class: 'button', href: href('twinnings', undefined, { supporter: entity.id }) }, `${t('twinnings')} (${t('supporter')})`),
        PLACE_KINDS.has(entity.kind) && h('a', { class: 'button', href: href('twinnings', undefined, { recipient: entity.id }) }, `${t('twinnings')} (${t('recipient')})`))),
    entity.quantities.length > 0 && h('section', { id: 'figures' },
      h('h2', {}, t('figures')),
      h('table', { class: 'figures' }, h('tbody', {}, entity.quantities.map((q) => h('tr', {},
        h('th', { scope: 'row' }, primaryName({ id: q.metric, name: q.definition.label, nameZh: q.definition.labelZh })),
        h('td', { class: 'figure' }, q.text),
        h('td', {}, when(q)),
        h('td', {}, foldedCitations(q.sources))))))),
    h('section', { id: 'citations' }, h('h2', {}, `${t('citations')} (${entity.sources.length})`), citationList(entity.sources)),
    h('section', { id: 'relationships' }, h('h2', {}, `${t('relationships')} (${entity.relationships.length})`),
      [...byType].map(([type, rels]) => h('div', { class: 'rel-group' },
        h('h3', {}, typeLabel(type)),
        h('ul', {}, rels.map((r) => {
          const outgoing = r.from.id === entity.id;
          const other = outgoing ? r.to : r.from;
          return h('li', { class: 'rel', 'data-id': r.id }, outgoing ? `→ ` : `← `, entityLink(other, true),
            typeof r.properties.mode === 'string' && h('span', { class: 'mode' }, ` ${modeLabel(r.properties.mode)}`),
            foldedCitations(r.sources));
        }))))),
    timeline && timeline.length > 0 && h('section', { id: 'timeline' }, h('h2', {}, t('timeline')),
      h('ol', { class: 'timeline' }, timeline.map((e) => h('li', {},
        h('time', {}, e.until ? `${e.date}–${e.until}` : e.date), ' ', h('span', {}, e.what), foldedCitations(e.sources))))));
}
