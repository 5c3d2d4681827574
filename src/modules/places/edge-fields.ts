// The one field → edge table: the fields of a place (and the institution fields of the same names)
// that list its edges of one kind. The resolvers read each through the entities service's typed
// read of that kind, and the read-ahead of a root entity (entities/read-ahead.ts) reads the same
// kind in the root's statement when the field is asked, so both name the kind here once and agree.
import type { EdgeKind } from '../entities/entities.repository.js';

export const PLACE_EDGE_FIELDS = {
  twinnedWith: { types: ['TWINNED_WITH'], direction: 'OUTGOING' },
  twinnedBy: { types: ['TWINNED_WITH'], direction: 'INCOMING' },
  supportsGiven: { types: ['SUPPORTS'], direction: 'OUTGOING' },
  supportsReceived: { types: ['SUPPORTS'], direction: 'INCOMING' },
  // What a place hosts: the far ends of these edges that are not places (PlaceService.located).
  located: { types: ['LOCATED_IN', 'PART_OF'], direction: 'INCOMING' },
} as const satisfies Record<string, EdgeKind>;


const FIELDS: ReadonlyMap<string, EdgeKind> = new Map(Object.entries(PLACE_EDGE_FIELDS));

/** The edge kind a field of a place lists, or undefined for any other field. */
export const edgeKindOfField = (field: string): EdgeKind | undefined => FIELDS.get(field);
