// Search: one box for Chinese, English, pinyin or a division code, kind filters, and for every
// hit its kind and parent chain, so two places of one name can be told apart.
import { request } from '../api.js';
import { fill, h } from '../dom.js';
import { ALL_KINDS, kindLabel, t } from '../i18n.js';
import { entityLink, primaryName } from '../names.js';
import { go, href, listParam, type Route } from '../route.js';
import { SearchDocument, type EntityKind, type SearchQuery } from '../../generated/graphql.js';

type Hit = SearchQuery['search'][number];

/** The places a hit lies in, nearest first: its ancestors, or its location and the location's ancestors. */
export function parentChain(e: Hit | { ancestors?: unknown; location?: unknown }): Array<{ id: string; name: string; nameZh?: string | null }> {
  const x = e as { ancestors?: Array<{ id: string; name: string; nameZh?: string | null }>; location?: { id: string; name: string; nameZh?: string | null; ancestors: Array<{ id: string; name: string; nameZh?: string | null }> } | null };
  if (x.ancestors) return x.ancestors;
  if (x.location) return [x.location, ...x.location.ancestors];
  return [];
}

export async function searchView(main: HTMLElement, route: Route): Promise<void> {
  const q = route.params.get('q') ?? '';
  const kinds = listParam(route.params, 'kinds') as EntityKind[];
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: t('searchPlaceholder'), 'aria-label': t('search'), autofocus: true });
  const boxes = ALL_KINDS.map((k) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'kind', value: k, checked: kinds.includes(k) }), kindLabel(k)));
  const form = h('form', { class: 'search', role: 'search', onsubmit: (e: Event) => {
    e.preventDefault();
    const chosen = boxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
    go(href('search', undefined, { q: input.value.trim(), kinds: chosen.join(',') }));
  } },
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, t('search'))),
    h('fieldset', { class: 'kinds' }, h('legend', {}, t('kinds')), boxes));
  const results = h('section', { id: 'results', 'aria-live': 'polite' });
  fill(main, h('h1', {}, t('search')), h('p', { class: 'intro' }, t('searchIntro')), form, results);
  if (!q) return;
  results.append(h('p', {}, t('loading')));
  const { search } = await request(SearchDocument, { text: q, kinds: kinds.length ? kinds : null, first: 50 });
  document.title = `${q} · aidgraph`;
  fill(results, search.length === 0 ? h('p', {}, t('noHits')) : h('ol', { class: 'hits' }, search.map((hit) => {
    const chain = parentChain(hit);
    return h('li', { class: 'hit', 'data-id': hit.id },
      entityLink(hit, true),
      chain.length > 0 && h('div', { class: 'chain' }, chain.map((p) => primaryName(p)).join(' › ')),
      h('div', { class: 'meta' }, h('code', {}, hit.id), 'code' in hit && hit.code ? ` · ${t('code')} ${hit.code}` : '',
        hit.aliases.length ? ` · ${hit.aliases.slice(0, 4).join(', ')}` : ''));
  })));
}
