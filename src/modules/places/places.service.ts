// Where things are: the rules of the administrative hierarchy and of venues. A place's parent and
// children are places only (aid teams and bureaus are PART_OF places too); what a place hosts is
// everything else inside it; an institution's or activity's location looks past its venue (a
// meeting LOCATED_IN a school is in the school's place, which the school is LOCATED_IN).
import type { EntityRecord, HospitalRecord, PlaceNode, PlaceRecord } from '../entities/entities.mappers.js';
import { isHospital, isPlace } from '../entities/entities.mappers.js';
import { edgesOf, farEnds, type Awaitable, type GraphReads } from '../entities/graph-reads.js';

/** A place as the walk's rules need it: by its id alone (a walk's ref will do). */
type Identified = Pick<PlaceNode, 'id'>;

export class PlaceService {
  constructor(private readonly reads: GraphReads) {}

  /** The place this place is PART_OF, or null (a province has none). */
  // One statement per level for a whole batch, or none (and no promise) when the root field read
  // the walk ahead (places/hierarchy.ts).
  parent(e: Identified): Awaitable<PlaceNode | null> {
    return this.reads.parentPlace(e.id);
  }

  children(e: Identified): Awaitable<PlaceNode[]> {
    return this.reads.childPlaces(e.id);
  }

  /** Everything that is not a place and lies in this one (LOCATED_IN or PART_OF it). */
  async located(e: Identified): Promise<EntityRecord[]> {
    return (await farEnds(this.reads, e.id, await edgesOf(this.reads, e.id, ['LOCATED_IN', 'PART_OF'], 'INCOMING'))).filter((x) => !isPlace(x));
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

  private async ends(e: EntityRecord, type: 'PART_OF' | 'LOCATED_IN', direction: 'OUTGOING' | 'INCOMING'): Promise<EntityRecord[]> {
    return farEnds(this.reads, e.id, await edgesOf(this.reads, e.id, [type], direction));
  }
}
