// In-memory reads for the service tier's unit tests (what the services take of entities, quantities
// and the hierarchy's batch statements): records built by the same parsers the repositories use,
// answered from plain lists. No driver, no database.
import type { EntityReads } from '../../src/modules/entities/entities.service.js';
import type { QuantityReads } from '../../src/modules/provenance/provenance.service.js';
import type { PlaceStatements } from '../../src/modules/places/places.service.js';
import type { NodeReads } from '../../src/modules/explore/explore.service.js';
import { isPlace, type PlaceRecord } from '../../src/modules/places/places.mappers.js';
import { parseEntity, type EntityRecord } from '../../src/modules/entities/entities.mappers.js';
import { parseRelationship, type RelationshipRecord } from '../../src/modules/entities/relationships.mappers.js';
import { COMPACT_ORDER } from '../../src/modules/entities/projection.js';
import type { QuantityRecord } from '../../src/modules/provenance/provenance.mappers.js';

/** An entity as a statement returns one a seed wrote: its compact row, and its facts after it (projection.ts). */
export const entity = (id: string, kind: string, props: Record<string, unknown> = {}): EntityRecord => {
  const facts: Record<string, unknown> = { id, kind, name: id.split(':')[1], ...props };
  return parseEntity([...COMPACT_ORDER.map((k) => facts[k] ?? null), facts]);
};

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
type FakeReads = EntityReads & QuantityReads & PlaceStatements & NodeReads & { prime(): void; calls: number };

export function fakeReads(g: FakeGraph): FakeReads {
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
    parentOf: async (ids: readonly string[]) => (reads.calls++, ids.map((id) => partOf(id, 'up')[0] ?? null)),
    childrenOf: async (ids: readonly string[]) => (reads.calls++, ids.map((id) => partOf(id, 'down'))),
    ancestorsOf: async (ids: readonly string[]) => (reads.calls++, ids.map(function chain(id: string): PlaceRecord[] {
      const up = partOf(id, 'up')[0];
      return up ? [up, ...chain(up.id)] : [];
    })),
    placesByCodes: async (codes: readonly string[]) => (reads.calls++, codes.map((c) => g.entities.filter(isPlace).find((p) => p.code === c) ?? null)),
    relationship: async (id: string) => (reads.calls++, edgeById.get(id) ?? null),
    quantity: async (id: string) => (reads.calls++, (g.quantities ?? []).find((q) => q.id === id) ?? null),
    // What a read found is handed to the entity loader; here every entity is at hand already.
    prime: () => {},
    quantitiesOf: async (ids: readonly string[]) => (reads.calls++, ids.map((id) => (g.quantities ?? []).filter((q) => q.subjectId === id))),
  };
  return reads;
}
