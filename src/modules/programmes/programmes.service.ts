// Programmes as one request reads them: the list (a handful, read once a request) and the
// twinnings under each (batched), and the rules beyond plain reads: which programme an argument
// names (its id, or the Chinese name clients sent before programmes were entities), which of its
// twinnings were active in a year, and its twinnings grouped by supporter.
import DataLoader from 'dataloader';
import { badInput } from '../../domain/errors.js';
import { activeIn } from '../../domain/periods.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { programmeRequestKey, type ProgrammeRecord, type ProgrammeSupporterRecord, type ProgrammeTwinningWindow, type ProgrammeTwinningsRequest } from './programmes.mappers.js';
import type { TwinningRecord } from '../twinnings/twinnings.mappers.js';

/** The statements the service batches (the programmes repository). */
export interface ProgrammeStatements {
  all(): Promise<ProgrammeRecord[]>;
  twinningsUnder(ids: readonly string[]): Promise<{ twinnings: TwinningRecord[][]; ends: EntityRecord[] }>;
  twinningWindows(requests: readonly ProgrammeTwinningsRequest[]): Promise<{ windows: ProgrammeTwinningWindow[]; ends: EntityRecord[] }>;
}

export class ProgrammeService {
  private list?: Promise<ProgrammeRecord[]>;
  private under?: DataLoader<string, TwinningRecord[]>;
  private windows?: DataLoader<ProgrammeTwinningsRequest, ProgrammeTwinningWindow, string>;

  /** `entities` is told of every entity a read found (its loader is primed with them). */
  constructor(private readonly statements: ProgrammeStatements, private readonly entities: { prime(...found: EntityRecord[]): void }) {}

  /** Every programme the graph shows, by English name. */
  programmes(): Promise<ProgrammeRecord[]> {
    return (this.list ??= this.statements.all().then((all) => {
      this.entities.prime(...all);
      return all;
    }));
  }

  /** The programme with this id, or null. */
  async programme(id: string): Promise<ProgrammeRecord | null> {
    return (await this.programmes()).find((p) => p.id === id) ?? null;
  }

  /** The twinnings under a programme, both ends of each handed to the entities service. */
  twinningsUnder(id: string): Promise<TwinningRecord[]> {
    return (this.under ??= new DataLoader(async (ids: readonly string[]) => {
      const { twinnings, ends } = await this.statements.twinningsUnder(ids);
      this.entities.prime(...ends);
      return twinnings;
    })).load(id);
  }

  /**
   * The programme an argument names: its id (`programme:aid-tibet`), its Chinese name or an alias
   * (对口援藏, as `TwinningFilter.programme` took it before). Anything else is BAD_USER_INPUT.
   */
  async resolve(argument: string, value: string): Promise<ProgrammeRecord> {
    const all = await this.programmes();
    const found = all.find((p) => p.id === value) ?? all.find((p) => p.nameZh === value || p.name === value || p.aliases.includes(value));
    if (!found) throw badInput(argument, `names no programme (got "${value}"; programmes: ${all.map((p) => p.id).join(', ') || 'none loaded'})`);
    return found;
  }

  /** Its twinnings; with a year, only those active in it (domain/periods.ts). */
  async twinnings(programmeId: string, asOf: number | null): Promise<TwinningRecord[]> {
    const all = await this.twinningsUnder(programmeId);
    return asOf === null ? all : all.filter((t) => activeIn(t, asOf));
  }

  /** How many twinnings run under a programme (with `asOf`, active that year) and the first so many, batched. */
  private window(request: ProgrammeTwinningsRequest): Promise<ProgrammeTwinningWindow> {
    return (this.windows ??= new DataLoader(async (requests: readonly ProgrammeTwinningsRequest[]) => {
      const { windows, ends } = await this.statements.twinningWindows(requests);
      this.entities.prime(...ends);
      return windows;
    }, { cacheKeyFn: programmeRequestKey })).load(request);
  }

  /**
   * Its first `first` twinnings (with a year, of those active in it), in the order of the whole list:
   * a page read as a page, not cut from the whole list, whose length grows with the sources.
   */
  async twinningPage(programmeId: string, asOf: number | null, first: number): Promise<TwinningRecord[]> {
    return first === 0 ? [] : (await this.window({ id: programmeId, asOf, first })).page;
  }

  /** How many twinnings run under it (with a year, active in it), counted without reading them whole. */
  async twinningCount(programmeId: string, asOf: number | null): Promise<number> {
    return (await this.window({ id: programmeId, asOf, first: 0 })).total;
  }

  /** Its twinnings grouped by supporter, supporters in id order. */
  async supporters(programmeId: string, asOf: number | null): Promise<ProgrammeSupporterRecord[]> {
    const groups = new Map<string, TwinningRecord[]>();
    for (const t of await this.twinnings(programmeId, asOf)) groups.set(t.fromId, [...(groups.get(t.fromId) ?? []), t]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([supporterId, twinnings]) => ({ supporterId, twinnings }));
  }
}
