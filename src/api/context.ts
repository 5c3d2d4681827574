// The one place a request's context is built: its own statement counter over the shared driver,
// the repositories, and per-request DataLoaders so nested lists cost one query per level.
import type { Graph } from '../db/graph.js';
import { ListBudget } from './list-budget.js';
import { createRepositories, RequestLoaders, type Loaders, type Repositories } from './loaders.js';
import { loaderReads, Walks, type GraphReads } from '../modules/entities/graph-reads.js';
import { PlaceService } from '../modules/places/places.service.js';
import { AidSummaryService } from '../modules/twinnings/aid-summary.service.js';
import { ExploreService } from '../modules/explore/explore.service.js';
import { ProgrammeService } from '../modules/programmes/programmes.service.js';

/** The rules that are more than plain reads (Hive's managers): resolvers call these. */
export interface Services {
  places: PlaceService;
  aidSummary: AidSummaryService;
  explore: ExploreService;
  programmes: ProgrammeService;
}

export interface RequestContext {
  /** The HTTP request's id, named on the log lines written while serving it. */
  reqId: string | undefined;
  graph: Graph;
  /** Items resolved in lists so far; see MAX_LIST_ITEMS in server.ts. */
  listBudget: ListBudget;
  repos: Repositories;
  loaders: Loaders;
  /** The loaders as the services read them, and what read-ahead walks found (`walks`) before them. */
  reads: GraphReads;
  walks: Walks;
  services: Services;
}

/** One request's services over its reads, each made when first asked for (as the loaders are). */
class RequestServices implements Services {
  private made: Partial<Services> = {};
  constructor(private readonly reads: GraphReads, private readonly repos: Repositories, private readonly loaders: Loaders) {}
  get places() { return (this.made.places ??= new PlaceService(this.reads)); }
  get aidSummary() { return (this.made.aidSummary ??= new AidSummaryService(this.reads, this.repos.aidSummary)); }
  get explore() { return (this.made.explore ??= new ExploreService(this.reads, this.repos.explore)); }
  get programmes() {
    return (this.made.programmes ??= new ProgrammeService({
      programmes: () => this.loaders.programmes.load('all'),
      twinningsUnder: (id) => this.loaders.programmeTwinnings.load(id),
    }));
  }
}

export function createContext(sharedGraph: Graph, reqId?: string): RequestContext {
  const graph = sharedGraph.forRequest(reqId);
  const repos = createRepositories(graph);
  const loaders = new RequestLoaders(repos);
  const walks = new Walks();
  const reads = loaderReads(loaders, walks);
  return { reqId, graph, repos, loaders, reads, walks, services: new RequestServices(reads, repos, loaders), listBudget: new ListBudget() };
}
