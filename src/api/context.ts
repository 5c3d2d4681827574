// The one place a request's context is built: its own statement counter over the shared driver,
// and every module's services, composed from the modules' declarations (modules/*/*.module.ts)
// without naming any repository, loader or service here. Each repository and service is made when
// first asked for: a request uses a few of them (a search, one; a county's walk, two), and making
// all of them for every request was a tenth of the CPU of a request that runs no statement at all.
import type { Graph } from '../db/graph.js';
import { ListBudget } from './list-budget.js';
import { entitiesModule } from '../modules/entities/entities.module.js';
import { placesModule } from '../modules/places/places.module.js';
import { provenanceModule } from '../modules/provenance/provenance.module.js';
import { twinningsModule } from '../modules/twinnings/twinnings.module.js';
import { programmesModule } from '../modules/programmes/programmes.module.js';
import { exploreModule } from '../modules/explore/explore.module.js';

/** Every module, once: the composition and the types of `services` both derive from this list. */
const MODULES = [entitiesModule, placesModule, provenanceModule, twinningsModule, programmesModule, exploreModule] as const;
type Module = (typeof MODULES)[number];

// A name two modules declared would hide one of them.
for (const part of ['repositories', 'services'] as const) {
  const names = MODULES.flatMap((m) => Object.keys(m[part]));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`two modules declare the ${part} ${twice.join(', ')}`);
}

/**
 * The modules' declarations of one part as one object type: the union of the modules' parts turned
 * into their intersection (a union in a parameter position is inferred back as an intersection).
 */
type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
type RepositoryFactories = Merged<Module['repositories']>;
type ServiceFactories = Merged<Module['services']>;
type Made<F> = F extends (...args: never[]) => infer R ? R : never;

/** Every module's repositories over one view of the graph. */
export type Repositories = { readonly [K in keyof RepositoryFactories]: Made<RepositoryFactories[K]> };
/** Every module's services (Hive's managers, each with its own batching): resolvers call these and nothing else. */
export type Services = { readonly [K in keyof ServiceFactories]: Made<ServiceFactories[K]> };

// Typed as what the composition passes them: a factory that needs a repository or service no
// module declares (or of another type) fails to type-check here.
type RepositoryMaker = (graph: Graph) => unknown;
type ServiceMaker = (repositories: Repositories, services: Services, graph: Graph) => unknown;
const entriesOf = <F>(part: Readonly<Record<string, F>>): Array<[string, F]> => Object.entries(part);
const repositoryFactories = MODULES.flatMap((m) => entriesOf<RepositoryMaker>(m.repositories));
const serviceFactories = MODULES.flatMap((m) => entriesOf<ServiceMaker>(m.services));

/** The repositories over one view of the graph, each made when first asked for. */
class RequestRepositories {
  private readonly made: Record<string, unknown> = {};
  constructor(private readonly graph: Graph) {}
  static {
    for (const [name, make] of repositoryFactories) {
      Object.defineProperty(this.prototype, name, { get(this: RequestRepositories) { return (this.made[name] ??= make(this.graph)); } });
    }
  }
}
// Its getters are the ones the static block defines, one per declared repository.
interface RequestRepositories extends Repositories {}

/** One request's services, each made when first asked for. */
class RequestServices {
  private readonly made: Record<string, unknown> = {};
  constructor(private readonly repositories: Repositories, private readonly graph: Graph) {}
  static {
    for (const [name, make] of serviceFactories) {
      Object.defineProperty(this.prototype, name, {
        get(this: RequestServices) { return (this.made[name] ??= make(this.repositories, this, this.graph)); },
      });
    }
  }
}
interface RequestServices extends Services {}

/** The repositories over a view of the graph, outside a GraphQL request (/id, /reconcile). */
export function createRepositories(graph: Graph): Repositories {
  return new RequestRepositories(graph);
}

export interface RequestContext {
  /** The HTTP request's id, named on the log lines written while serving it. */
  reqId: string | undefined;
  /** The request's view of the graph: its statement counter is the answer's `cypherStatements`. */
  graph: Graph;
  /** Items resolved in lists so far; see MAX_LIST_ITEMS in server.ts. */
  listBudget: ListBudget;
  services: Services;
}

export function createContext(sharedGraph: Graph, reqId?: string): RequestContext {
  const graph = sharedGraph.forRequest(reqId);
  return { reqId, graph, services: new RequestServices(createRepositories(graph), graph), listBudget: new ListBudget() };
}
