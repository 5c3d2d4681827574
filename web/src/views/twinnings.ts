// The analysts' table of twinnings: supporter, recipient, level, since, modes; filters (supporter,
// recipient, each with everything within it, active year), sorting by any column, a CSV of exactly
// the rows shown, and the aid summary of a pair with its parts and their citations. Its route is
// #/twinnings; #/partnerships, its former name, opens it too (route.ts).
import { request } from '../api.js';
import { foldedCitations, isImplied } from '../citations.js';
import { download, fill, h } from '../dom.js';
import { figure, lang, levelLabel, list, modeLabel, programmeLabel, t } from '../i18n.js';
import { label, LEVEL_LABELS, listOf, MODE_LABELS, PROGRAMME_LABELS, QUALIFIER_LABELS, type Lang } from '../../../src/domain/labels.js';
import { bothNames, entityLink } from '../names.js';
import { entityPicker } from '../picker.js';
import { CSV_HEADER, toCsv } from '../csv.js';
import { go, href, type Route } from '../route.js';
import { AidSummaryDocument, LabelsDocument, TwinningsDocument, type AidGroupFragment, type TwinningsQuery } from '../../generated/graphql.js';

type TwinningRow = TwinningsQuery['twinnings']['edges'][number]['node'];
interface Row { id: string; supporter: string; supporterId: string; recipient: string; recipientId: string; level: string; since: string; modes: string; node: TwinningRow }

const COLUMNS = ['supporter', 'recipient', 'level', 'since', 'modes'] as const;
type Column = typeof COLUMNS[number];
const MAX_PAGES = 10;

function since(p: TwinningRow): string {
  if (!p.since) return '';
  const mark = p.sinceQualifier && p.sinceQualifier !== 'EXACT' ? `${label(QUALIFIER_LABELS, p.sinceQualifier, lang)} ` : '';
  return `${mark}${p.since}${p.until ? `–${p.until}` : ''}`;
}

function toRow(p: TwinningRow): Row {
  return {
    id: p.id, node: p,
    supporter: bothNames(p.supporter), supporterId: p.supporter.id,
    recipient: bothNames(p.recipient), recipientId: p.recipient.id,
    level: p.level ? levelLabel(p.level) : '', since: since(p),
    modes: [...new Set(p.supports.map((s) => s.mode))].sort().join(' '),
  };
}

function csvRow(r: Row): Array<string | number> {
  const p = r.node;
  const both = (table: Parameters<typeof label>[0], code: string | null | undefined) => (['en', 'zh'] as Lang[]).map((l) => (code ? label(table, code, l) : ''));
  const modes = (l: Lang) => listOf([...new Set(p.supports.map((s) => s.mode))].sort().map((m) => label(MODE_LABELS, m, l)), l);
  const first = p.sources[0];
  return [p.id, p.supporter.id, p.supporter.name, p.supporter.nameZh ?? '', p.recipient.id, p.recipient.name, p.recipient.nameZh ?? '',
    ...both(LEVEL_LABELS, p.level), ...both(PROGRAMME_LABELS, p.programmeOf?.id), p.since ?? '',
    p.sinceQualifier && p.sinceQualifier !== 'EXACT' ? label(QUALIFIER_LABELS, p.sinceQualifier, 'en') : '', p.until ?? '',
    modes('en'), modes('zh'), isImplied(p.sources) ? 'implied' : 'stated', first?.quote ?? '', first?.source.title ?? '', first?.source.url ?? ''];
}

async function fetchAll(filter: Record<string, unknown>): Promise<{ rows: TwinningRow[]; total: number }> {
  const rows: TwinningRow[] = [];
  let after: string | null | undefined;
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { twinnings } = await request(TwinningsDocument, { filter, after });
    rows.push(...twinnings.edges.map((e) => e.node));
    total = twinnings.totalCount;
    if (!twinnings.pageInfo.hasNextPage) break;
    after = twinnings.pageInfo.endCursor;
  }
  return { rows, total };
}

/**
 * A group of an aid summary. A total says what it is: how many stated figures it adds, each listed
 * with its quote, that it covers only what the sources state, and which figures of its kind stay
 * apart; one figure is never headed as a sum.
 */
function aidGroup(g: AidGroupFragment, title: string): HTMLElement {
  return h('section', { class: 'aid-group', 'data-key': g.key },
    h('h3', {}, title),
    h('p', {}, `${t('supports')} ${g.supports} · ${t('projects')} ${g.projects} · ${t('people')} ${g.people}`),
    g.totals.length > 0 && h('ul', { class: 'totals' }, g.totals.map((x) => h('li', { class: 'total', 'data-metric': x.metric, 'data-count': x.count },
      h('strong', {}, lang === 'zh' ? x.definition.labelZh : x.definition.label), ': ',
      // One figure is shown as itself; the note under it says it is no sum, once.
      x.count === 1 ? h('span', { class: 'figure' }, figure(x))
        : [h('span', { class: 'total-kind' }, `${t('sumOf')} ${x.count} ${t('statedFigures')}: `), h('span', { class: 'figure' }, figure(x))],
      h('p', { class: 'total-note' }, lang === 'zh' ? x.noteZh : x.note),
      h('ol', { class: 'parts' }, x.parts.map((p) => h('li', { class: 'part' },
        h('span', { class: 'figure' }, figure(p)), p.year ? ` (${p.year})` : '', ' ',
        p.sources[0] && h('q', { class: 'part-quote' }, p.sources[0].quote),
        foldedCitations(p.sources))))))),
    g.unsummed.length > 0 && h('details', {}, h('summary', {}, `${t('notSummed')} (${g.unsummed.length})`),
      h('ul', {}, g.unsummed.map((q) => h('li', {}, lang === 'zh' ? q.definition.labelZh : q.definition.label, ': ', figure(q),
        q.measure === 'CHANGE' && q.baselineYear && q.year ? ` (${q.baselineYear}–${q.year})` : q.year ? ` (${q.year})` : '', foldedCitations(q.sources))))));
}

export async function twinningsView(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const supporter = p.get('supporter') ?? undefined;
  const recipient = p.get('recipient') ?? undefined;
  const year = Number(p.get('year')) || undefined;
  const sort = (COLUMNS as readonly string[]).includes(p.get('sort') ?? '') ? (p.get('sort') as Column) : 'supporter';
  const dir = p.get('dir') === 'desc' ? 'desc' : 'asc';
  const pair = p.get('pair') ?? undefined;
  const state = { supporter, recipient, year, sort, dir, pair };

  const ids = [supporter, recipient].filter((x): x is string => !!x);
  const labels = ids.length ? (await request(LabelsDocument, { ids })).nodes : [];
  const labelOf = (id?: string) => {
    const n = labels.find((x) => x?.id === id);
    return id ? { id, label: n && 'name' in n && n.name ? bothNames({ id, name: n.name, nameZh: n.nameZh }) : id } : undefined;
  };
  const sp = entityPicker(`${t('supporter')} (${t('withinNote')})`, 'supporter', labelOf(supporter));
  const rp = entityPicker(`${t('recipient')} (${t('withinNote')})`, 'recipient', labelOf(recipient));
  const yearInput = h('input', { type: 'number', name: 'year', min: 1949, max: 2100, value: year ?? '' });
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go(href('twinnings', undefined, { ...state, pair: undefined, supporter: sp.value(), recipient: rp.value(), year: yearInput.value || undefined }));
  } }, sp.element, rp.element, h('label', {}, `${t('asOfYear')} `, yearInput), h('button', { type: 'submit' }, t('apply')),
    h('a', { class: 'button', href: href('twinnings') }, t('clear')));

  const filter = { supporter, recipient, includeDescendants: true, activeYear: year };
  const { rows: twinnings, total } = await fetchAll(filter);
  const rows = twinnings.map(toRow);
  const factor = dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => factor * a[sort].localeCompare(b[sort], 'zh-Hans-CN', { numeric: true }) || a.id.localeCompare(b.id));

  const headers: Record<Column, string> = { supporter: t('supporter'), recipient: t('recipient'), level: t('level'), since: t('since'), modes: t('modes') };
  const csv = () => download('aidgraph-twinnings.csv', new Blob([toCsv(CSV_HEADER, rows.map(csvRow))], { type: 'text/csv;charset=utf-8' }));
  const undated = year ? rows.filter((r) => !r.node.since).length : 0;
  const summary = h('section', { id: 'aid-summary', 'aria-live': 'polite' });

  fill(main, h('h1', {}, t('twinnings')), form,
    h('p', { class: 'status' }, `${rows.length} ${t('rows')}${total > rows.length ? ` ${t('of')} ${total}` : ''} `,
      h('button', { type: 'button', id: 'csv', onclick: csv }, t('downloadCsv'))),
    undated > 0 && h('p', { class: 'status undated-note', id: 'undated-note' }, `${undated} ${t('unknownUnderYear')} (${year}).`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'twinnings', id: 'twinnings' },
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', 'aria-sort': c === sort ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
        h('a', { href: href('twinnings', undefined, { ...state, sort: c, dir: c === sort && dir === 'asc' ? 'desc' : 'asc' }) },
          headers[c], c === sort ? (dir === 'asc' ? ' ▲' : ' ▼') : ''))), h('th', { scope: 'col', class: 'nowrap' }, t('aidSummary')))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-id': r.id },
        h('td', {}, entityLink(r.node.supporter)), h('td', {}, entityLink(r.node.recipient)),
        h('td', {}, r.level, r.node.programmeOf && h('div', { class: 'small alt' },
          h('a', { class: 'programme-link', href: href('programme', r.node.programmeOf.id, { year }) }, programmeLabel(r.node.programmeOf.id)))),
        h('td', { class: r.node.since ? '' : 'unknown-start' }, r.since || (year ? h('em', {}, t('startUnknown')) : '')),
        h('td', { class: 'modes' }, list(r.modes.split(' ').filter(Boolean).map(modeLabel)), isImplied(r.node.sources) && h('div', { class: 'implied small' }, t('implied'))),
        h('td', { class: 'nowrap' }, h('a', { href: href('twinnings', undefined, { ...state, pair: r.id }) }, t('aidSummary')))))))),
    summary);

  const chosen = rows.find((r) => r.id === pair);
  if (!chosen) return;
  const { aidSummary } = await request(AidSummaryDocument, { supporter: chosen.supporterId, recipient: chosen.recipientId, asOf: year });
  if (!aidSummary) return;
  fill(summary, h('h2', {}, `${t('aidSummary')}: `, entityLink(chosen.node.supporter), ' → ', entityLink(chosen.node.recipient)),
    h('p', { class: 'intro' }, t('onlyStated')),
    aidGroup(aidSummary.overall, t('overall')),
    aidSummary.groups.map((g) => aidGroup(g, modeLabel(g.key))));
  summary.scrollIntoView({ block: 'start' });
}
