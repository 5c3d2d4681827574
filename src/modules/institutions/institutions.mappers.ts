// What the institutions module hands its resolvers: a school's, a hospital's and an organisation's
// record, each an entity record of its kind (entities/entity-facts.ts); their other facts (grade,
// orgType, openedOn, ...) are in `properties`, parsed with every entity at the repository boundary.
import type { EntityKind } from '../../domain/vocabulary.js';
import type { KindRecord } from '../entities/entity-facts.js';

export type SchoolRecord = KindRecord<'SCHOOL'>;
export type HospitalRecord = KindRecord<'HOSPITAL'>;
export type OrganizationRecord = KindRecord<'ORGANIZATION'>;

export const isHospital = (e: { kind: EntityKind }): e is HospitalRecord => e.kind === 'HOSPITAL';
