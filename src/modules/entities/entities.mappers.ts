// What the data layer hands resolvers for entities: one record per entity kind, parsed from a
// node's property map at the repository boundary. Each kind's record is declared by its module
// (places, institutions, people, projects, programmes) on the base in entity-facts.ts; this file is
// their union, the Entity interface's mapper, and the one parser that sends a row to its kind's.
// No driver Node or Integer leaves a repository.
import type { PlaceRecord } from '../places/places.mappers.js';
import type { HospitalRecord, OrganizationRecord, SchoolRecord } from '../institutions/institutions.mappers.js';
import type { PersonRecord } from '../people/people.mappers.js';
import { projectRecord, type EventRecord, type ProjectRecord } from '../projects/projects.mappers.js';
import type { ProgrammeRecord } from '../programmes/programmes.mappers.js';
import { parseEntityBase } from './entity-facts.js';
import type { StoredEntity } from './projection.js';


/** Any entity: the records of every kind. */
export type EntityRecord =
  | PlaceRecord | SchoolRecord | HospitalRecord | OrganizationRecord | PersonRecord | ProjectRecord | EventRecord | ProgrammeRecord;

/** Parses a node's property map (or compact row) into its kind's record; bookkeeping stays behind. */
export function parseEntity(stored: StoredEntity): EntityRecord {
  const base = parseEntityBase(stored);
  // Only a project has facts of its own as fields; every other kind's record is the base.
  return base.kind === 'PROJECT' ? projectRecord(base) : base;
}
