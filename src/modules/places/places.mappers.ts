// What a place resolves from: its record (PlaceRecord, the places' kinds of the entity records),
// parsed at the repository boundary from the rows projection.ts defines: an entity row, or the names
// row a walk reads when its selection asks a place's names alone.
import { isPlaceKind, type EntityKind, type PlaceKind } from '../../domain/vocabulary.js';
import { isText } from '../../domain/parse.js';
import { isKind, parseEntityBase, type KindRecord } from '../entities/entity-facts.js';
import type { StoredEntity } from '../entities/projection.js';

/** A province, city, district, township or village (one member per kind, so `kind` narrows). */
export type PlaceRecord = { [K in PlaceKind]: KindRecord<K> }[PlaceKind];

export const isPlace = (e: { kind: EntityKind }): e is PlaceRecord => isPlaceKind(e.kind);

/**
 * A place's record from a walk's names row (projection.ts's refRow): a walk whose selection asks
 * nothing of its places but their names (a county's villages by `id name`) reads id, kind, name,
 * and nameZh when asked, and no more. It is the place's record as such a selection sees it: the
 * facts the row does not hold are empty (no aliases, no code, no properties, and no Chinese name
 * unless read), as a search's compact rows are for a selection of names. PlaceService hands one
 * only to a selection that asks what it holds (its `reading`) and never primes the entity cache
 * with it; any other selection gets the whole record.
 */
export function parsePlaceNames(row: StoredEntity): PlaceRecord {
  const [id, kind, name, nameZh] = row;
  if (typeof id === 'string' && typeof name === 'string' && isKind(kind) && isPlaceKind(kind) && (row.length === 3 || (row.length === 4 && isText(nameZh)))) {
    // An object literal, not a spread (see entity-facts.ts).
    return { id, kind, name, nameZh: row.length === 4 && typeof nameZh === 'string' ? nameZh : null, aliases: [], code: null, officialName: null, properties: {} };
  }
  // Read by the walk's own statement from a place it matched: anything else is a broken graph.
  throw new Error(`not a place's names row: ${JSON.stringify(row).slice(0, 200)}`);
}

/** A place's record from its entity row; a node of another kind where a place must be is a broken graph. */
export function parsePlace(p: StoredEntity): PlaceRecord {
  const e = parseEntityBase(p);
  if (!isPlace(e)) throw new Error(`${e.id} is a ${e.kind}, not a place`);
  return e;
}
