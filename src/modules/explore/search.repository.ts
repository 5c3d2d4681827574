// Name search, anchored on indexes at any size: the official code through its unique index; names
// through the text index on each entity's search keys (`|anduoxian|anduo|安多县|安多|`), where one
// CONTAINS seek finds exact keys (`|q|`), prefixes (`|q`) and substrings (`q`); the CJK full-text
// index adds looser matches when those run short. Each tier reads a bounded number of candidates.
import type { Graph } from '../../db/graph.js';
import { PLACE_LABEL, type EntityKind } from '../../domain/vocabulary.js';
import { parseEntity, type EntityRecord } from '../entities/entities.mappers.js';
import { cited } from '../provenance/cited.js';
import { normalizeName, SEARCH_KEY_SEPARATOR } from './search-keys.js';
import { entityRow, type StoredEntity } from '../entities/projection.js';

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
    WITH e WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ${cited('e')}
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
/**
 * Exact keys (`|q|`: tier 0 when the name's own key, 1 for another name) and prefixes (`|q`: tier
 * 2). Every exact match is also a prefix match, so one seek finds both unless the prefixes ran over
 * their bound (a common name), when the exact matches get a seek of their own: the same candidates
 * as a tier per seek, for one seek of the index in the usual case.
 */
const BY_KEY_OR_PREFIX = `
    // by prefix (which holds the exact keys)
    CALL {
      MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix
      WITH e WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ${cited('e')}
      WITH e LIMIT ${CANDIDATES}
      RETURN collect(e) AS byPrefix
    }
    // by key, when the prefixes were too many to hold them all
    OPTIONAL CALL {
      WITH byPrefix
      // A row only then: a WHERE here would be checked after the seek, which would run anyway.
      UNWIND CASE WHEN size(byPrefix) = ${CANDIDATES} THEN [true] ELSE [] END AS truncated
      MATCH (e:Entity) WHERE e.searchText CONTAINS $exact
      WITH e WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ${cited('e')}
      WITH e LIMIT ${CANDIDATES}
      RETURN collect(e) AS byKey
    }
    UNWIND byPrefix + coalesce(byKey, []) AS e
    RETURN e, CASE WHEN e.searchText STARTS WITH $exact THEN 0 WHEN e.searchText CONTAINS $exact THEN 1 ELSE 2 END AS tier`;
// A trigram index serves CONTAINS from three characters on; a shorter text is left to full text.
const BY_SUBSTRING = tier('by substring', `MATCH (e:Entity) WHERE e.searchText CONTAINS $key`, '3');
const BY_FULL_TEXT = tier('full text: looser matches (word order, partial Chinese names)',
  `CALL db.index.fulltext.queryNodes('described_names', $lucene) YIELD node
     WITH node AS e WHERE e:Entity`, '4');
const union = (...tiers: string[]) => tiers.join('\n    UNION ALL');

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
  RETURN ${entityRow('e')} AS e`;

const SEARCH_BY_CODE = searchStatement('search.by-code', BY_CODE);
// Exact and prefix matches first; looser ones only when those do not fill the page.
const SEARCH_BY_NAME = searchStatement('search.by-name', BY_KEY_OR_PREFIX);
const SEARCH_LOOSER = searchStatement('search.looser', union(BY_SUBSTRING, BY_FULL_TEXT));
const SEARCH_LOOSER_SHORT = searchStatement('search.looser (short text)', BY_FULL_TEXT);

export class SearchRepository {
  constructor(private readonly graph: Graph) {}

  async search(text: string, kinds: EntityKind[] | null, first: number): Promise<EntityRecord[]> {
    const key = normalizeName(text);
    if (!key) return [];
    const params = {
      key, kinds, first, lucene: luceneTerms(text.trim()),
      exact: `${SEARCH_KEY_SEPARATOR}${key}${SEARCH_KEY_SEPARATOR}`, prefix: `${SEARCH_KEY_SEPARATOR}${key}`,
    };
    const read = async (name: string, cypher: string) =>
      (await this.graph.read<{ e: StoredEntity }>(name, cypher, params)).map(({ e }) => parseEntity(e));
    if (/^\d{2,12}$/.test(key)) return read('search.by-code', SEARCH_BY_CODE);
    const found = await read('search.by-name', SEARCH_BY_NAME);
    if (found.length < first) {
      const seen = new Set(found.map((e) => e.id));
      const looser = await read('search.looser', [...key].length >= 3 ? SEARCH_LOOSER : SEARCH_LOOSER_SHORT);
      found.push(...looser.filter((e) => !seen.has(e.id)).slice(0, first - found.length));
    }
    return found;
  }
}
