// The one place a request's context is built: its own statement counter over the shared driver,
// the repositories, and per-request DataLoaders so nested lists cost one query per level.
import DataLoader from 'dataloader';
import type { Graph } from './db/graph.js';
import { ListBudget } from './list-budget.js';
import { EntityRepository, edgeKindKey, type EdgeKind } from './modules/entities/entities.repository.js';
import type { EntityRecord, PlaceRecord } from './modules/entities/entities.mappers.js';
import type { RelationshipRecord, TwinningRecord } from './modules/entities/relationships.mappers.js';
import { AidSummaryRepository, EdgePages, TwinningScopeRepository, type TwinningAid } from './modules/twinnings/twinnings.repository.js';
import { ExploreRepository } from './modules/explore/explore.repository.js';
import { HierarchyRepository } from './modules/places/hierarchy.repository.js';
import { SearchRepository } from './modules/explore/search.repository.js';
import { ProvenanceRepository, type ClaimsPage, type ClaimsRequest } from './modules/provenance/provenance.repository.js';
import type { CitationRecord, QuantityRecord, SourceRecord } from './modules/provenance/provenance.mappers.js';
import { loaderReads, type GraphReads } from './modules/entities/graph-reads.js';
import { PlaceService } from './modules/places/places.service.js';
import { AidSummaryService } from './modules/twinnings/aid-summary.service.js';
import { ExploreService } from './modules/explore/explore.service.js';

export interface Repositories {
  entities: EntityRepository;
  provenance: ProvenanceRepository;
  search: SearchRepository;
  twinningScopes: TwinningScopeRepository;
  edgePages: EdgePages;
  aidSummary: AidSummaryRepository;
  explore: ExploreRepository;
  hierarchy: HierarchyRepository;
}

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  placeByCode: DataLoader<string, PlaceRecord | null>;
  ancestors: DataLoader<string, PlaceRecord[]>;
  parentPlace: DataLoader<string, PlaceRecord | null>;
  childPlaces: DataLoader<string, PlaceRecord[]>;
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
}

/** An entity's edges of one kind: the edgesOfKind loader's key. */
export interface EdgeOfKindKey { id: string; kind: EdgeKind }
export const edgeOfKindCacheKey = ({ id, kind }: EdgeOfKindKey): string => `${edgeKindKey(kind)}/${id}`;

/** The rules that are more than plain reads (Hive's managers): resolvers call these. */
export interface Services {
  places: PlaceService;
  aidSummary: AidSummaryService;
  explore: ExploreService;
}

export interface RequestContext {
  /** The HTTP request's id, named on the log lines written while serving it. */
  reqId: string | undefined;
  graph: Graph;
  /** Items resolved in lists so far; see MAX_LIST_ITEMS in server.ts. */
  listBudget: ListBudget;
  repos: Repositories;
  loaders: Loaders;
  /** The loaders as the services read them. */
  reads: GraphReads;
  services: Services;
}

export function createRepositories(graph: Graph): Repositories {
  const aidSummary = new AidSummaryRepository(graph);
  return {
    entities: new EntityRepository(graph),
    provenance: new ProvenanceRepository(graph),
    search: new SearchRepository(graph),
    twinningScopes: new TwinningScopeRepository(aidSummary),
    edgePages: new EdgePages(graph),
    aidSummary,
    explore: new ExploreRepository(graph),
    hierarchy: new HierarchyRepository(graph),
  };
}

export function createContext(sharedGraph: Graph, reqId?: string): RequestContext {
  const graph = sharedGraph.forRequest(reqId);
  const repos = createRepositories(graph);
  const loaders: Loaders = {
    entity: new DataLoader((ids) => repos.entities.byIds(ids)),
    placeByCode: new DataLoader((codes) => repos.entities.placesByCodes(codes)),
    ancestors: new DataLoader((ids) => repos.entities.ancestorsOf(ids)),
    parentPlace: new DataLoader((ids) => repos.hierarchy.parentOf(ids)),
    childPlaces: new DataLoader((ids) => repos.hierarchy.childrenOf(ids)),
    relationship: new DataLoader((ids) => repos.entities.relationshipsByIds(ids)),
    relationshipsOf: new DataLoader(async (ids) => {
      const { edges, ends } = await repos.entities.relationshipsWithEndsOf(ids);
      for (const e of ends) loaders.entity.prime(e.id, e);
      return edges;
    }),
    edgesOfKind: new DataLoader(async (requests) => {
      const { edges, ends } = await repos.entities.edgesOfKinds(requests);
      for (const e of ends) loaders.entity.prime(e.id, e);
      return edges;
    }, { cacheKeyFn: edgeOfKindCacheKey }),
    citationsOf: new DataLoader((ids) => repos.provenance.citationsOf(ids)),
    quantitiesOf: new DataLoader((ids) => repos.provenance.quantitiesOf(ids)),
    quantity: new DataLoader((ids) => repos.provenance.quantitiesByIds(ids)),
    source: new DataLoader((ids) => repos.provenance.sourcesByIds(ids)),
    citationCount: new DataLoader((ids) => repos.provenance.citationCounts(ids)),
    twinningAid: new DataLoader((requests) => repos.twinningScopes.aid(requests), { cacheKeyFn: (r) => `${r.part}/${r.twinning.id}` }),
    twinningPeople: new DataLoader((twinnings) => repos.twinningScopes.people(twinnings), { cacheKeyFn: (t) => t.id }),
    claims: new DataLoader((requests) => repos.provenance.claimsOf(requests), { cacheKeyFn: (r) => JSON.stringify(r) }),
  };
  const reads = loaderReads(loaders);
  const services: Services = {
    places: new PlaceService(reads),
    aidSummary: new AidSummaryService(reads, repos.aidSummary),
    explore: new ExploreService(reads, repos.explore),
  };
  return { reqId, graph, repos, loaders, reads, services, listBudget: new ListBudget() };
}
