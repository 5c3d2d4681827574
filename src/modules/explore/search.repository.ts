// Name search: candidates from the normalised name keys of every entity, ranked exact name, exact
// alias, prefix, then substring; the CJK full-text index adds looser matches when those run short.
import type { Graph } from '../../db/graph.js';
import { toEntityRecord } from '../entities/entities.repository.js';
import type { EntityKindName, EntityRecord } from '../entities/entities.mappers.js';
import { normalizeName } from './search-keys.js';

/**
 * User text as plain Lucene terms: special characters escaped, and the operator words AND, OR, NOT
 * lower-cased (the analyzer lower-cases every term anyway, so nothing is lost).
 */
function luceneTerms(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '\\$&').replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase());
}

export class SearchRepository {
  constructor(private readonly graph: Graph) {}

  async search(text: string, kinds: EntityKindName[] | null, first: number): Promise<EntityRecord[]> {
    const key = normalizeName(text);
    if (!key) return [];
    const rows = await this.graph.read<{ e: Record<string, unknown>; rank: number }>(
      'search.by-name',
      `// search.by-name
       MATCH (e:Entity)
       WHERE ($kinds IS NULL OR e.kind IN $kinds)
         AND any(k IN e.searchKeys WHERE k CONTAINS $key)
       WITH e,
            CASE
              WHEN e.nameKey = $key THEN 0
              WHEN $key IN e.searchKeys THEN 1
              WHEN any(k IN e.searchKeys WHERE k STARTS WITH $key) THEN 2
              ELSE 3
            END AS rank
       RETURN e {.*} AS e, rank
       ORDER BY rank, size(e.name), e.id
       LIMIT toInteger($first)
       UNION
       // search.full-text: looser matches (word order, partial Chinese names)
       CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
       WITH node AS e, score
       WHERE ($kinds IS NULL OR e.kind IN $kinds)
         AND NOT any(k IN e.searchKeys WHERE k CONTAINS $key)
       RETURN e {.*} AS e, 4 + (1.0 / (1.0 + score)) AS rank
       ORDER BY rank
       LIMIT toInteger($first)`,
      { key, kinds, first, lucene: luceneTerms(text.trim()) },
    );
    rows.sort((a, b) => a.rank - b.rank);
    return rows.slice(0, first).map(({ e }) => toEntityRecord(e));
  }
}
