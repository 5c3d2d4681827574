// The provenance module as the request context composes it: the repository of sources, citations
// and quantities, the service that batches its reads, and the repository's plain reads of the
// sources as a whole (SourceCatalogue), exposed once with no service method to forward to them.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import { ProvenanceRepository } from './provenance.repository.js';
import { ProvenanceService, type SourceCatalogue } from './provenance.service.js';

export const provenanceModule = defineModule({
  repositories: { provenance: (graph: Graph) => new ProvenanceRepository(graph) },
  services: {
    provenance: (r: { provenance: ProvenanceRepository }, _s: unknown, graph: Graph) => new ProvenanceService(r.provenance, graph),
    sourceCatalogue: (r: { provenance: ProvenanceRepository }): SourceCatalogue => r.provenance,
  },
});
