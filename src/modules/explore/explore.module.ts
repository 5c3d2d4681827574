// The explore module as the request context composes it: neighbourhoods, timelines and nodes by id
// over the explore repository (ExploreService: its rules), and the plain reads resolvers take
// straight from a repository, each exposed once with no service method to forward to it: name
// search (the search repository) and paths and stats (the explore repository as Explorations).
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import type { EntityService } from '../entities/entities.service.js';
import type { ProvenanceService } from '../provenance/provenance.service.js';
import { ExploreRepository } from './explore.repository.js';
import { ExploreService, type Explorations } from './explore.service.js';
import { SearchRepository } from './search.repository.js';

export const exploreModule = defineModule({
  repositories: {
    explore: (graph: Graph) => new ExploreRepository(graph),
    search: (graph: Graph) => new SearchRepository(graph),
  },
  services: {
    explore: (r: { explore: ExploreRepository }, s: { entities: EntityService; provenance: ProvenanceService }) =>
      new ExploreService(s.entities, s.provenance, r.explore),
    search: (r: { search: SearchRepository }) => r.search,
    explorations: (r: { explore: ExploreRepository }): Explorations => r.explore,
  },
});
