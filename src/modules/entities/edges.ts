// Reading edges and the entities at their ends off the per-request loaders: the typed edge fields
// (parent, posts, supportsReceived, ...) and lookups of any node by id.
import type { RequestContext } from '../../context.js';
import type { QuantityRecord } from '../provenance/provenance.mappers.js';
import { relationshipTypeOfId, type EntityRecord, type RelationshipRecord, type RelationshipTypeName } from './entities.mappers.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

export async function edgesOf(
  ctx: RequestContext, id: string, types: readonly RelationshipTypeName[] | null | undefined, direction: Direction = 'BOTH',
): Promise<RelationshipRecord[]> {
  const all = await ctx.loaders.relationshipsOf.load(id);
  return all.filter(
    (r) =>
      (!types || types.length === 0 || types.includes(r.type)) &&
      (direction === 'BOTH' || (direction === 'OUTGOING' ? r.fromId === id : r.toId === id)),
  );
}

/** The entities at the far end of some edges, in edge order, without gaps. */
export async function farEnds(ctx: RequestContext, id: string, edges: RelationshipRecord[]): Promise<EntityRecord[]> {
  const ids = edges.map((r) => (r.fromId === id ? r.toId : r.fromId));
  const found = await ctx.loaders.entity.loadMany([...new Set(ids)]);
  return present(found);
}

/** What a DataLoader.loadMany found: no misses, no errors. */
export function present<T>(list: ReadonlyArray<T | null | Error>): T[] {
  return list.filter((x): x is T => x !== null && !(x instanceof Error));
}

export async function loadEntity(ctx: RequestContext, id: string): Promise<EntityRecord> {
  const e = await ctx.loaders.entity.load(id);
  if (!e) throw new Error(`dangling edge end ${id}`); // the loader only sees ids read off stored edges
  return e;
}

export const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
export const int = (v: unknown): number | null => (v === undefined || v === null || v === '' ? null : Number(v));

/** Any node by id: entities, relationships (their id prefix names the type) and quantities. */
export async function loadNode(ctx: RequestContext, id: string): Promise<EntityRecord | RelationshipRecord | QuantityRecord | null> {
  if (id.startsWith('quantity:')) return ctx.loaders.quantity.load(id);
  if (relationshipTypeOfId(id)) return ctx.loaders.relationship.load(id);
  return ctx.loaders.entity.load(id);
}
