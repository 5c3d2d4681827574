// The provenance module as the request context composes it: the repository of sources, citations
// and quantities, and the service that batches its reads.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import { ProvenanceRepository } from './provenance.repository.js';
import { ProvenanceService } from './provenance.service.js';

export const provenanceModule = defineModule({
  repositories: { provenance: (graph: Graph) => new ProvenanceRepository(graph) },
  services: {
    provenance: (r: { provenance: ProvenanceRepository }, _s: unknown, graph: Graph) => new ProvenanceService(r.provenance, graph),
  },
});
