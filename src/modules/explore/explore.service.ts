// Exploring around one entity: its neighbourhood (the ids within reach, then the edges among them)
// and its timeline (composed from its edges, their far ends and the quantities of both). An
// unknown centre answers null; the ranges are checked by the resolver, which names the argument.
import type { EntityKind, RelationshipType } from '../../domain/vocabulary.js';
import type { GraphReads } from '../entities/graph-reads.js';
import type { RelationshipRecord } from '../entities/relationships.mappers.js';
import type { SubgraphRecord, TimelineEntryRecord } from './explore.mappers.js';
import { composeTimeline } from './timeline.js';

/** The two statements a neighbourhood needs. */
export interface Neighbourhoods {
  neighborhoodIds(id: string, depth: number, kinds: EntityKind[] | null, types: RelationshipType[] | null, limit: number, asOf: number | null):
    Promise<{ ids: string[]; total: number; exact: boolean }>;
  edgesAmong(ids: string[], types: RelationshipType[] | null, asOf: number | null): Promise<RelationshipRecord[]>;
}

export interface NeighbourhoodQuery {
  depth: number;
  kinds: EntityKind[] | null;
  types: RelationshipType[] | null;
  limit: number;
  /** Only edges that held in this year (edge-periods.ts); null: every edge. */
  asOf: number | null;
}

export class ExploreService {
  constructor(private readonly reads: GraphReads, private readonly neighbourhoods: Neighbourhoods) {}

  async neighborhood(id: string, q: NeighbourhoodQuery): Promise<SubgraphRecord | null> {
    const center = await this.reads.entity(id);
    if (!center) return null;
    const { ids, total, exact } = await this.neighbourhoods.neighborhoodIds(center.id, q.depth, q.kinds, q.types, q.limit, q.asOf);
    const edges = await this.neighbourhoods.edgesAmong(ids, q.types, q.asOf);
    // `ids` holds the centre too: the neighbourhood is truncated when more lie within reach.
    return { center, nodeIds: ids, edges, totalNodes: total, totalNodesExact: exact, truncated: total > ids.length - 1 };
  }

  async timeline(id: string, first: number): Promise<TimelineEntryRecord[] | null> {
    const self = await this.reads.entity(id);
    if (!self) return null;
    const edges = await this.reads.edgesOf(id);
    const otherIds = [...new Set(edges.map((e) => (e.fromId === id ? e.toId : e.fromId)))];
    const subjectIds = [id, ...edges.map((e) => e.id)];
    const [others, quantities] = await Promise.all([this.reads.entities(otherIds), this.reads.quantitiesOf(subjectIds)]);
    const otherMap = new Map(others.map((e) => [e.id, e]));
    const quantityMap = new Map(subjectIds.map((sid, i) => [sid, quantities[i] ?? []]));
    return composeTimeline(self, edges, otherMap, quantityMap).slice(0, first);
  }
}
