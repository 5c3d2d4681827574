// An edge's period: the years its sources give it. A twinning states since/until, a support, a post
// and a membership from/until (a post's and a membership's as dates, read as their years); other
// edges (PART_OF, LOCATED_IN, ...) have none and hold at any time. The rule for a year is
// domain/periods.ts; the same rule in Cypher is here, beside the record's reading of it.
import type { Span } from '../../domain/periods.js';
import type { RelationshipRecord } from './relationships.mappers.js';

/** The years a record's sources give its edge. */
export function spanOf(r: RelationshipRecord): Span {
  switch (r.type) {
    case 'TWINNED_WITH': return { since: r.since, until: r.until };
    case 'SUPPORTS': return { since: r.from, until: r.until };
    case 'HOLDS_POST':
    case 'MEMBER_OF': return { since: r.fromYear, until: r.untilYear };
    default: return { since: null, until: null };
  }
}

/** Cypher: the edge's first year (a twinning's since, another edge's from), or null. */
export const startYear = (rel: string) => `toInteger(left(toString(coalesce(${rel}.since, ${rel}.from)), 4))`;
/** Cypher: the edge's last year, or null. */
export const endYear = (rel: string) => `toInteger(left(toString(${rel}.until), 4))`;

/** Cypher: the edge holds in the year `$param` (always, when the parameter is null). */
export const activeIn = (rel: string, param: string) =>
  `(${param} IS NULL OR ((${startYear(rel)} IS NULL OR ${startYear(rel)} <= ${param}) AND (${endYear(rel)} IS NULL OR ${endYear(rel)} >= ${param})))`;

/**
 * Cypher: the edges of a list (a path's steps) share at least one year: the latest start is not
 * after the earliest end. Open ends count as unbounded.
 */
export const periodsOverlap = (rels: string) =>
  `reduce(lo = -1, x IN ${rels} | CASE WHEN ${startYear('x')} > lo THEN ${startYear('x')} ELSE lo END)
     <= reduce(hi = 99999, x IN ${rels} | CASE WHEN ${endYear('x')} < hi THEN ${endYear('x')} ELSE hi END)`;
