// The analysts' table of twinnings: supporter, recipient, level, since, modes; filters (supporter,
// recipient, each with everything within it, active year), sorting by any column, a CSV of exactly
// the rows shown, and the aid summary of a pair with its parts and their citations. Its route is
// #/twinnings; #/partnerships, its former name, opens it too (route.ts).
import { request } from '../api.js';
import { foldedCitations } from '../citations.js';
import { download, fill, h } from '../dom.js';
import { modeLabel, t } from '../i18n.js';
import { bothNames, entityLink, primaryName } from '../names.js';
import { entityPicker } from '../picker.js';
import { go, href, type Route } from '../route.js';
import { AidSummaryDocument, LabelsDocument, TwinningsDocument, type AidGroupFragment, type TwinningsQuery } from '../../generated/graphql.js';

type TwinningRow = TwinningsQuery['twinnings']['edges'][number]['node'];
interface Row { id: string; supporter: string; supporterId: string; recipient: string; recipientId: string; level: string; since: string; modes: string; node: TwinningRow }

const COLUMNS = ['supporter', 'recipient', 'level', 'since', 'modes'] as const;
type Column = typeof COLUMNS[number];
const MAX_PAGES = 10;

function since(p: TwinningRow): string {
  if (!p.since) return '';
  const mark = p.sinceQualifier === 'APPROXIMATELY' ? '≈ ' : p.sinceQualifier === 'AT_LEAST' ? '≥ ' : '';
  return `${mark}${p.since}${p.until ? `–${p.until}` : ''}`;
}

function toRow(p: TwinningRow): Row {
  return {
    id: p.id, node: p,
    supporter: bothNames(p.supporter), supporterId: p.supporter.id,
    recipient: bothNames(p.recipient), recipientId: p.recipient.id,
    level: p.level ?? '', since: since(p),
    modes: [...new Set(p.supports.map((s) => s.mode))].sort().join(' '),
  };
}

/** RFC 4180 CSV (modes as their codes, which stay the same in either language) with a UTF-8 byte-order mark, so spreadsheet software reads the Chinese names. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
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

function aidGroup(g: AidGroupFragment, title: string): HTMLElement {
  return h('section', { class: 'aid-group', 'data-key': g.key },
    h('h3', {}, title),
    h('p', {}, `${t('supports')} ${g.supports} · ${t('projects')} ${g.projects} · ${t('people')} ${g.people}`),
    g.totals.length > 0 && h('ul', { class: 'totals' }, g.totals.map((x) => h('li', {},
      h('strong', {}, primaryName({ id: x.metric, name: x.definition.label, nameZh: x.definition.labelZh })), ': ', h('span', { class: 'figure' }, x.text),
      h('ul', { class: 'parts' }, x.parts.map((p) => h('li', {}, p.text, foldedCitations(p.sources))))))),
    g.unsummed.length > 0 && h('details', {}, h('summary', {}, t('notSummed')),
      h('ul', {}, g.unsummed.map((q) => h('li', {}, primaryName({ id: q.metric, name: q.definition.label, nameZh: q.definition.labelZh }), ': ', q.text, foldedCitations(q.sources))))));
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
  } }, sp.element, rp.element, h('label', {}, `${t('activeYear')} `, yearInput), h('button', { type: 'submit' }, t('apply')),
    h('a', { class: 'button', href: href('twinnings') }, t('clear')));

  const filter = { supporter, recipient, includeDescendants: true, activeYear: year };
  const { rows: twinnings, total } = await fetchAll(filter);
  const rows = twinnings.map(toRow);
  const factor = dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => factor * a[sort].localeCompare(b[sort], 'zh-Hans-CN', { numeric: true }) || a.id.localeCompare(b.id));

  const headers: Record<Column, string> = { supporter: t('supporter'), recipient: t('recipient'), level: t('level'), since: t('since'), modes: t('modes') };
  const csv = () => download('aidgraph-twinnings.csv', new Blob([toCsv(
    ['id', 'supporter_id', 'supporter', 'recipient_id', 'recipient', 'level', 'since', 'modes'],
    rows.map((r) => [r.id, r.supporterId, r.supporter, r.recipientId, r.recipient, r.level, r.since, r.modes]))], { type: 'text/csv;charset=utf-8' }));
  const summary = h('section', { id: 'aid-summary', 'aria-live': 'polite' });

  fill(main, h('h1', {}, t('twinnings')), form,
    h('p', { class: 'status' }, `${rows.length} ${t('rows')}${total > rows.length ? ` ${t('of')} ${total}` : ''} `,
      h('button', { type: 'button', id: 'csv', onclick: csv }, t('downloadCsv'))),
    h('div', { class: 'table-wrap' }, h('table', { class: 'twinnings', id: 'twinnings' },
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', 'aria-sort': c === sort ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
        h('a', { href: href('twinnings', undefined, { ...state, sort: c, dir: c === sort && dir === 'asc' ? 'desc' : 'asc' }) },
          headers[c], c === sort ? (dir === 'asc' ? ' ▲' : ' ▼') : ''))), h('th', { scope: 'col', class: 'nowrap' }, t('aidSummary')))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-id': r.id },
        h('td', {}, entityLink(r.node.supporter)), h('td', {}, entityLink(r.node.recipient)),
        h('td', {}, r.level), h('td', {}, r.since), h('td', { class: 'modes' }, r.modes.split(' ').filter(Boolean).map(modeLabel).join('、')),
        h('td', { class: 'nowrap' }, h('a', { href: href('twinnings', undefined, { ...state, pair: r.id }) }, t('aidSummary')))))))),
    summary);

  const chosen = rows.find((r) => r.id === pair);
  if (!chosen) return;
  const { aidSummary } = await request(AidSummaryDocument, { supporter: chosen.supporterId, recipient: chosen.recipientId });
  if (!aidSummary) return;
  fill(summary, h('h2', {}, `${t('aidSummary')}: `, entityLink(chosen.node.supporter), ' → ', entityLink(chosen.node.recipient)),
    aidGroup(aidSummary.overall, t('overall')),
    aidSummary.groups.map((g) => aidGroup(g, g.label)));
  summary.scrollIntoView({ block: 'start' });
}
