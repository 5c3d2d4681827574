// Exploring around one entity: its neighbourhood (the ids within reach, then the edges among them)
// and its timeline (composed from its edges, their far ends and the quantities of both), and any
// node by id. An unknown centre answers null; the ranges are checked by the resolver, which names
// the argument. The paths between two entities and what the graph holds are plain reads
// (Explorations), which the explore module hands resolvers from its repository.
import { relationshipTypeOfId, type EntityKind, type RelationshipType } from '../../domain/vocabulary.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import type { EntityReads } from '../entities/entities.service.js';
import type { RelationshipRecord } from '../entities/relationships.mappers.js';
import type { QuantityRecord } from '../provenance/provenance.mappers.js';
import type { QuantityReads } from '../provenance/provenance.service.js';
import type { GraphStatsRecord, PathRecord, SubgraphRecord, TimelineEntryRecord } from './explore.mappers.js';
import { composeTimeline } from './timeline.js';

/** The two statements a neighbourhood needs. */
export interface Neighbourhoods {
  neighborhoodIds(id: string, depth: number, kinds: EntityKind[] | null, types: RelationshipType[] | null, limit: number, asOf: number | null):
    Promise<{ ids: string[]; total: number; exact: boolean }>;
  edgesAmong(ids: string[], types: RelationshipType[] | null, asOf: number | null): Promise<RelationshipRecord[]>;
}

/**
 * The reads beyond a neighbourhood: paths between two entities, and what the graph holds. They are
 * plain reads with no rule and nothing to batch (a root field asks each once), so the explore module
 * hands resolvers its repository as this, not a service method that would only forward.
 */
export interface Explorations {
  shortestPaths(from: string, to: string, maxHops: number, first: number, types: RelationshipType[] | null, asOf: number | null): Promise<PathRecord[]>;
  stats(): Promise<GraphStatsRecord>;
}

/** What a node lookup reads beyond entities: an edge or a quantity by id. */
export interface NodeReads {
  relationship(id: string): Promise<RelationshipRecord | null>;
  quantity(id: string): Promise<QuantityRecord | null>;
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
  constructor(
    private readonly reads: EntityReads & Pick<NodeReads, 'relationship'>,
    private readonly quantities: QuantityReads & Pick<NodeReads, 'quantity'>,
    private readonly neighbourhoods: Neighbourhoods,
  ) {}

  /** Any node by id: entities, relationships (their id prefix names the type) and quantities. */
  node(id: string): Promise<EntityRecord | RelationshipRecord | QuantityRecord | null> {
    if (id.startsWith('quantity:')) return this.quantities.quantity(id);
    if (relationshipTypeOfId(id)) return this.reads.relationship(id);
    return this.reads.entity(id);
  }

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
    const [others, quantities] = await Promise.all([this.reads.entities(otherIds), this.quantities.quantitiesOf(subjectIds)]);
    const otherMap = new Map(others.map((e) => [e.id, e]));
    const quantityMap = new Map(subjectIds.map((sid, i) => [sid, quantities[i] ?? []]));
    return composeTimeline(self, edges, otherMap, quantityMap).slice(0, first);
  }
}
