// Sources, citations and quantities: everything that says where a fact comes from and how much.
import type { Graph } from '../../db/graph.js';
import {
  toQuantityRecord, toSourceRecord, type CitationRecord, type ClaimRecord, type QuantityRecord, type SourceRecord,
} from './provenance.mappers.js';

export interface ClaimsRequest { sourceId: string; offset: number; first: number }
export interface ClaimsPage { total: number; page: ClaimRecord[] }

export class ProvenanceRepository {
  constructor(private readonly graph: Graph) {}

  /** Citations of many subjects (entity, relationship or quantity ids) in one round trip. */
  async citationsOf(subjectIds: readonly string[]): Promise<CitationRecord[][]> {
    const rows = await this.graph.read<{ subjectId: string; quote: string; source: Record<string, unknown> }>(
      'provenance.citations-of',
      `// provenance.citations-of
       UNWIND $ids AS subjectId
       MATCH (c:Citation {subjectId: subjectId})-[:QUOTES]->(s:Source)
       RETURN subjectId, c.quote AS quote, s {.*} AS source
       ORDER BY s.publishedAt DESC, c.quote`,
      { ids: subjectIds },
    );
    const by = new Map<string, CitationRecord[]>();
    for (const r of rows) {
      const list = by.get(r.subjectId) ?? [];
      list.push({ subjectId: r.subjectId, quote: r.quote, source: toSourceRecord(r.source) });
      by.set(r.subjectId, list);
    }
    return subjectIds.map((id) => by.get(id) ?? []);
  }

  async quantitiesOf(subjectIds: readonly string[]): Promise<QuantityRecord[][]> {
    const rows = await this.graph.read<{ q: Record<string, unknown> }>(
      'provenance.quantities-of',
      `// provenance.quantities-of
       UNWIND $ids AS subjectId
       MATCH (q:Quantity {subjectId: subjectId})
       RETURN q {.*} AS q
       ORDER BY q.metric, q.year`,
      { ids: subjectIds },
    );
    const by = new Map<string, QuantityRecord[]>();
    for (const { q } of rows) {
      const rec = toQuantityRecord(q);
      const list = by.get(rec.subjectId) ?? [];
      list.push(rec);
      by.set(rec.subjectId, list);
    }
    return subjectIds.map((id) => by.get(id) ?? []);
  }

  async quantitiesByIds(ids: readonly string[]): Promise<Array<QuantityRecord | null>> {
    const rows = await this.graph.read<{ q: Record<string, unknown> }>(
      'provenance.quantities-by-id',
      `// provenance.quantities-by-id
       MATCH (q:Quantity) WHERE q.id IN $ids
       RETURN q {.*} AS q`,
      { ids },
    );
    const by = new Map(rows.map(({ q }) => [String(q.id), toQuantityRecord(q)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async sourcesByIds(ids: readonly string[]): Promise<Array<SourceRecord | null>> {
    const rows = await this.graph.read<{ s: Record<string, unknown> }>(
      'provenance.sources-by-id',
      `// provenance.sources-by-id
       MATCH (s:Source) WHERE s.id IN $ids
       RETURN s {.*} AS s`,
      { ids },
    );
    const by = new Map(rows.map(({ s }) => [String(s.id), toSourceRecord(s)]));
    return ids.map((id) => by.get(id) ?? null);
  }

  async sources(first: number): Promise<SourceRecord[]> {
    const rows = await this.graph.read<{ s: Record<string, unknown> }>(
      'provenance.sources',
      `// provenance.sources
       MATCH (s:Source)
       RETURN s {.*} AS s
       ORDER BY s.publishedAt DESC, s.id
       LIMIT toInteger($first)`,
      { first },
    );
    return rows.map(({ s }) => toSourceRecord(s));
  }

  async citationCounts(sourceIds: readonly string[]): Promise<number[]> {
    const rows = await this.graph.read<{ id: string; n: number }>(
      'provenance.citation-counts',
      `// provenance.citation-counts
       UNWIND $ids AS id
       OPTIONAL MATCH (c:Citation)-[:QUOTES]->(:Source {id: id})
       RETURN id, count(c) AS n`,
      { ids: sourceIds },
    );
    const by = new Map(rows.map((r) => [r.id, r.n]));
    return sourceIds.map((id) => by.get(id) ?? 0);
  }

  /** Pages of several sources' citations in one round trip, ordered by what they are about. */
  async claimsOf(requests: readonly ClaimsRequest[]): Promise<ClaimsPage[]> {
    const rows = await this.graph.read<{ key: number; total: number; page: ClaimRecord[] }>(
      'provenance.claims-of',
      `// provenance.claims-of
       UNWIND range(0, size($requests) - 1) AS key
       WITH key, $requests[key] AS req
       OPTIONAL MATCH (c:Citation)-[:QUOTES]->(:Source {id: req.sourceId})
       WITH key, req, c ORDER BY c.subjectId, c.quote
       WITH key, req, collect(CASE WHEN c IS NOT NULL THEN {quote: c.quote, subjectId: c.subjectId} END) AS claims
       RETURN key, size(claims) AS total, claims[toInteger(req.offset)..toInteger(req.offset + req.first)] AS page`,
      { requests },
    );
    const by = new Map(rows.map((r) => [r.key, { total: r.total, page: r.page }]));
    return requests.map((_, i) => by.get(i) ?? { total: 0, page: [] });
  }
}
