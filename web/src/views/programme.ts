// A programme's page (#/programme/<id>, and #/programme for the list): what it is, with its
// citations; its twinnings as a table (supporter, recipient, since, until, sources) and as a
// supporter × recipient matrix; and the figures stated per supporter, each with its qualifier and
// evidence. An "as of" year, kept in the URL, keeps what was active that year.
import { request } from '../api.js';
import { foldedCitations } from '../citations.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { bothNames, entityLink, primaryName } from '../names.js';
import { go, href, type Route } from '../route.js';
import { ProgrammeListDocument, ProgrammePageDocument, type ProgrammePageQuery } from '../../generated/graphql.js';

type Programme = NonNullable<ProgrammePageQuery['programme']>;
type TwinningRow = Programme['twinnings'][number];

/** A year with its qualifier's mark (≈ 1995) and, for an end the programme's term gives, the mark that says so. */
function year(value: number | null | undefined, qualifier: string | null | undefined, fromTerm = false): string {
  if (!value) return '';
  const mark = qualifier === 'APPROXIMATELY' ? '≈ ' : qualifier === 'AT_LEAST' ? '≥ ' : qualifier === 'AT_MOST' ? '≤ ' : '';
  return `${mark}${value}${fromTerm ? ` (${t('fromTerm')})` : ''}`;
}

async function listView(main: HTMLElement): Promise<void> {
  const { programmes } = await request(ProgrammeListDocument, {});
  fill(main, h('h1', {}, t('programmes')), h('ul', { class: 'programmes' }, programmes.map((p) => h('li', {},
    h('a', { href: href('programme', p.id), 'data-id': p.id }, bothNames(p)), p.since ? ` · ${t('since')} ${p.since}` : ''))));
}

function table(rows: readonly TwinningRow[]): HTMLElement {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'twinnings', id: 'programme-twinnings' },
    h('thead', {}, h('tr', {}, [t('supporter'), t('recipient'), t('since'), t('until'), t('citations')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-id': r.id },
      h('td', {}, entityLink(r.supporter)), h('td', {}, entityLink(r.recipient)),
      h('td', {}, year(r.since, r.sinceQualifier)), h('td', {}, year(r.until, r.untilQualifier, r.untilBasis === 'PROGRAMME_TERM')),
      h('td', {}, foldedCitations(r.sources)))))));
}

/** Supporters down, recipients across; a cell marks a twinning (its years as its title). */
function matrix(rows: readonly TwinningRow[]): HTMLElement {
  const supporters = [...new Map(rows.map((r) => [r.supporter.id, r.supporter])).values()];
  const recipients = [...new Map(rows.map((r) => [r.recipient.id, r.recipient])).values()];
  const cell = new Map(rows.map((r) => [`${r.supporter.id}|${r.recipient.id}`, r]));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'matrix', id: 'programme-matrix' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, `${t('supporter')} \\ ${t('recipient')}`),
      recipients.map((r) => h('th', { scope: 'col', 'data-id': r.id }, primaryName(r))))),
    h('tbody', {}, supporters.map((s) => h('tr', { 'data-id': s.id }, h('th', { scope: 'row' }, primaryName(s)),
      recipients.map((r) => {
        const x = cell.get(`${s.id}|${r.id}`);
        return h('td', { class: x ? 'paired' : undefined, title: x ? [year(x.since, x.sinceQualifier), year(x.until, x.untilQualifier)].filter(Boolean).join('–') : undefined },
          x ? '●' : '');
      }))))));
}

function figures(p: Programme): HTMLElement {
  const withFigures = p.supporters.filter((s) => s.quantities.length > 0);
  if (!withFigures.length) return h('p', { id: 'programme-figures' }, t('noFigures'));
  return h('ul', { class: 'figures', id: 'programme-figures' }, withFigures.map((s) => h('li', { 'data-id': s.supporter.id },
    entityLink(s.supporter),
    h('ul', {}, s.quantities.map((q) => h('li', { 'data-id': q.id },
      primaryName({ id: q.metric, name: q.definition.label, nameZh: q.definition.labelZh }), ': ', h('span', { class: 'figure' }, q.text),
      q.disagreesWith.length > 0 && h('strong', { class: 'disagreement' }, ` · ${t('sourcesDisagree')}: ${q.disagreesWith.map((d) => d.text).join(', ')}`),
      foldedCitations(q.sources)))))));
}

export async function programmeView(main: HTMLElement, route: Route): Promise<void> {
  if (!route.arg) return listView(main);
  const asOf = Number(route.params.get('year')) || undefined;
  const { programme } = await request(ProgrammePageDocument, { id: route.arg, asOf });
  if (!programme) return fill(main, h('h1', {}, t('notFound')), h('p', {}, h('code', {}, route.arg)));
  document.title = `${primaryName(programme)} · aidgraph`;
  const yearInput = h('input', { type: 'number', name: 'year', min: 1949, max: 2100, value: asOf ?? '' });
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go(href('programme', programme.id, { year: yearInput.value || undefined }));
  } }, h('label', {}, `${t('asOfYear')} `, yearInput), h('button', { type: 'submit' }, t('apply')),
    h('a', { class: 'button', href: href('programme', programme.id) }, t('clear')));
  const facts = [
    programme.since && `${t('since')} ${year(programme.since, programme.sinceQualifier)}`,
    programme.termYears && `${t('term')} ${programme.termYears} ${t('years')}`,
    programme.adjusted && `${t('adjusted')} ${programme.adjusted}`,
  ].filter(Boolean).join(' · ');
  fill(main,
    h('h1', {}, bothNames(programme)),
    facts && h('p', { class: 'facts' }, facts),
    foldedCitations(programme.sources),
    form,
    h('h2', {}, `${t('twinnings')} (${programme.twinnings.length})`),
    table(programme.twinnings),
    h('h2', {}, t('matrix')),
    matrix(programme.twinnings),
    h('h2', {}, t('figuresBySupporter')),
    figures(programme));
}
