// Name search, anchored on indexes at any size: the official code through its unique index; names
// through the text index on each entity's search keys (`|anduoxian|anduo|安多县|安多|`), where one
// CONTAINS seek finds exact keys (`|q|`), prefixes (`|q`) and substrings (`q`); the CJK full-text
// index adds looser matches when those run short. Each tier reads a bounded number of candidates.
import type { Graph } from '../../db/graph.js';
import { PLACE_LABEL, type EntityKind } from '../../domain/vocabulary.js';
import { parseEntity, type EntityRecord } from '../entities/entities.mappers.js';
import { cited } from '../../domain/cited.js';
import { simplify } from '../../domain/chinese-script.js';
import { normalizeName, SEARCH_KEY_SEPARATOR } from '../../domain/search-keys.js';
import { coreRow, entityRow, type StoredEntity } from '../entities/projection.js';
import { statement, type Statement } from '../../db/statement.js';

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

/**
 * How many the full-text tier may read. Unlike the other seeks, it yields its matches best first
 * (Lucene's score, which favours short names holding the words), so the first hundred are the ones
 * worth ranking: a common word (医院, in every hospital's name) otherwise had the page rank 500 of
 * them, a cost that grew with the graph (docs/performance.md).
 */
const FULL_TEXT_CANDIDATES = 100;

/** Candidates from a seek: of the asked kinds, cited, at most `bound` (a parameter: CANDIDATES) of them. */
const candidates = (seek: string, bound = '$bound') => `${seek}
    WITH e WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ${cited('e')}
    WITH e LIMIT toInteger(${bound})`;

/** One tier: a seek's candidates, each with its rank. */
const tier = (name: string, seek: string, tierRank: string, bound?: string) => `
    // ${name}
    ${candidates(seek, bound)}
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
/** Exact keys (`|q|`: tier 0 when the name's own key, 1 for another name), else prefixes (`|q`: tier 2). */
const KEY_TIER = 'CASE WHEN e.searchText STARTS WITH $exact THEN 0 WHEN e.searchText CONTAINS $exact THEN 1 ELSE 2 END';
/**
 * Every exact match is also a prefix match, so one seek of prefixes finds both, unless the
 * prefixes run over their bound (a common name or a short text), when the exact matches may lie
 * beyond it: then they get a seek of their own (BY_KEY_AND_PREFIX). Most names have far fewer
 * prefixes than the bound, and the one seek alone (BY_PREFIX, which says when it reached the
 * bound) cost Neo4j about a fifth less than both seeks in one statement.
 */
const BY_PREFIX = `
    ${candidates('MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix')}
    WITH collect(e) AS candidates
    // At the bound, one row that says so: the candidates are not ranked twice.
    UNWIND CASE WHEN size(candidates) = $bound THEN [null] ELSE candidates END AS e
    WITH e, ${KEY_TIER} AS tier, size(candidates) AS candidates`;
const BY_KEY_AND_PREFIX = `
  CALL {
    // by prefix
    CALL {
      ${candidates('MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix')}
      RETURN collect(e) AS byPrefix
    }
    // by key
    CALL {
      ${candidates('MATCH (e:Entity) WHERE e.searchText CONTAINS $exact')}
      RETURN collect(e) AS byKey
    }
    UNWIND byPrefix + byKey AS e
    RETURN DISTINCT e
  }
  WITH e, ${KEY_TIER} AS tier`;
// A trigram index serves CONTAINS from three characters on; a shorter text is left to full text.
const BY_SUBSTRING = tier('by substring', `MATCH (e:Entity) WHERE e.searchText CONTAINS $key`, '3');
const BY_FULL_TEXT = tier('full text: looser matches (word order, partial Chinese names)',
  `CALL db.index.fulltext.queryNodes('described_names', $lucene) YIELD node
     WITH node AS e WHERE e:Entity`, '4', `CASE WHEN $bound < ${FULL_TEXT_CANDIDATES} THEN $bound ELSE ${FULL_TEXT_CANDIDATES} END`);
const union = (...tiers: string[]) => tiers.join('\n    UNION ALL');

/**
 * The candidates ranked: each entity at its best tier; within a tier, what the sources describe
 * first (Seeded), then the larger place, then the better-connected entity, then the shorter name.
 * `candidates` is carried along to the answer when the candidates say how many they were.
 */
const ranked = (row: (node: string) => string, carry = '') => `
  WITH e, tier${carry},
       CASE WHEN e:Seeded THEN 0 ELSE 1 END AS known,
       coalesce(CASE e.kind ${KIND_ORDER.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END, ${KIND_ORDER.length}) AS level,
       COUNT { (e)--() } AS degree
  ORDER BY tier, known, level, degree DESC, size(e.name), e.id
  LIMIT toInteger($first)
  RETURN ${row('e')} AS e${carry}`;

/** Tiers of candidates (each `e, tier`), in one statement: each entity at its best tier. */
const searchStatement = (name: string, tiers: string, row: (node: string) => string) => `// ${name}
  CALL {${tiers}
  }
  WITH e, min(tier) AS tier${ranked(row)}`;

/**
 * What each answer row holds: `whole`, every entity as its parser takes it (entityRow); `core`,
 * every entity as its compact row (coreRow), for a selection of CORE_FIELDS only. A `core` record
 * of a Seeded entity lacks its other facts (`properties` empty), so only such a selection gets one.
 */
export type SearchRows = 'whole' | 'core';

const statements = (rows: SearchRows) => {
  const row = rows === 'core' ? coreRow : entityRow;
  return {
    byCode: statement(searchStatement('search.by-code', BY_CODE, row)),
    // Exact and prefix matches first; looser ones only when those do not fill the page.
    byPrefix: statement(`// search.by-name${BY_PREFIX}${ranked(row, ', candidates')}`),
    byKeyAndPrefix: statement(`// search.by-name (many prefixes)${BY_KEY_AND_PREFIX}${ranked(row)}`),
    looser: statement(searchStatement('search.looser', union(BY_SUBSTRING, BY_FULL_TEXT), row)),
    looserShort: statement(searchStatement('search.looser (short text)', BY_FULL_TEXT, row)),
  };
};
const STATEMENTS: Record<SearchRows, ReturnType<typeof statements>> = { whole: statements('whole'), core: statements('core') };

export class SearchRepository {
  /** `bound`: how many candidates one seek reads (CANDIDATES; a test lowers it to reach the second seek). */
  constructor(private readonly graph: Graph, private readonly bound = CANDIDATES) {}

  async search(typed: string, kinds: EntityKind[] | null, first: number, rows: SearchRows = 'whole'): Promise<EntityRecord[]> {
    // Traditional characters are matched as the simplified ones the keys hold (拉薩 → 拉萨).
    const text = simplify(typed);
    const key = normalizeName(text);
    if (!key) return [];
    const { byCode, byPrefix, byKeyAndPrefix, looser, looserShort } = STATEMENTS[rows];
    const params = {
      key, kinds, first, bound: this.bound, lucene: luceneTerms(text.trim()),
      exact: `${SEARCH_KEY_SEPARATOR}${key}${SEARCH_KEY_SEPARATOR}`, prefix: `${SEARCH_KEY_SEPARATOR}${key}`,
    };
    const read = async (searching: Statement) =>
      (await this.graph.read<{ e: StoredEntity }>(searching, params)).map(({ e }) => parseEntity(e));
    if (/^\d{2,12}$/.test(key)) return read(byCode);
    const prefixed = await this.graph.read<{ e: StoredEntity; candidates: number }>(byPrefix, params);
    const found = prefixed[0]?.candidates === this.bound
      ? await read(byKeyAndPrefix)
      : prefixed.map(({ e }) => parseEntity(e));
    if (found.length < first) {
      const seen = new Set(found.map((e) => e.id));
      const more = await read([...key].length >= 3 ? looser : looserShort);
      found.push(...more.filter((e) => !seen.has(e.id)).slice(0, first - found.length));
    }
    return found;
  }
}
