// The reads a request makes while resolving: entities, edges and quantities by id, through the
// request's DataLoaders (so nested lists cost one statement per level). Services take these as a
// GraphReads, which unit tests fake with plain lists; resolvers reach them as `ctx.reads`.
import type { Loaders } from '../../api/loaders.js';
import { RELATIONSHIP_TYPES, relationshipTypeOfId, type Direction, type RelationshipType } from '../../domain/vocabulary.js';
import type { QuantityRecord } from '../provenance/provenance.mappers.js';
import type { EntityRecord, PlaceNode } from './entities.mappers.js';
import { ofType, type RelationshipRecord, type RelationshipRecordOf } from './relationships.mappers.js';

/** A value at once, or its promise when it has to be read. */
export type Awaitable<T> = T | Promise<T>;

/**
 * What a root's read-ahead walk found, by place id: the parent and children fields it covers answer
 * at once, without a loader's promise (graphql-js completes a level of plain values in one pass).
 * The first walk to reach a place fills its entry, as priming a loader would.
 */
export class Walks {
  readonly parents = new Map<string, PlaceNode | null>();
  readonly children = new Map<string, PlaceNode[]>();
}

export interface GraphReads {
  /** The entity with this id (or, for `place:<code>`, the place with that code), or null. */
  entity(id: string): Promise<EntityRecord | null>;
  /** The entities found among these ids, in order, without gaps. */
  entities(ids: readonly string[]): Promise<EntityRecord[]>;
  /** The edges found among these ids, in order, without gaps. */
  relationships(ids: readonly string[]): Promise<RelationshipRecord[]>;
  /** Every edge touching the entity, both directions. */
  edgesOf(id: string): Promise<RelationshipRecord[]>;
  /** The entity's edges of these types in this direction, by type and then id. */
  edgesOfKind(id: string, types: readonly RelationshipType[], direction: Direction): Promise<RelationshipRecord[]>;
  /** The place a place is PART_OF (the first by edge id), or null; places only (refs where a walk read them so). */
  parentPlace(id: string): Awaitable<PlaceNode | null>;
  /** The places PART_OF a place, in edge id order; places only (refs where a walk read them so). */
  childPlaces(id: string): Awaitable<PlaceNode[]>;
  /** The quantities stated about each subject, one list per id. */
  quantitiesOf(ids: readonly string[]): Promise<QuantityRecord[][]>;
}

/** The reads through a request's loaders (methods, not closures: a request makes one of these). */
class LoaderReads implements GraphReads {
  constructor(private readonly loaders: Loaders, private readonly walks: Walks) {}
  entity(id: string) { return this.loaders.entity.load(id); }
  async entities(ids: readonly string[]) { return present(await this.loaders.entity.loadMany(ids)); }
  async relationships(ids: readonly string[]) { return present(await this.loaders.relationship.loadMany(ids)); }
  edgesOf(id: string) { return this.loaders.relationshipsOf.load(id); }
  edgesOfKind(id: string, types: readonly RelationshipType[], direction: Direction) {
    return this.loaders.edgesOfKind.load({ id, kind: { types, direction } });
  }
  parentPlace(id: string) {
    const walked = this.walks.parents.get(id);
    return walked !== undefined ? walked : this.loaders.parentPlace.load(id);
  }
  childPlaces(id: string) { return this.walks.children.get(id) ?? this.loaders.childPlaces.load(id); }
  async quantitiesOf(ids: readonly string[]) {
    return (await this.loaders.quantitiesOf.loadMany(ids)).map((q) => (q instanceof Error ? [] : q));
  }
}

export function loaderReads(loaders: Loaders, walks: Walks): GraphReads {
  return new LoaderReads(loaders, walks);
}

/** What a DataLoader.loadMany found: no misses, no errors. */
export function present<T>(list: ReadonlyArray<T | null | Error>): T[] {
  return list.filter((x): x is T => x !== null && !(x instanceof Error));
}

/**
 * An entity's edges of some types (every type when none are given), in one direction or both.
 * Some types are read by their own typed pattern; every type, by the entity's one read of all
 * its edges (which `relationships` and the neighbourhood share).
 */
export async function edgesOf<T extends RelationshipType>(
  reads: GraphReads, id: string, types: readonly T[] | null | undefined, direction: Direction = 'BOTH',
): Promise<Array<RelationshipRecordOf<T>>> {
  const some = !!types && types.length > 0 && new Set(types).size < RELATIONSHIP_TYPES.length;
  const wanted: readonly RelationshipType[] = some ? types : RELATIONSHIP_TYPES;
  const all = some ? await reads.edgesOfKind(id, wanted, direction) : await reads.edgesOf(id);
  return all
    .filter(ofType(wanted))
    .filter((r): r is RelationshipRecordOf<T> => direction === 'BOTH' || (direction === 'OUTGOING' ? r.fromId === id : r.toId === id));
}

/** The entities at the far end of some edges, in edge order, without gaps. */
export async function farEnds(reads: GraphReads, id: string, edges: readonly RelationshipRecord[]): Promise<EntityRecord[]> {
  return reads.entities([...new Set(edges.map((r) => (r.fromId === id ? r.toId : r.fromId)))]);
}

/**
 * The entity at an edge's end, of the kind the edge requires (a twinning's ends are places, a post's
 * holder a person). Seed validation checks the kinds; a mismatch here is a broken graph, not bad input.
 */
export async function endOf<E extends EntityRecord>(reads: GraphReads, id: string, is: (e: EntityRecord) => e is E, what: string): Promise<E> {
  const e = await reads.entity(id);
  if (!e) throw new Error(`dangling edge end ${id}`); // ids read off stored edges
  if (!is(e)) throw new Error(`edge end ${id} is a ${e.kind}, not ${what}`);
  return e;
}

export const anyEntity = (_e: EntityRecord): _e is EntityRecord => true;

/** Any node by id: entities, relationships (their id prefix names the type) and quantities. */
export async function loadNode(loaders: Loaders, id: string): Promise<EntityRecord | RelationshipRecord | QuantityRecord | null> {
  if (id.startsWith('quantity:')) return loaders.quantity.load(id);
  if (relationshipTypeOfId(id)) return loaders.relationship.load(id);
  return loaders.entity.load(id);
}
