// Evidence as a reader checks it: the quote, highlighted, whether it states the fact or only
// supports reading it as implied, then the source's title (to the source view), publisher, date, a
// link to the original, whether the text is a stored copy or excerpt, and its licence. The API lists stating quotes first; a fact none of whose quotes states it
// is shown as implied, with the note that says why.
import { h } from './dom.js';
import { evidenceLabel, t } from './i18n.js';
import { href } from './route.js';
import type { CitationFieldsFragment } from '../generated/graphql.js';

export function citation(c: CitationFieldsFragment): HTMLElement {
  const s = c.source;
  return h('li', { class: `citation evidence-${c.evidence.toLowerCase()}`, 'data-evidence': c.evidence },
    h('blockquote', {}, h('mark', {}, c.quote)),
    h('div', { class: 'cite-meta' },
      c.evidence === 'IMPLIES' && [h('span', { class: 'evidence-tag' }, evidenceLabel(c.evidence)), ' · '],
      h('a', { href: href('source', s.id), class: 'source-title' }, s.title),
      s.titleEn && h('span', { class: 'alt' }, ` (${s.titleEn})`),
      ' · ', h('span', { class: 'publisher' }, s.publisher),
      ' · ', h('time', { datetime: s.publishedAt }, s.publishedAt),
      s.url && [' · ', h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', class: 'external' }, t('link'))],
      // What the quote was checked against: a stored copy (an excerpt states only what it holds), and whose text it is.
      s.storedCopy && [' · ', h('span', { class: 'stored-copy', 'data-excerpt': String(s.excerpt) }, t(s.excerpt ? 'storedExcerpt' : 'storedCopy'))],
      ' · ', h('span', { class: 'licence' }, `${t('licence')}: ${s.license}`)));
}

export function citationList(cites: readonly CitationFieldsFragment[]): HTMLElement {
  return h('ul', { class: 'citations' }, cites.map(citation));
}

/** Whether a fact is implied: cited, but by no quote that states it. */
export const isImplied = (cites: readonly CitationFieldsFragment[]): boolean => cites.length > 0 && !cites.some((c) => c.evidence === 'STATES');

/** "Implied" and the note that says why, for a fact no quote states; nothing for a stated one. */
export function impliedNote(cites: readonly CitationFieldsFragment[], note: unknown): HTMLElement | null {
  if (!isImplied(cites)) return null;
  return h('p', { class: 'implied' }, h('strong', {}, t('implied')), ' ', t('impliedWhy'), typeof note === 'string' && note ? h('span', { class: 'note' }, ` ${note.replace(/^(implied|inferred)\s*[:;,]\s*/i, '')}`) : null);
}

/** Citations folded under a count, for lists where every row has its own evidence. */
export function foldedCitations(cites: readonly CitationFieldsFragment[], open = false): HTMLElement | null {
  if (!cites.length) return null;
  return h('details', { class: 'evidence', open }, h('summary', {}, `${t('citations')} (${cites.length})`), citationList(cites));
}
