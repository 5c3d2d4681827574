// What the programmes module hands its resolvers: a programme's record (an entity record of its
// kind, entities/entity-facts.ts), a programme's supporter with its twinnings under the programme
// (the figures are read per twinning, by the quantities loader), and a page of a programme's
// twinnings with their number, as the service asks the repository for it.
import type { EntityKind } from '../../domain/vocabulary.js';
import type { KindRecord } from '../entities/entity-facts.js';
import type { TwinningRecord } from '../twinnings/twinnings.mappers.js';

/** A programme's start, term and adjustment are in `properties` (the seed's ProgrammeProperties); its fields read them there. */
export type ProgrammeRecord = KindRecord<'PROGRAMME'>;
export const isProgramme = (e: { kind: EntityKind }): e is ProgrammeRecord => e.kind === 'PROGRAMME';

/** One supporter of a programme and its twinnings under it (supporter id: their common `fromId`). */
export interface ProgrammeSupporterRecord {
  supporterId: string;
  twinnings: TwinningRecord[];
}

/** One programme's twinnings asked for: with `asOf`, those active that year; the first `first` of them (0 for the count alone). */
export interface ProgrammeTwinningsRequest { id: string; asOf: number | null; first: number }
export const programmeRequestKey = (r: ProgrammeTwinningsRequest) => `${r.id}|${r.asOf ?? ''}|${r.first}`;
/** What a request gets: how many there are, and the first so many. */
export interface ProgrammeTwinningWindow { total: number; page: TwinningRecord[] }
