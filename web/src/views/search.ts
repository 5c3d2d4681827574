// Search: one box for Chinese, English, pinyin, Tibetan or Uyghur script or a division code, kind
// filters (folded away on a phone), and for every hit its kind and parent chain, so two places of
// one name can be told apart. Text past the API's 200 characters is cut there, saying so, with the
// form still on the page; an empty search says what to type; the list says how many it holds,
// pages on, and can be narrowed to one province.
import { request } from '../api.js';
import { fill, h } from '../dom.js';
import { ALL_KINDS, kindLabel, list, t } from '../i18n.js';
import { entityLink, primaryName } from '../names.js';
import { go, href, listParam, type Route } from '../route.js';
import { SearchDocument, type EntityKind, type SearchQuery } from '../../generated/graphql.js';

type Hit = SearchQuery['search'][number];
type Place = { id: string; name: string; nameZh?: string | null };

/** The API's limit on search text (longer text is refused there). */
export const MAX_SEARCH = 200;
/** How many hits the page asks for (the API's most), and shows at a time. */
const ASK = 100;
const PAGE = 20;

/** The places a hit lies in, nearest first: its ancestors, or the place it is in and that place's ancestors. */
export function parentChain(e: Hit | { ancestors?: unknown; locatedIn?: unknown }): Place[] {
  const x = e as { ancestors?: Place[]; locatedIn?: Place & { ancestors: Place[] } | null };
  if (x.ancestors) return x.ancestors;
  if (x.locatedIn) return [x.locatedIn, ...x.locatedIn.ancestors];
  return [];
}

/** The province a hit lies in (the last of its chain), or the hit itself when it is one. */
function provinceOf(hit: Hit): Place | undefined {
  if (hit.kind === 'PROVINCE') return hit;
  const chain = parentChain(hit);
  return chain[chain.length - 1];
}

export async function searchView(main: HTMLElement, route: Route): Promise<void> {
  const asked = route.params.get('q') ?? '';
  const q = asked.slice(0, MAX_SEARCH);
  const kinds = listParam(route.params, 'kinds') as EntityKind[];
  const province = route.params.get('province') ?? '';
  const input = h('input', { type: 'search', name: 'q', value: q, maxlength: MAX_SEARCH, placeholder: t('searchPlaceholder'), 'aria-label': t('search'), autofocus: true });
  const boxes = ALL_KINDS.map((k) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'kind', value: k, checked: kinds.includes(k) }), kindLabel(k)));
  const form = h('form', { class: 'search', role: 'search', onsubmit: (e: Event) => {
    e.preventDefault();
    const chosen = boxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
    go(href('search', undefined, { q: input.value.trim().slice(0, MAX_SEARCH), kinds: chosen.join(',') }));
  } },
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, t('search'))),
    // Folded on a phone unless a kind is chosen, so the first result stays in view.
    h('details', { class: 'kinds-filter', open: kinds.length > 0 || window.innerWidth > 700 },
      h('summary', {}, `${t('kinds')}${kinds.length ? `: ${list(kinds.map(kindLabel))}` : ''}`),
      h('fieldset', { class: 'kinds' }, h('legend', { class: 'sr-only' }, t('kinds')), boxes)));
  const results = h('section', { id: 'results', 'aria-live': 'polite' });
  fill(main, h('h1', {}, t('search')), h('p', { class: 'intro' }, t('searchIntro')), form,
    asked.length > MAX_SEARCH && h('p', { class: 'notice', role: 'status', id: 'search-trimmed' }, t('tooLong')), results);
  if (!q.trim()) return fill(results, h('p', { class: 'hint', id: 'search-hint' }, t('emptySearch')));
  results.append(h('p', {}, t('loading')));
  let search: Hit[];
  try {
    ({ search } = await request(SearchDocument, { text: q, kinds: kinds.length ? kinds : null, first: ASK }));
  } catch (err) {
    // The form stays: a refused search is something to correct, not a dead end.
    return fill(results, h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
  }
  document.title = `${q} · aidgraph`;
  if (search.length === 0) return fill(results, h('p', {}, t('noHits')), h('p', { class: 'hint' }, t('emptySearch')));

  // Provinces among the hits, to narrow a long list (和平村 is a village name in many provinces).
  const provinces = new Map<string, Place>();
  for (const hit of search) { const p = provinceOf(hit); if (p) provinces.set(p.id, p); }
  const hits = province ? search.filter((hit) => provinceOf(hit)?.id === province) : search;
  const capped = search.length === ASK;
  const select = h('select', { name: 'province', 'aria-label': t('province'), onchange: () => go(href('search', undefined, { q, kinds: kinds.join(','), province: select.value })) },
    h('option', { value: '' }, t('allProvinces')),
    [...provinces.values()].map((p) => h('option', { value: p.id, selected: p.id === province }, primaryName(p))));
  const ol = h('ol', { class: 'hits' });
  const more = h('p', {});
  let shown = 0;
  const status = h('p', { class: 'status', id: 'search-status' });
  const showMore = () => {
    ol.append(...hits.slice(shown, shown + PAGE).map(hitItem));
    shown = Math.min(hits.length, shown + PAGE);
    status.textContent = `${t('showing')} ${shown} / ${province || !capped ? '' : `${t('atLeastMatches')} `}${hits.length} ${t('matches')}`;
    fill(more, shown < hits.length && h('button', { type: 'button', id: 'search-more', onclick: showMore }, `${t('more')} (${hits.length - shown})`));
  };
  fill(results, h('div', { class: 'result-head' }, status, (provinces.size > 1 || search.length > PAGE) && h('label', { class: 'province-filter' }, `${t('province')} `, select)),
    capped && !province && h('p', { class: 'hint' }, t('narrowHint')), ol, more);
  showMore();
}

function hitItem(hit: Hit): HTMLElement {
  const chain = parentChain(hit);
  // Aliases that repeat a name already shown are not printed again.
  const aliases = hit.aliases.filter((a) => a !== hit.name && a !== hit.nameZh).slice(0, 4);
  return h('li', { class: 'hit', 'data-id': hit.id },
    entityLink(hit, true),
    chain.length > 0 && h('div', { class: 'chain' }, chain.map((p) => primaryName(p)).join(' › ')),
    h('div', { class: 'meta' }, h('code', {}, hit.id), 'code' in hit && hit.code ? ` · ${t('code')} ${hit.code}` : '',
      aliases.length ? ` · ${list(aliases)}` : ''));
}
