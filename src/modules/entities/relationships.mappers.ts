// What the data layer hands resolvers for edges: one record per edge type, parsed from the edge's
// property map at the repository boundary. Each typed edge's record belongs to the module whose
// GraphQL type it is (twinnings, people, projects), and carries its facts as fields, so they
// resolve by default; the others are served as the generic Relationship. This file is their union
// and the one parser that sends each row to its type's.
import { RelationshipType } from '../../domain/vocabulary.js';
import type { EdgeFacts, RelRow } from './edge-facts.js';
import { supportRecord, twinningRecord, type SupportRecord, type TwinningRecord } from '../twinnings/twinnings.mappers.js';
import {
  employmentRecord, membershipRecord, postRecord, type EmploymentRecord, type MembershipRecord, type PostRecord,
} from '../people/people.mappers.js';
import { participationRecord, type ParticipationRecord } from '../projects/projects.mappers.js';

export type { EdgeFacts, RelRow } from './edge-facts.js';

type TypedRecord = TwinningRecord | SupportRecord | PostRecord | MembershipRecord | EmploymentRecord | ParticipationRecord;
type PlainEdge = Exclude<RelationshipType, TypedRecord['type']>;
/** PART_OF, LOCATED_IN, COMES_FROM, BENEFITS: no facts of their own (one member per type, so `type` narrows). */
export type PlainRelationshipRecord = { [T in PlainEdge]: EdgeFacts<T> }[PlainEdge];

export type RelationshipRecord = TypedRecord | PlainRelationshipRecord;
/** The record of one edge type: `RelationshipRecordOf<'SUPPORTS'>` is SupportRecord. */
export type RelationshipRecordOf<T extends RelationshipType> = Extract<RelationshipRecord, { type: T }>;

const TYPES: ReadonlySet<string> = new Set(Object.values(RelationshipType));
const isRelationshipType = (t: string): t is RelationshipType => TYPES.has(t);

/**
 * Parses an edge row into its type's record; the content hash (bookkeeping) stays behind. The
 * common fields are checked by hand (a place's hundreds of PART_OF edges pass through here), the
 * facts of each typed edge by its module's parser.
 */
export function parseRelationship(row: RelRow): RelationshipRecord {
  const { type, fromId, toId, props } = row;
  const id = props.id;
  if (!isRelationshipType(type) || typeof id !== 'string' || typeof fromId !== 'string' || typeof toId !== 'string') {
    throw new Error(`not an edge row: ${JSON.stringify({ type, id, fromId, toId })}`);
  }
  const properties: Record<string, unknown> = {};
  for (const k of Object.keys(props)) if (k !== 'contentHash') properties[k] = props[k];
  switch (type) {
    case 'TWINNED_WITH': return twinningRecord({ id, fromId, toId, properties, type }, props);
    case 'SUPPORTS': return supportRecord({ id, fromId, toId, properties, type }, props);
    case 'HOLDS_POST': return postRecord({ id, fromId, toId, properties, type }, props);
    case 'MEMBER_OF': return membershipRecord({ id, fromId, toId, properties, type }, props);
    case 'WORKS_AT': return employmentRecord({ id, fromId, toId, properties, type }, props);
    case 'PARTICIPATES_IN': return participationRecord({ id, fromId, toId, properties, type }, props);
    default: return { id, fromId, toId, properties, type };
  }
}

/** A type guard for edges of the given types. */
export const ofType = <T extends RelationshipType>(types: readonly T[]) =>
  (r: RelationshipRecord): r is RelationshipRecordOf<T> => types.some((t) => t === r.type);
