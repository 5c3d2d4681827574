// When a fact with a span of years holds: one rule for twinnings, supports and paths, so `asOf`,
// `activeYear` and a path's common years cannot disagree. Years are whole and both ends inclusive
// (a 2008 twinning with a three-year term, until 2011, is active in 2008, 2009, 2010 and 2011).
// An unknown start counts as "since always" and an unknown end as "still running": a source that
// does not date a twinning does not make it inactive (docs/programmes.md).

/** A span of years; null where the sources give no year. */
export interface Span { since: number | null; until: number | null }

/** Whether a span holds in a year. */
export const activeIn = (span: Span, year: number): boolean =>
  (span.since === null || span.since <= year) && (span.until === null || span.until >= year);

/** The years two or more spans share, or null when there are none (a 2008–2011 twinning and a 2016 one). */
export function overlap(spans: readonly Span[]): Span | null {
  let since: number | null = null;
  let until: number | null = null;
  for (const s of spans) {
    if (s.since !== null) since = since === null ? s.since : Math.max(since, s.since);
    if (s.until !== null) until = until === null ? s.until : Math.min(until, s.until);
  }
  return since !== null && until !== null && since > until ? null : { since, until };
}
