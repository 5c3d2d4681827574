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

// Within a tier (compareHits): what the sources say something about first (Seeded), then the
// larger place, then the better-connected entity, then the shorter name.
/** One tier's statement: candidates from a seek, ranked, limited. */
const tier = (name: string, seek: string, tierRank: string) => `
  // search.${name}
  ${seek}
  WITH e LIMIT ${CANDIDATES}
  WITH e, ${tierRank} AS tier
  WHERE $kinds IS NULL OR e.kind IN $kinds
  RETURN e {.*} AS e, tier,
         CASE WHEN e:Seeded THEN 0 ELSE 1 END AS known,
         coalesce(CASE e.kind ${KIND_ORDER.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END, ${KIND_ORDER.length}) AS level,
         COUNT { (e)--() } AS degree`;

// A code: that place, then the places directly in it, then codes that merely start with the text.
const BY_CODE = tier(
  'by-code',
  `CALL {
     MATCH (e:${PLACE_LABEL} {code: $key}) RETURN e
     UNION
     MATCH (:${PLACE_LABEL} {code: $key})<-[:PART_OF]-(e:${PLACE_LABEL}) RETURN e
     UNION
     MATCH (e:${PLACE_LABEL}) WHERE e.code STARTS WITH $key RETURN e LIMIT toInteger($first)
   }`,
  'CASE WHEN e.code = $key THEN 0 ELSE 2 + size(e.code) END',
);
const BY_KEY = tier(
  'by-key',
  `MATCH (e:Entity) WHERE e.searchText CONTAINS $exact`,
  'CASE WHEN e.searchText STARTS WITH $exact THEN 0 ELSE 1 END',
);
const BY_PREFIX = tier('by-prefix', `MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix`, '2');
const BY_SUBSTRING = tier('by-substring', `MATCH (e:Entity) WHERE e.searchText CONTAINS $key`, '3');
const BY_FULL_TEXT = tier(
  'full-text',
  `CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node
   WITH node AS e`,
  '4',
);

interface Hit { e: Record<string, unknown>; tier: number; known: number; level: number; degree: number }

export class SearchRepository {
  constructor(private readonly graph: Graph) {}

  async search(text: string, kinds: EntityKindName[] | null, first: number): Promise<EntityRecord[]> {
    const key = normalizeName(text);
    if (!key) return [];
    const params = {
      key, kinds, first, lucene: luceneTerms(text.trim()),
      exact: `${SEARCH_KEY_SEPARATOR}${key}${SEARCH_KEY_SEPARATOR}`, prefix: `${SEARCH_KEY_SEPARATOR}${key}`,
    };
    // Tiers run in order until `first` distinct entities are found: exact names are not crowded out
    // by the thousands of places whose name merely contains the text.
    const tiers = /^\d{2,12}$/.test(key) ? [BY_CODE] : [BY_KEY, BY_PREFIX, BY_SUBSTRING, BY_FULL_TEXT];
    const found = new Map<string, Hit>();
    for (const cypher of tiers) {
      const name = cypher.match(/\/\/ (search\.[a-z-]+)/)![1]!;
      const rows = await this.graph.read<Hit>(name, cypher, params);
      rows.sort(compareHits);
      for (const row of rows) {
        const id = String(row.e.id);
        if (!found.has(id)) found.set(id, row);
      }
      if (found.size >= first) break;
    }
    return [...found.values()].sort(compareHits).slice(0, first).map(({ e }) => toEntityRecord(e));
  }
}

function compareHits(a: Hit, b: Hit): number {
  return a.tier - b.tier || a.known - b.known || a.level - b.level || b.degree - a.degree
    || String(a.e.name).length - String(b.e.name).length || (String(a.e.id) < String(b.e.id) ? -1 : 1);
}
