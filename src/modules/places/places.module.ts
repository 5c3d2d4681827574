// The places module as the request context composes it: the repository of the hierarchy (by code,
// ancestors, parent and children) and the service that batches it and holds the rules of places.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import type { EntityService } from '../entities/entities.service.js';
import { HierarchyRepository } from './hierarchy.repository.js';
import { PlaceService } from './places.service.js';
import type { EntityRepository } from '../entities/entities.repository.js';

export const placesModule = defineModule({
  repositories: { hierarchy: (graph: Graph) => new HierarchyRepository(graph) },
  services: {
    places: (r: { hierarchy: HierarchyRepository; entities: EntityRepository }, s: { entities: EntityService }) => new PlaceService(s.entities, {
      placesByCodes: (codes) => r.entities.placesByCodes(codes),
      ancestorsOf: (ids) => r.entities.ancestorsOf(ids),
      parentOf: (ids) => r.hierarchy.parentOf(ids),
      childrenOf: (ids) => r.hierarchy.childrenOf(ids),
    }),
  },
});
