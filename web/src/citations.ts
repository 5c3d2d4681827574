// Evidence as a reader checks it: the quote, highlighted, then the source's title (to the source
// view), publisher, date and a link to the original.
import { h } from './dom.js';
import { t } from './i18n.js';
import { href } from './route.js';
import type { CitationFieldsFragment } from '../generated/graphql.js';

export function citation(c: CitationFieldsFragment): HTMLElement {
  const s = c.source;
  return h('li', { class: 'citation' },
    h('blockquote', {}, h('mark', {}, c.quote)),
    h('div', { class: 'cite-meta' },
      h('a', { href: href('source', s.id), class: 'source-title' }, s.title),
      s.titleEn && h('span', { class: 'alt' }, ` (${s.titleEn})`),
      ' · ', h('span', { class: 'publisher' }, s.publisher),
      ' · ', h('time', { datetime: s.publishedAt }, s.publishedAt),
      s.url && [' · ', h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', class: 'external' }, t('link'))]));
}

export function citationList(cites: readonly CitationFieldsFragment[]): HTMLElement {
  return h('ul', { class: 'citations' }, cites.map(citation));
}

/** Citations folded under a count, for lists where every row has its own evidence. */
export function foldedCitations(cites: readonly CitationFieldsFragment[], open = false): HTMLElement | null {
  if (!cites.length) return null;
  return h('details', { class: 'evidence', open }, h('summary', {}, `${t('citations')} (${cites.length})`), citationList(cites));
}
