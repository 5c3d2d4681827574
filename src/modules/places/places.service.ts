// Where things are: the places of the official list and of the seeds read by code, their chain of
// ancestors, parent and children (batched, or answered from the walk a root field read ahead), and
// the rules of the hierarchy and of venues. A place's parent and children are places only (the
// rule lives in the places repository's statements, `inHierarchy`, with why); what a place hosts
// is everything else inside it; an institution's or activity's location looks past its venue (a
// meeting LOCATED_IN a school is in the school's place, which the school is LOCATED_IN).
import DataLoader from 'dataloader';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { isHospital, type HospitalRecord } from '../institutions/institutions.mappers.js';
import { edgesOf, farEnds, type Awaitable, type EntityReads } from '../entities/entities.service.js';
import { isPlace, parsePlace, parsePlaceNames, type PlaceRecord } from './places.mappers.js';
import type { HierarchyShape, PlaceReading, PlaceTree, WalkStep } from './places.repository.js';
import { covers } from './hierarchy.js';
import { PLACE_EDGE_FIELDS } from './edge-fields.js';

/** The batch reads the service's loaders run (the places repository, or a fake in unit tests). */
export interface PlaceStatements {
  placesByCodes(codes: readonly string[]): Promise<Array<PlaceRecord | null>>;
  ancestorsOf(ids: readonly string[]): Promise<PlaceRecord[][]>;
  parentOf(ids: readonly string[]): Promise<Array<PlaceRecord | null>>;
  childrenOf(ids: readonly string[]): Promise<PlaceRecord[][]>;
}

/** A place as the walk's rules need it: by its id alone. */
type Identified = Pick<PlaceRecord, 'id'>;

/** What a walk found for a field, and how much of its places the walk read. */
interface Walked<T> { reads: PlaceReading; found: T }

export class PlaceService {
  private byCode?: DataLoader<string, PlaceRecord | null>;
  private chains?: DataLoader<string, PlaceRecord[]>;
  private parents?: DataLoader<string, PlaceRecord | null>;
  private childLists?: DataLoader<string, PlaceRecord[]>;
  /**
   * What a root's read-ahead walk found, by place id: the parent and children fields it covers answer
   * at once, without a loader's promise (graphql-js completes a level of plain values in one pass).
   * The first walk to reach a place fills its entry, as priming a loader would; a later walk that
   * read more of the places replaces it (two roots of one request may walk the same places).
   */
  private readonly walkedParents = new Map<string, Walked<PlaceRecord | null>>();
  private readonly walkedChildren = new Map<string, Walked<PlaceRecord[]>>();

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
   * The place this place is PART_OF, or null (a province has none): from the walk a root field read
   * ahead (no statement, no promise) when the walk read as much of it as `asks` (what the field's
   * selection asks of it: hierarchy.ts's readingAsked), else one statement per level for a whole
   * batch. A place read as names only is never handed to a selection that asks more.
   */
  parent(e: Identified, asks: PlaceReading = 'whole'): Awaitable<PlaceRecord | null> {
    const walked = this.walkedParents.get(e.id);
    return walked && covers(walked.reads, asks)
      ? walked.found
      : (this.parents ??= new DataLoader((ids) => this.statements.parentOf(ids))).load(e.id);
  }

  /** The places that are PART_OF this one, in edge order: from a walk, as `parent` is, or batched. */
  children(e: Identified, asks: PlaceReading = 'whole'): Awaitable<PlaceRecord[]> {
    const walked = this.walkedChildren.get(e.id);
    return walked && covers(walked.reads, asks)
      ? walked.found
      : (this.childLists ??= new DataLoader((ids) => this.statements.childrenOf(ids))).load(e.id);
  }

  /** Everything that is not a place and lies in this one (LOCATED_IN or PART_OF it): what the hierarchy leaves out. */
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

  /** Hands the walk below and above `id`, as the read-ahead statement returned it, to the parent and children fields. */
  primeWalk(id: string, tree: PlaceTree, shape: HierarchyShape): void {
    const { parent, children } = shape;
    if (parent && this.readsMore(this.walkedParents.get(id), parent)) {
      this.walkedParents.set(id, { reads: readingOf(parent), found: tree.parent ? this.primePlace(tree.parent, parent) : null });
    }
    if (children && this.readsMore(this.walkedChildren.get(id), children)) {
      this.walkedChildren.set(id, { reads: readingOf(children), found: (tree.children ?? []).map((c) => this.primePlace(c, children)) });
    }
  }

  /** A walk of this shape read more of its places than the entry holds (or there is none). */
  private readsMore(entry: Walked<unknown> | undefined, shape: HierarchyShape): boolean {
    return !entry || !covers(entry.reads, readingOf(shape));
  }

  private primePlace(step: WalkStep, shape: HierarchyShape): PlaceRecord {
    const tree = isTreeStep(step);
    const row = tree ? step.e : step;
    let place: PlaceRecord;
    // A place read as names is a record only for selections of names: it stays out of the entity cache.
    if (readingOf(shape) !== 'whole') place = parsePlaceNames(row);
    else {
      place = parsePlace(row);
      this.entities.prime(place);
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

const readingOf = (shape: HierarchyShape): PlaceReading => shape.reads ?? 'whole';

/** A step with more of the walk: a map holding the place's row under `e` (every entity row is a list). */
const isTreeStep = (step: WalkStep): step is PlaceTree => !Array.isArray(step);
