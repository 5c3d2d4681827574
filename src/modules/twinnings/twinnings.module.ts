// The twinnings module as the request context composes it: pages of twinnings and supports, the
// aid scopes under them, the service that batches those, and the aid summary's rules.
import { defineModule } from '../../api/module.js';
import type { Graph } from '../../db/graph.js';
import type { EntityService } from '../entities/entities.service.js';
import type { ProvenanceService } from '../provenance/provenance.service.js';
import { AidSummaryService } from './aid-summary.service.js';
import { AidSummaryRepository, EdgePages } from './twinnings.repository.js';
import { TwinningService } from './twinnings.service.js';

export const twinningsModule = defineModule({
  repositories: {
    edgePages: (graph: Graph) => new EdgePages(graph),
    aidScopes: (graph: Graph) => new AidSummaryRepository(graph),
  },
  services: {
    twinnings: (r: { edgePages: EdgePages; aidScopes: AidSummaryRepository }, s: { entities: EntityService }) =>
      new TwinningService(r.edgePages, r.aidScopes, s.entities),
    aidSummary: (r: { aidScopes: AidSummaryRepository }, s: { entities: EntityService; provenance: ProvenanceService }) =>
      new AidSummaryService(s.entities, s.provenance, r.aidScopes),
  },
});
