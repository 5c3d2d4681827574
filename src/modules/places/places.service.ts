// Where things are: the places of the official list and of the seeds read by code, their chain of
// ancestors, parent and children (batched, or answered from the walk a root field read ahead), and
// the rules of the hierarchy and of venues. A place's parent and children are places only (aid
// teams and bureaus are PART_OF places too); what a place hosts is everything else inside it; an
// institution's or activity's location looks past its venue (a meeting LOCATED_IN a school is in
// the school's place, which the school is LOCATED_IN).
import DataLoader from 'dataloader';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { isHospital, type HospitalRecord } from '../institutions/institutions.mappers.js';
import { isPlace, isPlaceRef, parsePlace, parsePlaceRef, type PlaceNode, type PlaceRecord } from './places.mappers.js';
import { edgesOf, farEnds, type Awaitable, type EntityReads } from '../entities/entities.service.js';
import type { HierarchyShape, PlaceTree, WalkStep } from './places.repository.js';
import { PLACE_EDGE_FIELDS } from './edge-fields.js';

/** The batch reads the service's loaders run (the places repository, or a fake in unit tests). */
export interface PlaceStatements {
  placesByCodes(codes: readonly string[]): Promise<Array<PlaceRecord | null>>;
  ancestorsOf(ids: readonly string[]): Promise<PlaceRecord[][]>;
  parentOf(ids: readonly string[]): Promise<Array<PlaceNode | null>>;
  childrenOf(ids: readonly string[]): Promise<PlaceNode[][]>;
}

/** A place as the walk's rules need it: by its id alone (a walk's ref will do). */
type Identified = Pick<PlaceNode, 'id'>;

export class PlaceService {
  private byCode?: DataLoader<string, PlaceRecord | null>;
  private chains?: DataLoader<string, PlaceRecord[]>;
  private parents?: DataLoader<string, PlaceNode | null>;
  private childLists?: DataLoader<string, PlaceNode[]>;
  /**
   * What a root's read-ahead walk found, by place id: the parent and children fields it covers answer
   * at once, without a loader's promise (graphql-js completes a level of plain values in one pass).
   * The first walk to reach a place fills its entry, as priming a loader would.
   */
  private readonly walkedParents = new Map<string, PlaceNode | null>();
  private readonly walkedChildren = new Map<string, PlaceNode[]>();

  constructor(private readonly entities: EntityReads & { prime(...found: EntityRecord[]): void }, private readonly statements: PlaceStatements) {}

  /** The place with this official code, or null. */
  byCodeOf(code: string): Promise<PlaceRecord | null> {
    return (this.byCode ??= new DataLoader((codes) => this.statements.placesByCodes(codes))).load(code);
  }

  /** The place's ancestors, parent first. */
  ancestors(e: Identified): Promise<PlaceRecord[]> {
    return (this.chains ??= new DataLoader((ids) => this.statements.ancestorsOf(ids))).load(e.id);
  }

  /**
   * The place this place is PART_OF, or null (a province has none): one statement per level for a
   * whole batch, or none (and no promise) when the root field read the walk ahead.
   */
  parent(e: Identified): Awaitable<PlaceNode | null> {
    const walked = this.walkedParents.get(e.id);
    return walked !== undefined ? walked : (this.parents ??= new DataLoader((ids) => this.statements.parentOf(ids))).load(e.id);
  }

  children(e: Identified): Awaitable<PlaceNode[]> {
    return this.walkedChildren.get(e.id) ?? (this.childLists ??= new DataLoader((ids) => this.statements.childrenOf(ids))).load(e.id);
  }

  /** Everything that is not a place and lies in this one (LOCATED_IN or PART_OF it). */
  async located(e: Identified): Promise<EntityRecord[]> {
    const { types, direction } = PLACE_EDGE_FIELDS.located;
    return (await farEnds(this.entities, e.id, await edgesOf(this.entities, e.id, types, direction))).filter((x) => !isPlace(x));
  }

  /** The place an institution or activity is LOCATED_IN; a venue that is not a place is passed over. */
  async location(e: EntityRecord): Promise<PlaceRecord | null> {
    return (await this.ends(e, 'LOCATED_IN', 'OUTGOING')).find(isPlace) ?? null;
  }

  /** What an organisation belongs to: the first entity it is PART_OF, of any kind. */
  async partOf(e: EntityRecord): Promise<EntityRecord | null> {
    return (await this.ends(e, 'PART_OF', 'OUTGOING'))[0] ?? null;
  }

  /** A department's hospital: the hospital it is PART_OF, when the first thing it is part of is one. */
  async parentHospital(e: EntityRecord): Promise<HospitalRecord | null> {
    const up = await this.partOf(e);
    return up && isHospital(up) ? up : null;
  }

  async departments(e: EntityRecord): Promise<HospitalRecord[]> {
    return (await this.ends(e, 'PART_OF', 'INCOMING')).filter(isHospital);
  }

  /** A walk's ref made whole: its record, loaded by id when a field asks more than the walk read. */
  async whole(p: PlaceNode): Promise<PlaceRecord> {
    if (!isPlaceRef(p)) return p;
    const e = await this.entities.entity(p.id);
    // The walk read it a moment ago in this request; gone or changed kind since is not bad input.
    if (!e || !isPlace(e)) throw new Error(`place ${p.id}, read by a walk, is no longer a place`);
    return e;
  }

  /** Hands the walk below and above `id`, as the read-ahead statement returned it, to the parent and children fields. */
  primeWalk(id: string, tree: PlaceTree, shape: HierarchyShape): void {
    const { parent, children } = shape;
    if (parent && !this.walkedParents.has(id)) this.walkedParents.set(id, tree.parent ? this.primePlace(tree.parent, parent) : null);
    if (children && !this.walkedChildren.has(id)) this.walkedChildren.set(id, (tree.children ?? []).map((c) => this.primePlace(c, children)));
  }

  private primePlace(step: WalkStep, shape: HierarchyShape): PlaceNode {
    const tree = isTreeStep(step);
    const row = tree ? step.e : step;
    // A ref is what this walk read, not a record: it stays out of the entity cache.
    let place: PlaceNode;
    if (shape.ref) place = parsePlaceRef(row);
    else {
      const rec = parsePlace(row);
      this.entities.prime(rec);
      place = rec;
    }
    // A step the statement wrote as a row alone asked nothing further (walkFields decides by the
    // same shape); were they ever to differ, the deeper levels would be read level by level.
    if (tree) this.primeWalk(place.id, step, shape);
    return place;
  }

  private async ends(e: EntityRecord, type: 'PART_OF' | 'LOCATED_IN', direction: 'OUTGOING' | 'INCOMING'): Promise<EntityRecord[]> {
    return farEnds(this.entities, e.id, await edgesOf(this.entities, e.id, [type], direction));
  }
}

/** A step with more of the walk: a map holding the place's row under `e`, and no `id` of its own (every entity row has one). */
const isTreeStep = (step: WalkStep): step is PlaceTree => !Array.isArray(step) && 'e' in step && !('id' in step);
