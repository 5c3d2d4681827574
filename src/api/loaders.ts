// A request's data access below its services: the repositories over its view of the graph, and the
// DataLoaders that batch their reads, so nested lists cost one query per level. Its own file so the
// reads the services walk (modules/entities/graph-reads.ts) can name the loaders without importing
// the context that builds the services.
import DataLoader from 'dataloader';
import type { Graph } from '../db/graph.js';
import { EntityRepository, edgeKindKey, type EdgeKind } from '../modules/entities/entities.repository.js';
import type { EntityRecord, PlaceNode, PlaceRecord, ProgrammeRecord } from '../modules/entities/entities.mappers.js';
import type { RelationshipRecord, TwinningRecord } from '../modules/entities/relationships.mappers.js';
import { AidSummaryRepository, EdgePages, TwinningScopeRepository, type TwinningAid } from '../modules/twinnings/twinnings.repository.js';
import { ExploreRepository } from '../modules/explore/explore.repository.js';
import { HierarchyRepository } from '../modules/places/hierarchy.repository.js';
import { ProgrammeRepository } from '../modules/programmes/programmes.repository.js';
import { SearchRepository } from '../modules/explore/search.repository.js';
import { ProvenanceRepository, type ClaimsPage, type ClaimsRequest } from '../modules/provenance/provenance.repository.js';
import type { CitationRecord, QuantityRecord, SourceRecord } from '../modules/provenance/provenance.mappers.js';

export interface Repositories {
  entities: EntityRepository;
  provenance: ProvenanceRepository;
  search: SearchRepository;
  twinningScopes: TwinningScopeRepository;
  edgePages: EdgePages;
  aidSummary: AidSummaryRepository;
  explore: ExploreRepository;
  hierarchy: HierarchyRepository;
  programmes: ProgrammeRepository;
}

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  placeByCode: DataLoader<string, PlaceRecord | null>;
  ancestors: DataLoader<string, PlaceRecord[]>;
  parentPlace: DataLoader<string, PlaceNode | null>;
  childPlaces: DataLoader<string, PlaceNode[]>;
  relationship: DataLoader<string, RelationshipRecord | null>;
  relationshipsOf: DataLoader<string, RelationshipRecord[]>;
  edgesOfKind: DataLoader<EdgeOfKindKey, RelationshipRecord[], string>;
  citationsOf: DataLoader<string, CitationRecord[]>;
  quantitiesOf: DataLoader<string, QuantityRecord[]>;
  quantity: DataLoader<string, QuantityRecord | null>;
  source: DataLoader<string, SourceRecord | null>;
  citationCount: DataLoader<string, number>;
  /** A part of the aid under a twinning (the rest of the value is empty unless asked in the same batch). */
  twinningAid: DataLoader<{ twinning: TwinningRecord; part: keyof TwinningAid }, TwinningAid, string>;
  twinningPeople: DataLoader<TwinningRecord, string[], string>;
  claims: DataLoader<ClaimsRequest, ClaimsPage, string>;
  /** Every programme (one key, `all`: the list is a handful, read once a request). */
  programmes: DataLoader<'all', ProgrammeRecord[]>;
  /** The twinnings under each programme, by programme id. */
  programmeTwinnings: DataLoader<string, TwinningRecord[]>;
}

/** An entity's edges of one kind: the edgesOfKind loader's key. */
export interface EdgeOfKindKey { id: string; kind: EdgeKind }
export const edgeOfKindCacheKey = ({ id, kind }: EdgeOfKindKey): string => `${edgeKindKey(kind)}/${id}`;

// Repositories, loaders and services are made on first use: a request uses a few of them (a
// search, one repository; a county's walk, a statement and two loaders), and making all of them
// for every request was a tenth of the CPU of a request that runs no statement at all.

/** The repositories over one view of the graph, each made when first asked for. */
class RequestRepositories implements Repositories {
  private made: Partial<Repositories> = {};
  constructor(private readonly graph: Graph) {}
  get entities() { return (this.made.entities ??= new EntityRepository(this.graph)); }
  get provenance() { return (this.made.provenance ??= new ProvenanceRepository(this.graph)); }
  get search() { return (this.made.search ??= new SearchRepository(this.graph)); }
  get twinningScopes() { return (this.made.twinningScopes ??= new TwinningScopeRepository(this.aidSummary)); }
  get edgePages() { return (this.made.edgePages ??= new EdgePages(this.graph)); }
  get aidSummary() { return (this.made.aidSummary ??= new AidSummaryRepository(this.graph)); }
  get explore() { return (this.made.explore ??= new ExploreRepository(this.graph)); }
  get hierarchy() { return (this.made.hierarchy ??= new HierarchyRepository(this.graph)); }
  get programmes() { return (this.made.programmes ??= new ProgrammeRepository(this.graph)); }
}

export function createRepositories(graph: Graph): Repositories {
  return new RequestRepositories(graph);
}

/** One request's DataLoaders, each made when first asked for. */
export class RequestLoaders implements Loaders {
  private made: Partial<Loaders> = {};
  constructor(private readonly repos: Repositories) {}
  get entity() { return (this.made.entity ??= new DataLoader((ids) => this.repos.entities.byIds(ids))); }
  get placeByCode() { return (this.made.placeByCode ??= new DataLoader((codes) => this.repos.entities.placesByCodes(codes))); }
  get ancestors() { return (this.made.ancestors ??= new DataLoader((ids) => this.repos.entities.ancestorsOf(ids))); }
  get parentPlace() { return (this.made.parentPlace ??= new DataLoader((ids) => this.repos.hierarchy.parentOf(ids))); }
  get childPlaces() { return (this.made.childPlaces ??= new DataLoader((ids) => this.repos.hierarchy.childrenOf(ids))); }
  get relationship() { return (this.made.relationship ??= new DataLoader((ids) => this.repos.entities.relationshipsByIds(ids))); }
  get relationshipsOf() {
    return (this.made.relationshipsOf ??= new DataLoader(async (ids) => {
      const { edges, ends } = await this.repos.entities.relationshipsWithEndsOf(ids);
      for (const e of ends) this.entity.prime(e.id, e);
      return edges;
    }));
  }
  get edgesOfKind() {
    return (this.made.edgesOfKind ??= new DataLoader(async (requests: readonly EdgeOfKindKey[]) => {
      const { edges, ends } = await this.repos.entities.edgesOfKinds(requests);
      for (const e of ends) this.entity.prime(e.id, e);
      return edges;
    }, { cacheKeyFn: edgeOfKindCacheKey }));
  }
  get citationsOf() { return (this.made.citationsOf ??= new DataLoader((ids) => this.repos.provenance.citationsOf(ids))); }
  get quantitiesOf() { return (this.made.quantitiesOf ??= new DataLoader((ids) => this.repos.provenance.quantitiesOf(ids))); }
  get quantity() { return (this.made.quantity ??= new DataLoader((ids) => this.repos.provenance.quantitiesByIds(ids))); }
  get source() { return (this.made.source ??= new DataLoader((ids) => this.repos.provenance.sourcesByIds(ids))); }
  get citationCount() { return (this.made.citationCount ??= new DataLoader((ids) => this.repos.provenance.citationCounts(ids))); }
  get twinningAid() {
    return (this.made.twinningAid ??= new DataLoader((requests) => this.repos.twinningScopes.aid(requests), { cacheKeyFn: (r) => `${r.part}/${r.twinning.id}` }));
  }
  get twinningPeople() {
    return (this.made.twinningPeople ??= new DataLoader((twinnings) => this.repos.twinningScopes.people(twinnings), { cacheKeyFn: (t) => t.id }));
  }
  get claims() {
    return (this.made.claims ??= new DataLoader((requests) => this.repos.provenance.claimsOf(requests), { cacheKeyFn: (r) => JSON.stringify(r) }));
  }
  get programmes() {
    return (this.made.programmes ??= new DataLoader(async (keys: readonly 'all'[]) => {
      const all = await this.repos.programmes.all();
      for (const p of all) this.entity.prime(p.id, p);
      return keys.map(() => all);
    }));
  }
  get programmeTwinnings() {
    return (this.made.programmeTwinnings ??= new DataLoader(async (ids: readonly string[]) => {
      const { twinnings, ends } = await this.repos.programmes.twinningsUnder(ids);
      for (const e of ends) this.entity.prime(e.id, e);
      return twinnings;
    }));
  }
}
