// The programmes module as the request context composes it: the repository of programmes and the
// twinnings under them, and the service that reads them once a request and holds their rules.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import type { EntityService } from '../entities/entities.service.js';
import { ProgrammeRepository } from './programmes.repository.js';
import { ProgrammeService } from './programmes.service.js';

export const programmesModule = defineModule({
  repositories: { programmes: (graph: Graph) => new ProgrammeRepository(graph) },
  services: {
    programmes: (r: { programmes: ProgrammeRepository }, s: { entities: EntityService }) => new ProgrammeService(r.programmes, s.entities),
  },
});
