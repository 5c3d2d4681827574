// The entities module as the request context composes it: the repository that reads entities and
// edges by id, the service that batches those reads, and the root lookups that read ahead.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import { EntityRepository } from './entities.repository.js';
import { EntityService } from './entities.service.js';
import { ReadAhead, type ReadAheadServices } from './read-ahead.js';

export const entitiesModule = defineModule({
  repositories: { entities: (graph: Graph) => new EntityRepository(graph) },
  services: {
    entities: (r: { entities: EntityRepository }) => new EntityService(r.entities),
    readAhead: (r: { entities: EntityRepository }, s: ReadAheadServices) => new ReadAhead(r.entities, s),
  },
});
