// The rules of programmes beyond plain reads: which programme an argument names (its id, or the
// Chinese name clients sent before programmes were entities), which of its twinnings were active
// in a year, and its twinnings grouped by supporter.
import { badInput } from '../../domain/errors.js';
import { activeIn } from '../../domain/periods.js';
import type { ProgrammeRecord } from '../entities/entities.mappers.js';
import type { TwinningRecord } from '../entities/relationships.mappers.js';
import type { ProgrammeSupporterRecord } from './programmes.mappers.js';

/** What the service reads: every programme, and the twinnings under one (both through the request's loaders). */
export interface ProgrammeReads {
  programmes(): Promise<ProgrammeRecord[]>;
  twinningsUnder(id: string): Promise<TwinningRecord[]>;
}

export class ProgrammeService {
  constructor(private readonly reads: ProgrammeReads) {}

  /**
   * The programme an argument names: its id (`programme:aid-tibet`), its Chinese name or an alias
   * (对口援藏, as `TwinningFilter.programme` took it before). Anything else is BAD_USER_INPUT.
   */
  async resolve(argument: string, value: string): Promise<ProgrammeRecord> {
    const all = await this.reads.programmes();
    const found = all.find((p) => p.id === value) ?? all.find((p) => p.nameZh === value || p.name === value || p.aliases.includes(value));
    if (!found) throw badInput(argument, `names no programme (got "${value}"; programmes: ${all.map((p) => p.id).join(', ') || 'none loaded'})`);
    return found;
  }

  /** Its twinnings; with a year, only those active in it (domain/periods.ts). */
  async twinnings(programmeId: string, asOf: number | null): Promise<TwinningRecord[]> {
    const all = await this.reads.twinningsUnder(programmeId);
    return asOf === null ? all : all.filter((t) => activeIn(t, asOf));
  }

  /** Its twinnings grouped by supporter, supporters in id order. */
  async supporters(programmeId: string, asOf: number | null): Promise<ProgrammeSupporterRecord[]> {
    const groups = new Map<string, TwinningRecord[]>();
    for (const t of await this.twinnings(programmeId, asOf)) groups.set(t.fromId, [...(groups.get(t.fromId) ?? []), t]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([supporterId, twinnings]) => ({ supporterId, twinnings }));
  }
}
