// What a statement returns of an entity or an edge. Every entity travels in one row shape: its
// compact row, a list of its seven core values (the driver unpacks a list without a key per value,
// and on a county's villages the keys were most of the CPU our side spent beside the statement),
// which a walk of names cuts short (namesRow) and which, for an entity a seed wrote, its other facts
// follow (its property map, without the long search-only text: Cypher has no "all but" projection,
// and nulling them keeps the strings off the wire). A place known only from the official list (665k
// of them: what the gazetteer writes, never labelled Seeded) holds nothing but its names, code and
// search keys, so its row ends with the seven. The label decides, not the node's keys: asking every
// node for its keys cost Neo4j more than the compact rows saved (a national-frame test holds the
// list's places to that shape).
import { SEEDED_LABEL } from '../../domain/vocabulary.js';

/**
 * An entity as a statement returns it: its compact row (COMPACT_ORDER), followed, for an entity a
 * seed wrote, by its property map (its facts), or cut after its names (namesRow).
 */
export type StoredEntity = readonly unknown[];

/** The values of a compact row, in order. */
export const COMPACT_ORDER = ['id', 'kind', 'name', 'nameZh', 'aliases', 'code', 'officialName'] as const;

const LEFT_BEHIND = ['searchText', 'aliasesText', 'contentHash'] as const;

/**
 * The GraphQL fields of an entity that the compact row alone answers. A selection asking nothing
 * else (a search box's `id name nameZh`) can take every entity as a compact row (coreRow), Seeded
 * ones too, whose whole property maps were most of such an answer's bytes.
 */
export const CORE_FIELDS: ReadonlySet<string> = new Set(['__typename', ...COMPACT_ORDER]);

/** Cypher: any entity's compact row, for a selection of CORE_FIELDS only (what else it holds stays behind). */
export const coreRow = (node: string) => `[${COMPACT_ORDER.map((k) => `${node}.${k}`).join(', ')}]`;

/** The values of a names row: the compact row's first three, or four with the Chinese name. */
export const NAMES_ORDER = COMPACT_ORDER.slice(0, 4);

/** The GraphQL fields of a place that its names row answers (namesRow; the walk decides which rows it reads). */
export const NAMES_ROW_FIELDS: ReadonlySet<string> = new Set(['__typename', ...NAMES_ORDER]);

/**
 * Cypher: a place's names row (parsePlaceNames), for a walk step whose selection asks only its
 * names: the compact row cut after its first three values, or four with its Chinese name (one
 * column order, so a names row is a compact row that stops early). On a county's villages the
 * seven values of a compact row, and the Seeded test that picks a map, were most of what Neo4j
 * spent beyond the walk itself.
 */
export const namesRow = (node: string, withNameZh: boolean) =>
  `[${NAMES_ORDER.slice(0, withNameZh ? 4 : 3).map((k) => `${node}.${k}`).join(', ')}]`;

/** Cypher: the entity bound to `node` as its parser (parseEntity) takes it: its compact row, and a seed's facts after it. */
export const entityRow = (node: string) =>
  `CASE WHEN ${node}:${SEEDED_LABEL} THEN ${coreRow(node)} + [${node} {.*, ${LEFT_BEHIND.map((p) => `${p}: null`).join(', ')}}]
     ELSE ${coreRow(node)} END`;

/** Cypher: the edge bound to `rel` as the property map its parser takes. */
export const edgeMap = (rel: string) => `${rel} {.*, contentHash: null}`;

/** Cypher: the edge `r` from `a` to `b` as its parser's row, with both ends' rows (fields on them need no statement). */
export const EDGE_WITH_ENDS = `{type: type(r), fromId: a.id, toId: b.id, props: ${edgeMap('r')}, from: ${entityRow('a')}, to: ${entityRow('b')}}`;

/**
 * Cypher: the edges of `type` whose ids the list `ids` holds, in its order, each with both ends
 * (EDGE_WITH_ENDS), collected as `as`: a seek per id on the type's id constraint. For the answers
 * kept per data stamp (db/kept-by-stamp.ts), whose ids the statement has just found still the graph's.
 */
export const edgesInOrder = (type: string, ids: string, as: string) => `UNWIND range(0, size(${ids}) - 1) AS at
      MATCH (a:Entity)-[r:${type} {id: ${ids}[at]}]->(b:Entity)
      WITH at, a, r, b ORDER BY at
      RETURN collect(${EDGE_WITH_ENDS}) AS ${as}`;
