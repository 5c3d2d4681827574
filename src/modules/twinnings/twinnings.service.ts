// Twinnings and supports as one request reads them: pages of either (their ends handed to the
// entities service, so `supporter` and `recipient` cost no statement), what runs under a twinning
// (its supports, projects and people, batched over every twinning of a list) and the distance
// between its two ends.
import DataLoader from 'dataloader';
import { isPerson, type PersonRecord } from '../people/people.mappers.js';
import { isPlace } from '../places/places.mappers.js';
import type { ProjectRecord } from '../projects/projects.mappers.js';
import type { EntityService } from '../entities/entities.service.js';
import { distanceKm } from '../places/location.js';
import type { SupportRecord, TwinningRecord } from './twinnings.mappers.js';
import type { AidSummaryRepository, EdgePages, PageArgs, SupportQuery, TwinningAid, TwinningQuery } from './twinnings.repository.js';

type AidPart = keyof TwinningAid;

export class TwinningService {
  private aidLoader?: DataLoader<{ twinning: TwinningRecord; part: AidPart }, TwinningAid, string>;
  private peopleLoader?: DataLoader<TwinningRecord, string[], string>;

  constructor(private readonly pages: EdgePages, private readonly scopes: AidSummaryRepository, private readonly entities: EntityService) {}

  async twinnings(q: TwinningQuery, p: PageArgs): Promise<{ total: number; page: TwinningRecord[] }> {
    const { total, page, ends } = await this.pages.twinnings(q, p);
    this.entities.prime(...ends);
    return { total, page };
  }

  async supports(q: SupportQuery, p: PageArgs): Promise<{ total: number; page: SupportRecord[] }> {
    const { total, page, ends } = await this.pages.supports(q, p);
    this.entities.prime(...ends);
    return { total, page };
  }

  /**
   * A part of the aid under a twinning (its supports or its projects): for every twinning of a list
   * in one statement per anchoring, reading only the parts any of them asked.
   */
  async aid<P extends AidPart>(twinning: TwinningRecord, part: P): Promise<TwinningAid[P]> {
    this.aidLoader ??= new DataLoader(async (requests) => {
      const twinnings = [...new Map(requests.map((r) => [r.twinning.id, r.twinning])).values()];
      const want = { supports: requests.some((r) => r.part === 'supports'), projects: requests.some((r) => r.part === 'projects') };
      const aid = await this.scopes.twinningAid(twinnings.map((t) => ({ supporter: t.fromId, recipient: t.toId })), want);
      const byId = new Map(twinnings.map((t, i) => [t.id, aid[i]!]));
      return requests.map((r) => byId.get(r.twinning.id)!);
    }, { cacheKeyFn: (r) => `${r.part}/${r.twinning.id}` });
    return (await this.aidLoader.load({ twinning, part }))[part];
  }

  supportsUnder(twinning: TwinningRecord): Promise<SupportRecord[]> { return this.aid(twinning, 'supports'); }
  projectsUnder(twinning: TwinningRecord): Promise<ProjectRecord[]> { return this.aid(twinning, 'projects'); }

  /** The people who serve anything inside the twinning's supporter. */
  async people(twinning: TwinningRecord): Promise<PersonRecord[]> {
    this.peopleLoader ??= new DataLoader((twinnings) => this.scopes.peopleInside(twinnings.map((t) => t.fromId)), { cacheKeyFn: (t) => t.id });
    return (await this.entities.entities(await this.peopleLoader.load(twinning))).filter(isPerson);
  }

  /** Kilometres between the twinning's two places, when both are located. */
  async distanceKm(twinning: TwinningRecord): Promise<number | null> {
    const [from, to] = await Promise.all([
      this.entities.end(twinning.fromId, isPlace, 'a place'), this.entities.end(twinning.toId, isPlace, 'a place'),
    ]);
    return distanceKm(from, to);
  }
}
