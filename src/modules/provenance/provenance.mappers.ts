// Provenance shapes: sources, the citations that quote them, and the quantities they state, each
// parsed from its node at the repository boundary.
import { z } from 'zod';
import { Measure, QuantityQualifier, Unit } from '../../domain/vocabulary.js';
import { integer, text } from '../../domain/parse.js';

/**
 * A quote and the source it comes from, by id: the source record is read (once per request, by
 * the source loader) only when a selection asks for it, since a page of citations names the same
 * few sources over and over.
 */
export interface CitationRecord {
  subjectId: string;
  quote: string;
  sourceId: string;
  /** The source's date, which orders an entity's citations (newest first). */
  publishedAt: string;
  /** Whether the quote states the fact or only supports reading it as implied. */
  evidence: 'STATES' | 'IMPLIES';
  /** The quote's place in its record's list in the seed (the stating quote first). */
  position: number;
}

/** A citation seen from its source: the quote and the id of what it proves. */
export interface ClaimRecord {
  quote: string;
  subjectId: string;
}

export interface IndicatorSeriesRecord {
  metric: string;
  unit: Unit;
  measure: Measure;
  points: QuantityRecord[];
}

const SourceRow = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: text,
  publisher: z.string(),
  publishedAt: z.string(),
  authors: z.array(z.string()).nullish().transform((v) => v ?? []),
  language: text,
  url: text,
  textFile: text,
  dateText: text,
  storedCopy: z.boolean().nullish().transform((v) => v ?? false),
  excerpt: z.boolean().nullish().transform((v) => v ?? false),
  completeness: text,
  licenseText: text,
  license: z.string(),
  rightsHolder: z.string(),
  usageNote: z.string(),
});
export type SourceRecord = z.output<typeof SourceRow>;

/**
 * The source a citation quotes, as read by its id. The loaders write a citation only with its
 * source, so a missing one is a broken graph (an internal error), never the client's doing.
 */
export function quotedSource(citation: CitationRecord, source: SourceRecord | null | undefined): SourceRecord {
  if (!source) throw new Error(`citation of ${citation.subjectId} quotes a missing source ${citation.sourceId}`);
  return source;
}

/** A source node's properties as its record (what else the node holds, such as codesYear, stays behind). */
export const parseSource = (p: Record<string, unknown>): SourceRecord => SourceRow.parse(p);

const number = z.union([z.number(), z.string()]).transform(Number);
const QuantityRow = z.object({
  id: z.string(),
  subjectId: z.string(),
  metric: z.string(),
  value: number,
  unit: z.enum(Unit),
  qualifier: z.enum(QuantityQualifier).nullish().transform((v) => v ?? 'EXACT'),
  measure: z.enum(Measure).nullish().transform((v) => v ?? 'LEVEL'),
  year: integer,
  baselineYear: integer,
  from: integer,
  until: integer,
  asOf: text,
  note: text,
});
export type QuantityRecord = z.output<typeof QuantityRow>;

export const parseQuantity = (p: Record<string, unknown>): QuantityRecord => QuantityRow.parse(p);

const QUALIFIER_SIGN: Record<QuantityQualifier, string> = {
  EXACT: '', AT_LEAST: '≥ ', MORE_THAN: '> ', APPROXIMATELY: '≈ ', AT_MOST: '≤ ', LESS_THAN: '< ',
};
const UNIT_TEXT: Partial<Record<Unit, string>> = { percent: '%', m2: 'm²' };

/** "≥ 18,000,000 CNY", "+66.44 % (2023 vs 2015)": the qualifier is never dropped. */
export function quantityText(q: QuantityRecord): string {
  const number = q.value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  const signed = q.measure === 'CHANGE' && q.value > 0 ? `+${number}` : number;
  const unit = UNIT_TEXT[q.unit] ?? q.unit;
  const span = q.measure === 'CHANGE' ? ` (${q.year} vs ${q.baselineYear})` : q.year ? ` (${q.year})` : '';
  return `${QUALIFIER_SIGN[q.qualifier]}${signed} ${unit}${span}`;
}

/**
 * The figure a quantity is of: its subject, metric, measure and the period it is for (its year, span,
 * or the year its source states it as current). Two quantities of one figure are two sources'
 * statements of it (validation gives each its own id when they differ). Undated figures of one
 * metric may be parts of a whole, so only a dated figure has a key.
 */
function figureKey(q: QuantityRecord): string | null {
  const asOfYear = q.asOf ? q.asOf.slice(0, 4) : null;
  if (q.year === null && q.from === null && q.until === null && asOfYear === null) return null;
  return [q.subjectId, q.metric, q.measure, q.year, q.baselineYear, q.from, q.until, q.year === null ? asOfYear : null]
    .map((v) => String(v ?? '')).join('|');
}

/**
 * The other quantities among `candidates` that state the same dated figure differently (another
 * value, unit or qualifier): the sources disagree, and both stay, each with its citations.
 */
export function disagreeing(q: QuantityRecord, candidates: readonly QuantityRecord[]): QuantityRecord[] {
  const key = figureKey(q);
  if (key === null) return [];
  return candidates.filter((o) => o.id !== q.id && figureKey(o) === key && (o.value !== q.value || o.unit !== q.unit || o.qualifier !== q.qualifier));
}

/** Quantities stated for a year, grouped into one series per metric, oldest first. */
export function toIndicatorSeries(quantities: QuantityRecord[]): IndicatorSeriesRecord[] {
  const series = new Map<string, IndicatorSeriesRecord>();
  for (const q of quantities) {
    if (q.year === null) continue;
    const key = `${q.metric}|${q.unit}|${q.measure}`;
    const s = series.get(key) ?? { metric: q.metric, unit: q.unit, measure: q.measure, points: [] };
    s.points.push(q);
    series.set(key, s);
  }
  for (const s of series.values()) s.points.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return [...series.values()].sort((a, b) => a.metric.localeCompare(b.metric));
}
