// The places module as the request context composes it: the places repository (by code, ancestors,
// parent and children) and the service that batches it and holds the rules of places.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import type { EntityService } from '../entities/entities.service.js';
import { PlaceRepository } from './places.repository.js';
import { PlaceService } from './places.service.js';

export const placesModule = defineModule({
  repositories: { places: (graph: Graph) => new PlaceRepository(graph) },
  services: {
    places: (r: { places: PlaceRepository }, s: { entities: EntityService }) => new PlaceService(s.entities, r.places),
  },
});
