// What a place resolves from: its record (PlaceRecord, the places' kinds of the entity records), or,
// on a walk whose selection asked only its names, the ref the walk read. Both parsed at the
// repository boundary, from the rows projection.ts defines.
import { isPlaceKind, type EntityKind, type PlaceKind } from '../../domain/vocabulary.js';
import { isText } from '../../domain/parse.js';
import { isCompact, isKind, parseEntityBase, type KindRecord } from '../entities/entity-facts.js';
import type { StoredEntity } from '../entities/projection.js';

/** A province, city, district, township or village (one member per kind, so `kind` narrows). */
export type PlaceRecord = { [K in PlaceKind]: KindRecord<K> }[PlaceKind];

export const isPlace = (e: { kind: EntityKind }): e is PlaceRecord => isPlaceKind(e.kind);

/**
 * A place met on a walk whose selection asks nothing of it but its names (a county's villages by
 * `id name`): what the walk read of it, and no more: a part of its record (a Pick of PlaceRecord,
 * so the two cannot drift apart), read from a compact row that stops early. Its other fields load
 * its record when asked (placeFields), so a ref answers as the record would; it never stands in a
 * loader's entity cache.
 */
export type PlaceRef = { ref: true } & Pick<PlaceRecord, 'id' | 'kind' | 'name'> & {
  /** Read when the walk's selection asks for it, else absent (not null: unknown). */
  nameZh?: PlaceRecord['nameZh'];
};

/** What a Place type's fields resolve from: a whole record, or a walk's ref. */
export type PlaceNode = PlaceRecord | PlaceRef;

export const isPlaceRef = (p: PlaceNode): p is PlaceRef => 'ref' in p;

/** A ref row (projection.ts's refRow): id, kind, name, and nameZh when it was asked. */
export function parsePlaceRef(row: StoredEntity): PlaceRef {
  if (isCompact(row)) {
    const [id, kind, name, nameZh] = row;
    if (typeof id === 'string' && typeof name === 'string' && isKind(kind) && isPlaceKind(kind)) {
      if (row.length === 3) return { ref: true, id, kind, name };
      if (row.length === 4 && isText(nameZh)) return { ref: true, id, kind, name, nameZh: nameZh ?? null };
    }
  }
  // Read by the walk's own statement from a place it matched: anything else is a broken graph.
  throw new Error(`not a place's ref row: ${JSON.stringify(row).slice(0, 200)}`);
}

/** A place's record from its node; a node of another kind where a place must be is a broken graph. */
export function parsePlace(p: StoredEntity): PlaceRecord {
  const e = parseEntityBase(p);
  if (!isPlace(e)) throw new Error(`${e.id} is a ${e.kind}, not a place`);
  return e;
}
