// Provenance shapes: sources, the citations that quote them, and the quantities they state.

export interface SourceRecord {
  id: string;
  title: string;
  titleEn: string | null;
  publisher: string;
  publishedAt: string;
  authors: string[];
  language: string | null;
  url: string | null;
  textFile: string | null;
  license: string;
  rightsHolder: string;
  usageNote: string;
}

export interface CitationRecord {
  subjectId: string;
  quote: string;
  source: SourceRecord;
}

/** A citation seen from its source: the quote and the id of what it proves. */
export interface ClaimRecord {
  quote: string;
  subjectId: string;
}

export type Qualifier = 'EXACT' | 'AT_LEAST' | 'MORE_THAN' | 'APPROXIMATELY' | 'AT_MOST' | 'LESS_THAN';

export interface QuantityRecord {
  id: string;
  subjectId: string;
  metric: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  measure: 'LEVEL' | 'CHANGE';
  year: number | null;
  baselineYear: number | null;
  from: number | null;
  until: number | null;
  asOf: string | null;
  note: string | null;
}

export interface IndicatorSeriesRecord {
  metric: string;
  unit: string;
  measure: 'LEVEL' | 'CHANGE';
  points: QuantityRecord[];
}

export function toSourceRecord(p: Record<string, unknown>): SourceRecord {
  return {
    id: String(p.id),
    title: String(p.title),
    titleEn: (p.titleEn as string | undefined) ?? null,
    publisher: String(p.publisher),
    publishedAt: String(p.publishedAt),
    authors: (p.authors as string[] | undefined) ?? [],
    language: (p.language as string | undefined) ?? null,
    url: (p.url as string | undefined) ?? null,
    textFile: (p.textFile as string | undefined) ?? null,
    license: String(p.license),
    rightsHolder: String(p.rightsHolder),
    usageNote: String(p.usageNote),
  };
}

export function toQuantityRecord(p: Record<string, unknown>): QuantityRecord {
  const num = (v: unknown) => (v === undefined || v === null ? null : Number(v));
  return {
    id: String(p.id),
    subjectId: String(p.subjectId),
    metric: String(p.metric),
    value: Number(p.value),
    unit: String(p.unit),
    qualifier: (p.qualifier as Qualifier | undefined) ?? 'EXACT',
    measure: (p.measure as 'LEVEL' | 'CHANGE' | undefined) ?? 'LEVEL',
    year: num(p.year),
    baselineYear: num(p.baselineYear),
    from: num(p.from),
    until: num(p.until),
    asOf: p.asOf === undefined || p.asOf === null ? null : String(p.asOf),
    note: (p.note as string | undefined) ?? null,
  };
}

const QUALIFIER_SIGN: Record<Qualifier, string> = {
  EXACT: '', AT_LEAST: '≥ ', MORE_THAN: '> ', APPROXIMATELY: '≈ ', AT_MOST: '≤ ', LESS_THAN: '< ',
};
const UNIT_TEXT: Record<string, string> = { percent: '%', m2: 'm²' };

/** "≥ 18,000,000 CNY", "+66.44 % (2023 vs 2015)": the qualifier is never dropped. */
export function quantityText(q: QuantityRecord): string {
  const number = q.value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  const signed = q.measure === 'CHANGE' && q.value > 0 ? `+${number}` : number;
  const unit = UNIT_TEXT[q.unit] ?? q.unit;
  const span = q.measure === 'CHANGE' ? ` (${q.year} vs ${q.baselineYear})` : q.year ? ` (${q.year})` : '';
  return `${QUALIFIER_SIGN[q.qualifier]}${signed} ${unit}${span}`;
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
