// A source, claim by claim: every quote the graph takes from it and what each one proves, so a
// reporter can check the graph against the original.
import { request } from '../api.js';
import { fill, h } from '../dom.js';
import { figure, metricName, t, typeLabel } from '../i18n.js';
import { entityLink } from '../names.js';
import { href, type Route } from '../route.js';
import { SourcePageDocument, type SourcePageQuery } from '../../generated/graphql.js';

type Claim = NonNullable<SourcePageQuery['source']>['claims']['edges'][number]['node'];

function about(c: Claim['about']): HTMLElement | string {
  if ('kind' in c && c.kind) return entityLink({ id: c.id, name: c.name, nameZh: c.nameZh, kind: c.kind }, true);
  if ('type' in c && c.type) return h('span', {}, entityLink(c.from), ` → ${typeLabel(c.type)} → `, entityLink(c.to));
  if ('subjectId' in c && c.metric) return h('span', {}, `${metricName(c.metric)}: `, h('strong', {}, figure(c)), ' · ', h('a', { href: href('entity', c.subjectId) }, c.subjectId));
  return c.id;
}

export async function sourceView(main: HTMLElement, route: Route): Promise<void> {
  const id = route.arg ?? '';
  const { source } = await request(SourcePageDocument, { id });
  if (!source) return fill(main, h('h1', {}, t('notFound')), h('p', {}, h('code', {}, id)));
  document.title = `${source.title} · aidgraph`;
  const list = h('ol', { class: 'claims', id: 'claims' });
  const more = h('p', {});
  const add = (page: NonNullable<SourcePageQuery['source']>['claims']) => {
    list.append(...page.edges.map(({ node }) => h('li', { class: 'claim' }, h('blockquote', {}, h('mark', {}, node.quote)), h('div', { class: 'about' }, about(node.about)))));
    fill(more, page.pageInfo.hasNextPage && h('button', { type: 'button', onclick: async () => {
      const next = await request(SourcePageDocument, { id, after: page.pageInfo.endCursor });
      if (next.source) add(next.source.claims);
    } }, t('more')));
  };
  fill(main,
    h('h1', {}, source.title), source.titleEn && h('p', { class: 'alt' }, source.titleEn),
    h('dl', { class: 'source-meta' },
      h('dt', {}, t('publisher')), h('dd', {}, source.publisher),
      h('dt', {}, t('published')), h('dd', {}, h('time', {}, source.publishedAt)),
      source.authors.length > 0 && [h('dt', {}, '✍'), h('dd', {}, source.authors.join(', '))],
      source.url && [h('dt', {}, t('link')), h('dd', {}, h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.url))],
      h('dt', {}, '©'), h('dd', {}, `${source.license} · ${source.rightsHolder ?? ''}`)),
    h('p', { class: 'usage' }, source.usageNote),
    h('h2', {}, `${t('claims')} (${source.claims.totalCount})`), list, more);
  add(source.claims);
}
