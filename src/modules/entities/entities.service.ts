// The reads every module makes of entities and the edges between them: by id, an entity's edges
// (all of them, or some types in one direction), the far ends of edges, and ids given as arguments.
// The service owns their batching (DataLoaders, one per request), so nested lists cost one statement
// per level; the rules of other modules take its reads as EntityReads, which unit tests fake.
import DataLoader from 'dataloader';
import { RELATIONSHIP_TYPES, type Direction, type RelationshipType } from '../../domain/vocabulary.js';
import { badInput } from '../../domain/errors.js';
import type { EntityRecord } from './entities.mappers.js';
import { edgeKindKey, type EdgeKind, type EntityRepository } from './entities.repository.js';
import { ofType, type RelationshipRecord, type RelationshipRecordOf } from './relationships.mappers.js';

/** What the rules of other modules read of entities and edges (EntityService, or a fake in unit tests). */
export interface EntityReads {
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
}

/** A value at once, or its promise when it has to be read. */
export type Awaitable<T> = T | Promise<T>;

/** An entity's edges of one kind: the edgesOfKind loader's key. */
interface EdgeOfKindKey { id: string; kind: EdgeKind }
const edgeOfKindCacheKey = ({ id, kind }: EdgeOfKindKey): string => `${edgeKindKey(kind)}/${id}`;

/** What DataLoader.loadMany found: no misses, no errors. */
export function present<T>(list: ReadonlyArray<T | null | Error>): T[] {
  return list.filter((x): x is T => x !== null && !(x instanceof Error));
}

/**
 * An entity's edges of some types (every type when none are given), in one direction or both.
 * Some types are read by their own typed pattern; every type, by the entity's one read of all
 * its edges (which `relationships` and the neighbourhood share).
 */
export async function edgesOf<T extends RelationshipType>(
  reads: EntityReads, id: string, types: readonly T[] | null | undefined, direction: Direction = 'BOTH',
): Promise<Array<RelationshipRecordOf<T>>> {
  const some = !!types && types.length > 0 && new Set(types).size < RELATIONSHIP_TYPES.length;
  const wanted: readonly RelationshipType[] = some ? types : RELATIONSHIP_TYPES;
  const all = some ? await reads.edgesOfKind(id, wanted, direction) : await reads.edgesOf(id);
  return all
    .filter(ofType(wanted))
    .filter((r): r is RelationshipRecordOf<T> => direction === 'BOTH' || (direction === 'OUTGOING' ? r.fromId === id : r.toId === id));
}

/** The entities at the far end of some edges, in edge order, without gaps. */
export async function farEnds(reads: EntityReads, id: string, edges: readonly RelationshipRecord[]): Promise<EntityRecord[]> {
  return reads.entities([...new Set(edges.map((r) => (r.fromId === id ? r.toId : r.fromId)))]);
}

/**
 * The entity at an edge's end, of the kind the edge requires (a twinning's ends are places, a post's
 * holder a person). Seed validation checks the kinds; a mismatch here is a broken graph, not bad input.
 */
export async function endOf<E extends EntityRecord>(reads: EntityReads, id: string, is: (e: EntityRecord) => e is E, what: string): Promise<E> {
  const e = await reads.entity(id);
  if (!e) throw new Error(`dangling edge end ${id}`); // ids read off stored edges
  if (!is(e)) throw new Error(`edge end ${id} is a ${e.kind}, not ${what}`);
  return e;
}

export const anyEntity = (_e: EntityRecord): _e is EntityRecord => true;

// Loaders are made on first use: a request uses a few of them (a search, none; a county's walk,
// one), and making all of them for every request was a tenth of the CPU of a request that runs no
// statement at all.

/** One request's reads of entities and edges, batched. */
export class EntityService implements EntityReads {
  private byId?: DataLoader<string, EntityRecord | null>;
  private edgeById?: DataLoader<string, RelationshipRecord | null>;
  private allEdges?: DataLoader<string, RelationshipRecord[]>;
  private kindEdges?: DataLoader<EdgeOfKindKey, RelationshipRecord[], string>;

  constructor(private readonly repository: EntityRepository) {}

  private get entityLoader() { return (this.byId ??= new DataLoader((ids) => this.repository.byIds(ids))); }
  private get edgeLoader() { return (this.edgeById ??= new DataLoader((ids) => this.repository.relationshipsByIds(ids))); }
  private get allEdgesLoader() {
    return (this.allEdges ??= new DataLoader(async (ids) => {
      const { edges, ends } = await this.repository.relationshipsWithEndsOf(ids);
      this.prime(...ends);
      return edges;
    }));
  }
  private get kindEdgesLoader() {
    return (this.kindEdges ??= new DataLoader(async (requests: readonly EdgeOfKindKey[]) => {
      const { edges, ends } = await this.repository.edgesOfKinds(requests);
      this.prime(...ends);
      return edges;
    }, { cacheKeyFn: edgeOfKindCacheKey }));
  }

  entity(id: string) { return this.entityLoader.load(id); }
  async entities(ids: readonly string[]) { return present(await this.entityLoader.loadMany(ids)); }
  relationship(id: string) { return this.edgeLoader.load(id); }
  async relationships(ids: readonly string[]) { return present(await this.edgeLoader.loadMany(ids)); }
  edgesOf(id: string) { return this.allEdgesLoader.load(id); }
  edgesOfKind(id: string, types: readonly RelationshipType[], direction: Direction) {
    return this.kindEdgesLoader.load({ id, kind: { types, direction } });
  }

  /** The entity's edges of some types (all when none), in one direction or both (edgesOf). */
  edges<T extends RelationshipType>(id: string, types: readonly T[] | null | undefined, direction: Direction = 'BOTH') {
    return edgesOf(this, id, types, direction);
  }

  /** The entities at the far end of the entity's edges of these types in this direction. */
  async ends(id: string, types: readonly RelationshipType[], direction: Direction): Promise<EntityRecord[]> {
    return farEnds(this, id, await edgesOf(this, id, types, direction));
  }

  /** The entity at an edge's end, of the kind the edge requires (endOf). */
  end<E extends EntityRecord>(id: string, is: (e: EntityRecord) => e is E, what: string): Promise<E> {
    return endOf(this, id, is, what);
  }

  /**
   * The stored id of the entity an argument names. Every id the API hands out for an entity names
   * it here: its own id (`province:liaoning`) and the id of its place in the official list
   * (`place:21`). An argument that anchors or filters a question must name something: an id that
   * names nothing is BAD_USER_INPUT with the argument's name, never an empty answer. (Lookups by id,
   * `entity`, `node`, `nodes`, `source`, `programme`, answer null instead, as Relay's do.)
   */
  async argument(argument: string, id: string): Promise<string> {
    const entity = await this.entity(id);
    if (!entity) throw badInput(argument, `names no entity (got "${id}")`);
    return entity.id;
  }

  /** The same for an optional argument: absent stays absent. */
  async optionalArgument(argument: string, id: string | null | undefined): Promise<string | null> {
    return id === null || id === undefined ? null : this.argument(argument, id);
  }

  /** Entities another read found, so the fields that follow them find them without a statement. */
  prime(...found: readonly EntityRecord[]): void {
    for (const e of found) this.entityLoader.prime(e.id, e);
  }

  /** An entity's edges a read ahead found: all of them (`kind` absent), or those of one kind. */
  primeEdges(id: string, edges: RelationshipRecord[], kind?: EdgeKind): void {
    if (kind) this.kindEdgesLoader.prime({ id, kind }, edges);
    else this.allEdgesLoader.prime(id, edges);
  }
}
