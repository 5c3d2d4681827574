// Name search, anchored on indexes at any size: the official code through its unique index; names
// through the text index on each entity's search keys (`|anduoxian|anduo|安多县|安多|`), where one
// CONTAINS seek finds exact keys (`|q|`), prefixes (`|q`) and substrings (`q`); the CJK full-text
// index adds looser matches when those run short. Each tier reads a bounded number of candidates.
import type { Graph } from '../../db/graph.js';
import { PLACE_LABEL, type EntityKind } from '../../domain/vocabulary.js';
import { parseEntity, type EntityRecord } from '../entities/entities.mappers.js';
import { cited } from '../provenance/cited.js';
import { normalizeName, SEARCH_KEY_SEPARATOR } from './search-keys.js';
import { coreRow, entityRow, type StoredEntity } from '../entities/projection.js';

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
const searchStatement = (name: string, tiers: string, row: (node: string) => string) => `// ${name}
  CALL {${tiers}
  }
  WITH e, min(tier) AS tier
  WITH e, tier,
       CASE WHEN e:Seeded THEN 0 ELSE 1 END AS known,
       coalesce(CASE e.kind ${KIND_ORDER.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END, ${KIND_ORDER.length}) AS level,
       COUNT { (e)--() } AS degree
  ORDER BY tier, known, level, degree DESC, size(e.name), e.id
  LIMIT toInteger($first)
  RETURN ${row('e')} AS e`;

/**
 * What each answer row holds: `whole`, every entity as its parser takes it (entityRow); `core`,
 * every entity as its compact row (coreRow), for a selection of CORE_FIELDS only. A `core` record
 * of a Seeded entity lacks its other facts (`properties` empty), so only such a selection gets one.
 */
export type SearchRows = 'whole' | 'core';

const statements = (rows: SearchRows) => {
  const row = rows === 'core' ? coreRow : entityRow;
  return {
    byCode: searchStatement('search.by-code', BY_CODE, row),
    // Exact and prefix matches first; looser ones only when those do not fill the page.
    byName: searchStatement('search.by-name', BY_KEY_OR_PREFIX, row),
    looser: searchStatement('search.looser', union(BY_SUBSTRING, BY_FULL_TEXT), row),
    looserShort: searchStatement('search.looser (short text)', BY_FULL_TEXT, row),
  };
};
const STATEMENTS: Record<SearchRows, ReturnType<typeof statements>> = { whole: statements('whole'), core: statements('core') };

export class SearchRepository {
  constructor(private readonly graph: Graph) {}

  async search(text: string, kinds: EntityKind[] | null, first: number, rows: SearchRows = 'whole'): Promise<EntityRecord[]> {
    const key = normalizeName(text);
    if (!key) return [];
    const { byCode, byName, looser, looserShort } = STATEMENTS[rows];
    const params = {
      key, kinds, first, lucene: luceneTerms(text.trim()),
      exact: `${SEARCH_KEY_SEPARATOR}${key}${SEARCH_KEY_SEPARATOR}`, prefix: `${SEARCH_KEY_SEPARATOR}${key}`,
    };
    const read = async (name: string, cypher: string) =>
      (await this.graph.read<{ e: StoredEntity }>(name, cypher, params)).map(({ e }) => parseEntity(e));
    if (/^\d{2,12}$/.test(key)) return read('search.by-code', byCode);
    const found = await read('search.by-name', byName);
    if (found.length < first) {
      const seen = new Set(found.map((e) => e.id));
      const more = await read('search.looser', [...key].length >= 3 ? looser : looserShort);
      found.push(...more.filter((e) => !seen.has(e.id)).slice(0, first - found.length));
    }
    return found;
  }
}
