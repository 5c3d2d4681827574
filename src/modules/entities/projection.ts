// What a statement returns of an entity or an edge. An entity that holds nothing but its names and
// bookkeeping (every place of the official list: 665k of them) travels as a compact row, a list of
// its seven core values; the driver unpacks a list without a key per value, which on a county's
// villages was most of the CPU our side spent beside the statement. Any other entity travels as its
// property map, without the long search-only text (Cypher has no "all but" projection; nulling
// them keeps the strings off the wire).
import { CORE_PROPERTIES, INTERNAL_PROPERTIES } from '../../domain/vocabulary.js';

/** An entity as a statement returns it: a compact row (COMPACT_ORDER) or its property map. */
export type StoredEntity = Record<string, unknown> | readonly unknown[];

/** The values of a compact row, in order. */
export const COMPACT_ORDER = ['id', 'kind', 'name', 'nameZh', 'aliases', 'code', 'officialName'] as const;

/** Keys an entity may hold and still travel compact: nothing on it is left out of the row but bookkeeping. */
const COMPACT_KEYS = [...new Set<string>([...CORE_PROPERTIES, ...INTERNAL_PROPERTIES])];
const LEFT_BEHIND = ['searchText', 'aliasesText', 'contentHash'] as const;

/** Cypher: the entity bound to `node` as its parser (parseEntity) takes it. */
export const entityRow = (node: string) =>
  `CASE WHEN all(k IN keys(${node}) WHERE k IN [${COMPACT_KEYS.map((k) => `'${k}'`).join(', ')}])
     THEN [${COMPACT_ORDER.map((k) => `${node}.${k}`).join(', ')}]
     ELSE ${node} {.*, ${LEFT_BEHIND.map((p) => `${p}: null`).join(', ')}} END`;

/** Cypher: the edge bound to `rel` as the property map its parser takes. */
export const edgeMap = (rel: string) => `${rel} {.*, contentHash: null}`;
