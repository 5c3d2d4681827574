// The rules of an aid summary: how supports and projects fall into groups, and how quantities
// add up without losing what they mean: only levels of additive metrics, one total per metric
// (money given and money attracted stay apart), a lower bound stays a lower bound, and every
// other figure is listed on its own.
import type { EntityRecord } from '../entities/entities.mappers.js';
import { metricOf, type MetricRecord } from '../../domain/metric-vocabulary.js';
import { disagreeing, quantityText, type QuantityRecord } from '../provenance/provenance.mappers.js';
import type { QuantityQualifier as Qualifier, Unit } from '../../domain/vocabulary.js';
import type { AidScopeRow } from './twinnings.repository.js';
import { activeIn } from '../../domain/periods.js';

export type GroupBy = 'MODE' | 'SUPPORTER' | 'RECIPIENT' | 'YEAR';

export interface QuantityTotalRecord {
  metric: string;
  definition: MetricRecord;
  unit: Unit;
  value: number;
  qualifier: Qualifier;
  text: string;
  parts: QuantityRecord[];
  count: number;
  otherMetrics: string[];
  note: string;
  noteZh: string;
}

export interface AidSummaryGroupRecord {
  key: string;
  label: string;
  entityId: string | null;
  supports: number;
  projects: number;
  people: number;
  totals: QuantityTotalRecord[];
  unsummed: QuantityRecord[];
}

export interface AidSummaryRecord {
  supporter: EntityRecord | null;
  recipient: EntityRecord | null;
  groupBy: GroupBy;
  overall: AidSummaryGroupRecord;
  groups: AidSummaryGroupRecord[];
}

const LOWER: ReadonlySet<Qualifier> = new Set(['AT_LEAST', 'MORE_THAN']);
const UPPER: ReadonlySet<Qualifier> = new Set(['AT_MOST', 'LESS_THAN']);

/** The qualifier of a sum: exact parts keep it exact, bounds in one direction keep the bound. */
export function sumQualifier(parts: readonly Qualifier[]): Qualifier {
  const inexact = parts.filter((q) => q !== 'EXACT');
  if (inexact.length === 0) return 'EXACT';
  if (inexact.every((q) => LOWER.has(q))) return inexact.includes('MORE_THAN') ? 'MORE_THAN' : 'AT_LEAST';
  if (inexact.every((q) => UPPER.has(q))) return inexact.includes('LESS_THAN') ? 'LESS_THAN' : 'AT_MOST';
  return 'APPROXIMATELY';
}

/** Whether a quantity may go into a sum: a level of an additive metric, in the metric's unit. */
export function summable(q: QuantityRecord): boolean {
  const m = metricOf(q.metric, q.unit);
  return q.measure === 'LEVEL' && m.additive && q.unit === m.unit;
}

/**
 * What a total is, in words: a reader must not take one project's budget for the whole aid. It
 * says how many stated figures it adds, that it covers only what the sources state, and which
 * other figures of its dimension stay apart from it.
 */
export function totalNote(count: number, definition: MetricRecord, others: readonly MetricRecord[]): { note: string; noteZh: string } {
  // Labels keep their case: a metric's label may hold place names (People from Nagqu employed in Liaoning).
  const what = count === 1 ? `One figure a source states (${definition.label}), not a sum`
    : `The sum of ${count} figures the sources state (${definition.label})`;
  const apart = others.length ? ` Other figures of this kind are not added to it: ${others.map((m) => m.label).join(', ')}.` : '';
  const whatZh = count === 1 ? `来源所述的一个数字（${definition.labelZh}），不是合计` : `来源所述${count}个数字（${definition.labelZh}）之和`;
  const apartZh = others.length ? `同类的其他数字不计入其中：${others.map((m) => m.labelZh).join('、')}。` : '';
  return {
    note: `${what}. It covers only what the sources state, not all the aid there is.${apart}`,
    noteZh: `${whatZh}。仅涵盖来源所述，并非全部援助。${apartZh}`,
  };
}

/** One total per additive metric; durations, rates, distances and changes are never summed. */
export function totalsOf(quantities: readonly QuantityRecord[]): QuantityTotalRecord[] {
  const groups = new Map<string, QuantityRecord[]>();
  const byDimension = new Map<string, Set<string>>();
  for (const q of quantities) {
    const d = metricOf(q.metric, q.unit).dimension;
    byDimension.set(d, (byDimension.get(d) ?? new Set()).add(q.metric));
    if (!summable(q)) continue;
    groups.set(q.metric, [...(groups.get(q.metric) ?? []), q]);
  }
  return [...groups.values()]
    .map((parts) => {
      const value = parts.reduce((t, q) => t + q.value, 0);
      const qualifier = sumQualifier(parts.map((q) => q.qualifier));
      const first = parts[0]!;
      const definition = metricOf(first.metric, first.unit);
      const text = quantityText({ ...first, value, qualifier, year: null, measure: 'LEVEL' });
      // Money is where a reader adds what must not be added (given, attracted, a project's total):
      // the other money figures are named; different counts or headcounts plainly count other things.
      const otherMetrics = definition.dimension === 'MONEY' ? [...(byDimension.get('MONEY') ?? [])].filter((m) => m !== first.metric).sort() : [];
      const words = totalNote(parts.length, definition, otherMetrics.map((m) => metricOf(m, first.unit)));
      return { metric: first.metric, definition, unit: first.unit, value, qualifier, text, parts, count: parts.length, otherMetrics, ...words };
    })
    .sort((a, b) => a.metric.localeCompare(b.metric));
}

/** The figures a summary lists one by one because they cannot be added. */
export function unsummedOf(quantities: readonly QuantityRecord[]): QuantityRecord[] {
  return quantities.filter((q) => !summable(q)).sort((a, b) => a.metric.localeCompare(b.metric) || a.id.localeCompare(b.id));
}

interface Member { supportIds: Set<string>; projectIds: Set<string> }

function yearOf(v: unknown): string {
  const m = /^(\d{4})/.exec(String(v ?? ''));
  return m ? m[1]! : 'unknown';
}

/** Assigns each support and project to its groups (a project funded by two supporters is in both). */
export function groupScope(scope: AidScopeRow, groupBy: GroupBy): Map<string, Member> {
  const groups = new Map<string, Member>();
  const add = (key: string, kind: 'supportIds' | 'projectIds', id: string) => {
    const g = groups.get(key) ?? { supportIds: new Set(), projectIds: new Set() };
    g[kind].add(id);
    groups.set(key, g);
  };
  for (const s of scope.supports) {
    const key = groupBy === 'MODE' ? s.mode
      : groupBy === 'SUPPORTER' ? s.fromId
      : groupBy === 'RECIPIENT' ? s.toId
      : yearOf(s.from ?? s.asOf);
    add(key, 'supportIds', s.id);
  }
  for (const p of scope.projects) {
    const keys = groupBy === 'MODE' ? [p.supportMode ?? 'UNSPECIFIED']
      : groupBy === 'SUPPORTER' ? p.participantIds
      : groupBy === 'RECIPIENT' ? (p.recipientIds.length ? p.recipientIds : ['unknown'])
      : [yearOf(p.year)];
    for (const key of keys) add(key, 'projectIds', p.id);
  }
  return groups;
}

/** Distinct people serving the supporters of these supports and the participants of these projects. */
export function peopleCount(scope: AidScopeRow, member: Member): number {
  const served = new Set<string>();
  for (const s of scope.supports) if (member.supportIds.has(s.id)) served.add(s.fromId);
  for (const p of scope.projects) if (member.projectIds.has(p.id)) p.participantIds.forEach((id) => served.add(id));
  return new Set(scope.people.filter((p) => served.has(p.servesId)).map((p) => p.personId)).size;
}

/**
 * Totals and the figures listed one by one. Figures that sources state differently are never added
 * (adding one would pick it): they are listed, each with its `disagreesWith`.
 */
function figuresOf(quantities: readonly QuantityRecord[]) {
  const disputed = new Set(quantities.filter((q) => disagreeing(q, quantities).length > 0).map((q) => q.id));
  const agreed = quantities.filter((q) => !disputed.has(q.id));
  const listed = [...unsummedOf(agreed), ...quantities.filter((q) => disputed.has(q.id))]
    .sort((a, b) => a.metric.localeCompare(b.metric) || a.id.localeCompare(b.id));
  return { totals: totalsOf(agreed), unsummed: listed };
}

/** The whole summary: every group, and the overall figures (a support or project counts once there). */
export function summarize(scope: AidScopeRow, quantities: readonly QuantityRecord[], groupBy: GroupBy): Omit<AidSummaryRecord, 'supporter' | 'recipient'> {
  const entityKeys = groupBy === 'SUPPORTER' || groupBy === 'RECIPIENT';
  const build = (key: string, member: Member): AidSummaryGroupRecord => ({
    key,
    label: key,
    entityId: entityKeys && key.includes(':') ? key : null,
    supports: member.supportIds.size,
    projects: member.projectIds.size,
    people: peopleCount(scope, member),
    ...figuresOf(quantities.filter((q) => member.supportIds.has(q.subjectId) || member.projectIds.has(q.subjectId))),
  });
  const overall = build('all', { supportIds: new Set(scope.supports.map((s) => s.id)), projectIds: new Set(scope.projects.map((p) => p.id)) });
  overall.label = 'All';
  const groups = [...groupScope(scope, groupBy).entries()]
    .map(([key, member]) => build(key, member))
    .sort((a, b) => b.supports + b.projects - (a.supports + a.projects) || a.key.localeCompare(b.key));
  return { groupBy, overall, groups };
}

/**
 * A scope as of a year: supports active then, projects opened by then (or undated), and the
 * figures of those that are for that year or undated (a figure for another year, or for a span
 * without it, is left out). Null: the whole scope.
 */
export function asOfScope(scope: AidScopeRow, quantities: readonly QuantityRecord[], asOf: number | null): { scope: AidScopeRow; quantities: QuantityRecord[] } {
  if (asOf === null) return { scope, quantities: [...quantities] };
  const supports = scope.supports.filter((s) => activeIn({ since: s.from, until: s.until }, asOf));
  const projects = scope.projects.filter((p) => { const y = yearOf(p.year); return y === 'unknown' || Number(y) <= asOf; });
  const kept = new Set([...supports.map((s) => s.id), ...projects.map((p) => p.id)]);
  const figures = quantities.filter((q) => kept.has(q.subjectId)
    && (q.year !== null ? q.year === asOf : activeIn({ since: q.from, until: q.until }, asOf)));
  return { scope: { ...scope, supports, projects }, quantities: figures };
}
