// An in-memory GraphReads for the service tier's unit tests: records built by the same parsers the
// repositories use, answered from plain lists. No driver, no database.
import type { GraphReads } from '../../src/modules/entities/graph-reads.js';
import { isPlace, parseEntity, type EntityRecord, type PlaceRecord } from '../../src/modules/entities/entities.mappers.js';
import { parseRelationship, type RelationshipRecord } from '../../src/modules/entities/relationships.mappers.js';
import type { QuantityRecord } from '../../src/modules/provenance/provenance.mappers.js';

export const entity = (id: string, kind: string, props: Record<string, unknown> = {}): EntityRecord =>
  parseEntity({ id, kind, name: id.split(':')[1], ...props });

export const edge = (id: string, type: string, fromId: string, toId: string, props: Record<string, unknown> = {}): RelationshipRecord =>
  parseRelationship({ type, fromId, toId, props: { id, ...props } });

let n = 0;
export const quantity = (subjectId: string, over: Partial<QuantityRecord> = {}): QuantityRecord => ({
  id: `quantity:q${n++}`, subjectId, metric: 'aidFunding', value: 1, unit: 'CNY', qualifier: 'EXACT', measure: 'LEVEL',
  year: null, baselineYear: null, from: null, until: null, asOf: null, note: null, ...over,
});

export interface FakeGraph {
  entities: EntityRecord[];
  edges: RelationshipRecord[];
  quantities?: QuantityRecord[];
}

/** The reads over a fixed graph; `calls` counts them, so a test can see what a service asked for. */
export function fakeReads(g: FakeGraph): GraphReads & { calls: number } {
  const byId = new Map(g.entities.map((e) => [e.id, e]));
  const edgeById = new Map(g.edges.map((r) => [r.id, r]));
  const partOf = (id: string, way: 'up' | 'down'): PlaceRecord[] => g.edges
    .filter((r) => r.type === 'PART_OF' && (way === 'up' ? r.fromId === id : r.toId === id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((r) => byId.get(way === 'up' ? r.toId : r.fromId) ?? [])
    .filter(isPlace);
  const reads = {
    calls: 0,
    entity: async (id: string) => (reads.calls++, byId.get(id) ?? null),
    entities: async (ids: readonly string[]) => (reads.calls++, ids.flatMap((id) => byId.get(id) ?? [])),
    relationships: async (ids: readonly string[]) => (reads.calls++, ids.flatMap((id) => edgeById.get(id) ?? [])),
    edgesOf: async (id: string) => (reads.calls++, g.edges.filter((r) => r.fromId === id || r.toId === id)),
    // As the typed read answers: those types, that direction, by type and then id.
    edgesOfKind: async (id: string, types: readonly string[], direction: string) => (reads.calls++, g.edges
      .filter((r) => types.includes(r.type))
      .filter((r) => (direction !== 'INCOMING' && r.fromId === id) || (direction !== 'OUTGOING' && r.toId === id))
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
    // What the hierarchy statements answer: PART_OF edges in id order, places at their far end only.
    parentPlace: async (id: string) => (reads.calls++, partOf(id, 'up')[0] ?? null),
    childPlaces: async (id: string) => (reads.calls++, partOf(id, 'down')),
    quantitiesOf: async (ids: readonly string[]) => (reads.calls++, ids.map((id) => (g.quantities ?? []).filter((q) => q.subjectId === id))),
  };
  return reads;
}
