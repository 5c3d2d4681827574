// Sources, citations and quantities: everything that says where a fact comes from and how much.
import type { Graph } from '../../db/graph.js';
import { recordText } from '../../domain/division-codes.js';
import { OFFICIAL_PART_OF_PATTERN, OFFICIAL_PART_OF_PREFIX } from '../../domain/ids.js';
import { PLACE_LABEL } from '../../domain/vocabulary.js';
import { cited } from '../../domain/cited.js';
import {
  parseQuantity, parseSource, type CitationRecord, type ClaimRecord, type QuantityRecord, type SourceRecord,
} from './provenance.mappers.js';
import { statement } from '../../db/statement.js';

/** Cypher's string order (code points), not the locale's. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A citation as CITATIONS_OF returns it: a stored quote, or the official record's code and name. */
export interface CitationRow {
  quote: string | null;
  /** STATES or IMPLIES; null on a quote rebuilt from the official list (which states its record). */
  evidence?: string | null;
  position?: number | null;
  code: string | null;
  officialName: string | null;
  sourceId: string;
  publishedAt: string;
}

/**
 * Cypher: the citations of the subject whose id `subject` holds, as a list of CitationRow. Stored
 * citations quote their source; a place of the official list is also cited by its record there,
 * and so is the PART_OF edge the record states (`part-of:<the child's code>`): those quotes are
 * rebuilt from the code and the official name (citationRecords). One definition for the batch read
 * and the read-ahead of a root entity (src/modules/entities/read-ahead.ts), which must agree.
 */
export const CITATIONS_OF = (subject: string, of: CitedSubject = 'any') => `COLLECT {
         ${[
           `MATCH (c:Citation {subjectId: ${subject}})-[:QUOTES]->(s:Source)
         RETURN {quote: c.quote, evidence: c.evidence, position: c.position, code: null, officialName: null, sourceId: s.id, publishedAt: s.publishedAt} AS citation`,
           ...(of === 'any' || of === 'entity' ? [`MATCH (e:Entity {id: ${subject}}) WHERE e.code IS NOT NULL
         MATCH (s:Source:Gazetteer)
         RETURN {quote: null, code: e.code, officialName: coalesce(e.officialName, e.nameZh), sourceId: s.id, publishedAt: s.publishedAt} AS citation`] : []),
           ...(of === 'any' || of === 'edge' ? [`MATCH (e:${PLACE_LABEL} {code: substring(${subject}, ${OFFICIAL_PART_OF_PREFIX.length})}) WHERE ${subject} =~ '${OFFICIAL_PART_OF_PATTERN}'
         MATCH (s:Source:Gazetteer)
         RETURN {quote: null, code: e.code, officialName: coalesce(e.officialName, e.nameZh), sourceId: s.id, publishedAt: s.publishedAt} AS citation`] : []),
         ].join('\n         UNION ALL\n         ')}
       }`;

/**
 * What a citation read knows of its subject, which spares it the lookups that cannot match: only an
 * entity has a code (its record in the list), only an edge can be the list's PART_OF, and an edge
 * of another type has stored quotes only.
 */
export type CitedSubject = 'any' | 'entity' | 'edge' | 'edge, not PART_OF';

/**
 * One subject's citation rows as records: the quotes that state the fact before those that only
 * imply it, then newest source first, then in the order the seed lists them, then by quote.
 */
export function citationRecords(subjectId: string, rows: readonly CitationRow[]): CitationRecord[] {
  return rows
    .map((r): CitationRecord => ({
      subjectId, quote: r.quote ?? recordText(r.code!, r.officialName!), sourceId: r.sourceId, publishedAt: r.publishedAt,
      evidence: r.evidence === 'IMPLIES' ? 'IMPLIES' : 'STATES', position: Number(r.position ?? 0),
    }))
    .sort((a, b) => (a.evidence === b.evidence ? 0 : a.evidence === 'STATES' ? -1 : 1)
      || byCodePoint(b.publishedAt, a.publishedAt) || a.position - b.position || byCodePoint(a.quote, b.quote));
}

export interface ClaimsRequest { sourceId: string; offset: number; first: number }
export interface ClaimsPage { total: number; page: ClaimRecord[] }

export class ProvenanceRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * Citations of many subjects (entity, relationship or quantity ids) in one round trip; see
   * CITATIONS_OF for what cites what.
   */
  async citationsOf(subjectIds: readonly string[]): Promise<CitationRecord[][]> {
    const rows = await this.graph.read<{ subjectId: string; citations: CitationRow[] }>(
      statement(`// provenance.citations-of
       UNWIND $ids AS subjectId
       RETURN subjectId, ${CITATIONS_OF('subjectId')} AS citations`),
      { ids: subjectIds },
    );
    const by = new Map(rows.map((r) => [r.subjectId, citationRecords(r.subjectId, r.citations)]));
    return subjectIds.map((id) => by.get(id) ?? []);
  }

  async quantitiesOf(subjectIds: readonly string[]): Promise<QuantityRecord[][]> {
    const rows = await this.graph.read<{ q: Record<string, unknown> }>(
      statement(`// provenance.quantities-of
       UNWIND $ids AS subjectId
       MATCH (q:Quantity {subjectId: subjectId}) WHERE ${cited('q')}
       RETURN q {.*} AS q
       ORDER BY q.metric, q.year`),
      { ids: subjectIds },
    );
    const by = new Map<string, QuantityRecord[]>();
    for (const { q } of rows) {
      const rec = parseQuantity(q);
      const list = by.get(rec.subjectId) ?? [];
      list.push(rec);
      by.set(rec.subjectId, list);
    }
    return subjectIds.map((id) => by.get(id) ?? []);
  }

  async quantitiesByIds(ids: readonly string[]): Promise<Array<QuantityRecord | null>> {
    const rows = await this.graph.read<{ q: Record<string, unknown> }>(
      statement(`// provenance.quantities-by-id
       MATCH (q:Quantity) WHERE q.id IN $ids AND ${cited('q')}
       RETURN q {.*} AS q`),
      { ids },
    );
    const by = new Map(rows.map(({ q }) => [String(q.id), parseQuantity(q)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async sourcesByIds(ids: readonly string[]): Promise<Array<SourceRecord | null>> {
    const rows = await this.graph.read<{ s: Record<string, unknown> }>(
      statement(`// provenance.sources-by-id
       MATCH (s:Source) WHERE s.id IN $ids
       RETURN s {.*} AS s`),
      { ids },
    );
    const by = new Map(rows.map(({ s }) => [String(s.id), parseSource(s)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async sources(first: number): Promise<SourceRecord[]> {
    const rows = await this.graph.read<{ s: Record<string, unknown> }>(
      statement(`// provenance.sources
       MATCH (s:Source)
       RETURN s {.*} AS s
       ORDER BY s.publishedAt DESC, s.id
       LIMIT toInteger($first)`),
      { first },
    );
    return rows.map(({ s }) => parseSource(s));
  }

  async citationCounts(sourceIds: readonly string[]): Promise<number[]> {
    const rows = await this.graph.read<{ id: string; n: number }>(
      statement(`// provenance.citation-counts
       UNWIND $ids AS id
       OPTIONAL MATCH (c:Citation)-[:QUOTES]->(:Source {id: id})
       RETURN id, count(c) AS n`),
      { ids: sourceIds },
    );
    const by = new Map(rows.map((r) => [r.id, r.n]));
    return sourceIds.map((id) => by.get(id) ?? 0);
  }

  /** What the last citation check (src/ingest/citation-check.ts) counted; null before any. */
  async uncitedFacts(): Promise<number | null> {
    const [row] = await this.graph.read<{ uncited: number | null }>(
      statement(`// provenance.uncited-facts
       OPTIONAL MATCH (c:CitationCheck {id: 'citations'})
       RETURN c.uncited AS uncited`),
    );
    return row?.uncited ?? null;
  }

  /** Pages of several sources' citations in one round trip, ordered by what they are about. */
  async claimsOf(requests: readonly ClaimsRequest[]): Promise<ClaimsPage[]> {
    const rows = await this.graph.read<{ key: number; total: number; page: ClaimRecord[] }>(
      statement(`// provenance.claims-of
       UNWIND range(0, size($requests) - 1) AS key
       WITH key, $requests[key] AS req
       OPTIONAL MATCH (c:Citation)-[:QUOTES]->(:Source {id: req.sourceId})
       WITH key, req, c ORDER BY c.subjectId, c.quote
       WITH key, req, collect(CASE WHEN c IS NOT NULL THEN {quote: c.quote, subjectId: c.subjectId} END) AS claims
       RETURN key, size(claims) AS total, claims[toInteger(req.offset)..toInteger(req.offset + req.first)] AS page`),
      { requests },
    );
    const by = new Map(rows.map((r) => [r.key, { total: r.total, page: r.page }]));
    return requests.map((_, i) => by.get(i) ?? { total: 0, page: [] });
  }
}
