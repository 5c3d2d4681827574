// What a module declares for a request, so the context (context.ts) can put every module together
// without knowing any of them: its repositories (each over the request's view of the graph) and its
// services, each made from the repositories and the other modules' services it names in its
// parameter types. Batching (DataLoader) lives inside the services that read through it.
import type { Graph } from '../db/graph.js';

/** Makes one repository over a view of the graph. */
export type RepositoryFactory = (graph: Graph) => unknown;

/**
 * Makes one service for one request. `repositories` and `services` are every module's, made when
 * first read; a factory types them by what it uses (`{ entities: EntityService }`), which the
 * context checks against what the modules declare.
 */
export type ServiceFactory = (repositories: never, services: never, graph: Graph) => unknown;

export interface ModuleDescriptor<R extends Record<string, RepositoryFactory>, S extends Record<string, ServiceFactory>> {
  repositories: R;
  services: S;
}

/** A module's declaration, with its factories' types kept for the context to compose. */
export const defineModule = <R extends Record<string, RepositoryFactory>, S extends Record<string, ServiceFactory>>(
  module: ModuleDescriptor<R, S>,
): ModuleDescriptor<R, S> => module;
