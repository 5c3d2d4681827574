// What the programmes module hands its resolvers: a programme's supporter with its twinnings under
// the programme (the figures are read per twinning, by the quantities loader).
import type { TwinningRecord } from '../twinnings/twinnings.mappers.js';

/** One supporter of a programme and its twinnings under it (supporter id: their common `fromId`). */
export interface ProgrammeSupporterRecord {
  supporterId: string;
  twinnings: TwinningRecord[];
}
