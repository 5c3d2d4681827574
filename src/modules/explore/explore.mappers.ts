// Shapes for exploring the graph: subgraphs, paths and timelines.
import type { EntityRecord } from '../entities/entities.mappers.js';
import type { RelationshipRecord } from '../entities/relationships.mappers.js';
import type { QuantityRecord } from '../provenance/provenance.mappers.js';

export interface SubgraphRecord {
  center: EntityRecord;
  nodeIds: string[];
  edges: RelationshipRecord[];
  totalNodes: number;
  totalNodesExact: boolean;
  truncated: boolean;
}

export interface PathRecord {
  nodeIds: string[];
  relationships: RelationshipRecord[];
}

export interface TimelineEntryRecord {
  date: string;
  until: string | null;
  what: string;
  about: EntityRecord | RelationshipRecord | QuantityRecord;
  dating: 'EVENT' | 'REPORTED';
  property: string | null;
}

export interface CountRecord { key: string; count: number }
export interface GraphStatsRecord {
  entities: number;
  entitiesByKind: CountRecord[];
  relationships: number;
  relationshipsByType: CountRecord[];
  quantities: number;
  citations: number;
  sources: number;
}
