// An entity's page: names and aliases, kind, place breadcrumb, key figures with their qualifiers,
// every citation, its relationships each with evidence, and its timeline.
import { request } from '../api.js';
import { citationList, foldedCitations, impliedNote, isImplied } from '../citations.js';
import { fill, h } from '../dom.js';
import { figure, kindLabel, lang, list, metricName, modeLabel, propertyLabel, roleLabel, scriptLabel, t, typeLabel, typeName } from '../i18n.js';
import { entityLink, primaryName, secondaryName } from '../names.js';
import { href, type Route } from '../route.js';
import { parentChain } from './search.js';
import { EntityPageDocument, EntityTimelineDocument, type EntityPageQuery, type EntityTimelineQuery, type RelationshipType } from '../../generated/graphql.js';

type Entity = NonNullable<EntityPageQuery['entity']>;
type Figure = Entity['quantities'][number];

type Entry = NonNullable<EntityTimelineQuery['timeline']>[number];

/** When a figure is for: a year, a span, a change's two years, or the day a source reported it. */
function when(q: Figure): string {
  if (q.measure === 'CHANGE' && q.baselineYear && q.year) return `${q.baselineYear}–${q.year}`;
  if (q.since || q.until) return `${q.since ?? ''}–${q.until ?? ''}`;
  if (q.year) return String(q.year);
  return q.asOf ? `${t('reportedOn')} ${q.asOf}` : '';
}

/** A timeline entry in the reader's language, read from the fact itself (not the API's English sentence). */
function describe(e: Entry, self: { id: string; name: string; nameZh?: string | null }): HTMLElement {
  const a = e.about;
  if ('type' in a && a.type && 'from' in a) {
    const p = a.properties as Record<string, unknown>;
    const extra = [typeof p.mode === 'string' ? modeLabel(p.mode) : null, typeof p.role === 'string' ? roleLabel(p.role) : null].filter((x): x is string => !!x);
    return h('span', {}, entityLink(a.from), ` ${typeLabel(a.type)} `, entityLink(a.to), extra.length ? ` (${list(extra)})` : '');
  }
  if ('metric' in a && a.metric) {
    const f = figure({ value: a.value, unit: a.unit, qualifier: a.qualifier, measure: a.measure });
    return h('span', {}, `${metricName(a.metric)}: ${f}`, a.subjectId !== self.id ? h('span', { class: 'alt' }, ` · ${a.subjectId}`) : '');
  }
  if ('kind' in a && a.kind) return h('span', {}, entityLink({ id: a.id, name: a.name, nameZh: a.nameZh, kind: a.kind }), e.property ? ` ${propertyLabel(e.property)}` : '');
  return h('span', {}, primaryName(self));
}

/** A twinning's start as a reader says it: "about 1994". */
function dateOf(e: Entry): string {
  const p = 'properties' in e.about ? e.about.properties as Record<string, unknown> : {};
  const approx = p.sinceQualifier === 'APPROXIMATELY' && String(p.since) === e.date ? `${t('about')} ` : '';
  return `${approx}${e.until ? `${e.date}–${e.until}` : e.date}`;
}

const PLACE_KINDS = new Set(['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'CORPS_DIVISION']);

export async function entityView(main: HTMLElement, route: Route): Promise<void> {
  const id = route.arg ?? '';
  const [{ entity }, { timeline }] = await Promise.all([request(EntityPageDocument, { id }), request(EntityTimelineDocument, { id })]);
  if (!entity) return fill(main, h('h1', {}, t('notFound')), h('p', {}, h('code', {}, id)));
  document.title = `${primaryName(entity)} · aidgraph`;
  const chain = parentChain(entity).slice().reverse();
  const second = secondaryName(entity);
  const code = 'code' in entity ? entity.code : undefined;
  const scriptNames = 'scriptNames' in entity ? entity.scriptNames : [];
  // Each name once: an alias that repeats a name shown above is not printed again.
  const aliases = entity.aliases.filter((a) => a !== entity.name && a !== entity.nameZh);

  const byType = new Map<RelationshipType, Entity['relationships']>();
  for (const r of entity.relationships) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);

  fill(main,
    h('nav', { class: 'breadcrumb', 'aria-label': 'breadcrumb' },
      h('ol', {}, chain.map((p) => h('li', {}, h('a', { href: href('entity', p.id) }, primaryName(p)))), h('li', { 'aria-current': 'page' }, primaryName(entity)))),
    h('header', { class: 'entity-head' },
      h('h1', {}, primaryName(entity), second && h('span', { class: 'alt' }, ` ${second}`)),
      h('p', { class: 'meta' }, h('span', { class: `kind k-${entity.kind}` }, kindLabel(entity.kind)), ' ', h('code', {}, entity.id),
        code && ` · ${t('code')} ${code}`),
      aliases.length > 0 && h('p', { class: 'aliases' }, `${t('aliases')}: `, list(aliases)),
      // Names in the scripts of the place's languages (GeoNames, cited in the API and JSON-LD).
      scriptNames.length > 0 && h('p', { class: 'script-names' }, scriptNames.map((n, i) => h('span', {},
        i > 0 ? ' · ' : '', `${scriptLabel(n.script)}: `, h('span', { lang: n.script === 'TIBETAN' ? 'bo' : 'ug', dir: n.script === 'UYGHUR' ? 'rtl' : 'auto' }, n.text)))),
      h('p', { class: 'actions' },
        h('a', { class: 'button', href: href('network', entity.id) }, t('network')),
        h('a', { class: 'button', href: href('path', undefined, { from: entity.id }) }, t('path')),
        PLACE_KINDS.has(entity.kind) && h('a', { class: 'button', href: href('twinnings', undefined, { supporter: entity.id }) }, `${t('twinnings')} (${t('supporter')})`),
        PLACE_KINDS.has(entity.kind) && h('a', { class: 'button', href: href('twinnings', undefined, { recipient: entity.id }) }, `${t('twinnings')} (${t('recipient')})`),
        entity.kind === 'PROGRAMME' && h('a', { class: 'button', id: 'programme-page', href: href('programme', entity.id) }, t('programme')))),
    entity.quantities.length > 0 && h('section', { id: 'figures' },
      h('h2', {}, t('figures')),
      h('table', { class: 'figures' }, h('tbody', {}, entity.quantities.map((q) => h('tr', {},
        h('th', { scope: 'row' }, lang === 'zh' ? q.definition.labelZh : q.definition.label),
        h('td', { class: 'figure' }, figure(q)),
        h('td', {}, when(q)),
        h('td', {}, foldedCitations(q.sources))))))),
    h('section', { id: 'citations' }, h('h2', {}, `${t('citations')} (${entity.sources.length})`), citationList(entity.sources)),
    h('section', { id: 'relationships' }, h('h2', {}, `${t('relationships')} (${entity.relationships.length})`),
      [...byType].map(([type, rels]) => h('div', { class: 'rel-group' },
        h('h3', {}, typeName(type)),
        h('ul', {}, rels.map((r) => {
          // Every line reads from the edge's start to its end: 大连市 supports 索县人民医院.
          const props = r.properties as Record<string, unknown>;
          return h('li', { class: `rel${isImplied(r.sources) ? ' is-implied' : ''}`, 'data-id': r.id },
            entityLink(r.from, r.from.id !== entity.id), ` ${typeLabel(r.type)} `, entityLink(r.to, r.to.id !== entity.id),
            typeof props.mode === 'string' && h('span', { class: 'mode' }, ` · ${modeLabel(props.mode)}`),
            typeof props.programme === 'string' && props.programme.startsWith('programme:') &&
              h('a', { class: 'programme-link', href: href('programme', props.programme) }, ` · ${t('programme')}`),
            impliedNote(r.sources, props.note),
            foldedCitations(r.sources));
        }))))),
    timeline && timeline.length > 0 && timelineSection(timeline, entity));
}

/** The entries the page asks for (web/operations: the cost limit allows this many with their facts). */
const TIMELINE_PAGE = 60;

/** Facts dated by when they happened; those only a source's date places, apart, as "reported on". */
function timelineSection(timeline: Entry[], self: { id: string; name: string; nameZh?: string | null }): HTMLElement {
  const dated = timeline.filter((e) => e.dating === 'EVENT');
  const reported = timeline.filter((e) => e.dating === 'REPORTED');
  const item = (e: Entry, date: string) => h('li', { 'data-dating': e.dating }, h('time', {}, date), ' ', describe(e, self), foldedCitations(e.sources));
  return h('section', { id: 'timeline' }, h('h2', {}, t('timeline')),
    timeline.length >= TIMELINE_PAGE && h('p', { class: 'status' }, `${t('firstEntries')} ${TIMELINE_PAGE}`),
    dated.length > 0 && h('ol', { class: 'timeline' }, dated.map((e) => item(e, dateOf(e)))),
    reported.length > 0 && [h('h3', {}, t('reportedTitle')),
      h('ol', { class: 'timeline reported' }, reported.map((e) => item(e, `${t('reportedOn')} ${e.date}`)))]);
}
