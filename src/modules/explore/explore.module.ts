// The explore module as the request context composes it: neighbourhoods, paths and stats over the
// explore repository, and name search, whose repository is its service (a plain read, no rule).
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import type { EntityService } from '../entities/entities.service.js';
import type { ProvenanceService } from '../provenance/provenance.service.js';
import { ExploreRepository } from './explore.repository.js';
import { ExploreService } from './explore.service.js';
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
  },
});
