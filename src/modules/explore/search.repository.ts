// Name search, anchored on indexes at any size: the official code through its unique index; names
// through the text index on each entity's search keys (`|anduoxian|anduo|安多县|安多|`), where one
// CONTAINS seek finds exact keys (`|q|`), prefixes (`|q`) and substrings (`q`); the CJK full-text
// index adds looser matches when those run short. Each tier reads a bounded number of candidates.
import type { Graph } from '../../db/graph.js';
import { toEntityRecord } from '../entities/entities.repository.js';
import { PLACE_LABEL, type EntityKindName, type EntityRecord } from '../entities/entities.mappers.js';
import { normalizeName, SEARCH_KEY_SEPARATOR } from './search-keys.js';

/**
 * User text as plain Lucene terms: special characters escaped, and the operator words AND, OR, NOT
 * lower-cased (the analyzer lower-cases every term anyway, so nothing is lost).
 */
function luceneTerms(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '\\$&').replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase());
}

/** How many candidates one tier may read: enough to rank a common name (43 和平村), bounded for "a". */
const CANDIDATES = 500;

/** Kinds in order of size: a name shared by a county and a village means the county first. */
const KIND_ORDER = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE'];

/** One tier: candidates from a seek, of the asked kinds, at most CANDIDATES of them. */
const tier = (name: string, seek: string, tierRank: string) => `
    // ${name}
    ${seek}
    WITH e WHERE $kinds IS NULL OR e.kind IN $kinds
    WITH e LIMIT ${CANDIDATES}
    RETURN e, ${tierRank} AS tier`;

// A code: that place, then the places directly in it, then codes that merely start with the text.
const BY_CODE = tier(
  'by code',
  `CALL {
       MATCH (e:${PLACE_LABEL} {code: $key}) RETURN e
       UNION
       MATCH (:${PLACE_LABEL} {code: $key})<-[:PART_OF]-(e:${PLACE_LABEL}) RETURN e
       UNION
       MATCH (e:${PLACE_LABEL}) WHERE e.code STARTS WITH $key RETURN e LIMIT toInteger($first)
     }`,
  'CASE WHEN e.code = $key THEN 0 ELSE 2 + size(e.code) END',
);
const BY_NAME = [
  tier('by key', `MATCH (e:Entity) WHERE e.searchText CONTAINS $exact`, 'CASE WHEN e.searchText STARTS WITH $exact THEN 0 ELSE 1 END'),
  tier('by prefix', `MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix`, '2'),
  tier('by substring', `MATCH (e:Entity) WHERE e.searchText CONTAINS $key`, '3'),
  tier('full text: looser matches (word order, partial Chinese names)',
    `CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node
     WITH node AS e`, '4'),
].join('\n    UNION ALL');

/**
 * The tiers in one statement: each entity at its best tier; within a tier, what the sources
 * describe first (Seeded), then the larger place, then the better-connected entity, then the
 * shorter name.
 */
const searchStatement = (name: string, tiers: string) => `// ${name}
  CALL {${tiers}
  }
  WITH e, min(tier) AS tier
  WITH e, tier,
       CASE WHEN e:Seeded THEN 0 ELSE 1 END AS known,
       coalesce(CASE e.kind ${KIND_ORDER.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END, ${KIND_ORDER.length}) AS level,
       COUNT { (e)--() } AS degree
  ORDER BY tier, known, level, degree DESC, size(e.name), e.id
  LIMIT toInteger($first)
  RETURN e {.*} AS e`;

const SEARCH_BY_CODE = searchStatement('search.by-code', BY_CODE);
const SEARCH_BY_NAME = searchStatement('search.by-name', BY_NAME);

export class SearchRepository {
  constructor(private readonly graph: Graph) {}

  async search(text: string, kinds: EntityKindName[] | null, first: number): Promise<EntityRecord[]> {
    const key = normalizeName(text);
    if (!key) return [];
    const byCode = /^\d{2,12}$/.test(key);
    const rows = await this.graph.read<{ e: Record<string, unknown> }>(
      byCode ? 'search.by-code' : 'search.by-name',
      byCode ? SEARCH_BY_CODE : SEARCH_BY_NAME,
      {
        key, kinds, first, lucene: luceneTerms(text.trim()),
        exact: `${SEARCH_KEY_SEPARATOR}${key}${SEARCH_KEY_SEPARATOR}`, prefix: `${SEARCH_KEY_SEPARATOR}${key}`,
      },
    );
    return rows.map(({ e }) => toEntityRecord(e));
  }
}
