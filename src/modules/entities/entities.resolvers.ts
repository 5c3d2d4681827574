// Fields every entity has, the generic Relationship type, and how interfaces pick their type.
import type { RequestContext } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { toIndicatorSeries } from '../provenance/provenance.mappers.js';
import { edgesOf, farEnds, loadEntity, type Direction } from './edges.js';
import { KIND_LABEL, isPlaceKind, type EntityRecord, type RelationshipRecord, type RelationshipTypeName } from './entities.mappers.js';

/** Resolvers shared by every type implementing Entity. */
export const entityFields = {
  sources: (e: EntityRecord, _a: unknown, ctx: RequestContext) => ctx.loaders.citationsOf.load(e.id),
  quantities: async (e: EntityRecord, args: { metric?: string | null }, ctx: RequestContext) => {
    const all = await ctx.loaders.quantitiesOf.load(e.id);
    return args.metric ? all.filter((q) => q.metric === args.metric) : all;
  },
  indicators: async (e: EntityRecord, _a: unknown, ctx: RequestContext) => toIndicatorSeries(await ctx.loaders.quantitiesOf.load(e.id)),
  relationships: (e: EntityRecord, args: { types?: RelationshipTypeName[] | null; direction?: Direction | null }, ctx: RequestContext) =>
    edgesOf(ctx, e.id, args.types, args.direction ?? 'BOTH'),
};

export const isPlace = (e: EntityRecord) => isPlaceKind(e.kind);

/** Resolvers shared by Place types. */
export const placeFields = {
  ...entityFields,
  // Teams and bureaus may be PART_OF a place too; the hierarchy of places holds places only.
  ancestors: (e: EntityRecord, _a: unknown, ctx: RequestContext) => ctx.loaders.ancestors.load(e.id),
  // One statement per level for a whole batch (or none, when the root read the walk ahead: places/hierarchy.ts).
  parent: (e: EntityRecord, _a: unknown, ctx: RequestContext) => ctx.loaders.parentPlace.load(e.id),
  children: (e: EntityRecord, _a: unknown, ctx: RequestContext) => ctx.loaders.childPlaces.load(e.id),
  twinnedWith: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['TWINNED_WITH'], 'OUTGOING'),
  twinnedBy: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['TWINNED_WITH'], 'INCOMING'),
  supportsGiven: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['SUPPORTS'], 'OUTGOING'),
  supportsReceived: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['SUPPORTS'], 'INCOMING'),
  located: async (e: EntityRecord, _a: unknown, ctx: RequestContext) =>
    farEnds(ctx, e.id, await edgesOf(ctx, e.id, ['LOCATED_IN', 'PART_OF'], 'INCOMING')).then((all) => all.filter((x) => !isPlace(x))),
};

/** An edge's far ends and proof, shared by Relationship and the typed edge types. */
export const relationshipFields = {
  sources: (r: RelationshipRecord, _a: unknown, ctx: RequestContext) => ctx.loaders.citationsOf.load(r.id),
  quantities: (r: RelationshipRecord, _a: unknown, ctx: RequestContext) => ctx.loaders.quantitiesOf.load(r.id),
};

const EDGE_TYPE_NAME: Partial<Record<RelationshipTypeName, string>> = {
  TWINNED_WITH: 'Twinning', SUPPORTS: 'Support', HOLDS_POST: 'Post', MEMBER_OF: 'Membership',
  WORKS_AT: 'Employment', PARTICIPATES_IN: 'Participation',
};

export const entityResolvers: Resolvers = {
  Entity: { __resolveType: (e) => KIND_LABEL[e.kind] as never },
  Node: {
    __resolveType: (n) => {
      if ('kind' in n) return KIND_LABEL[n.kind] as never;
      if ('type' in n) return (EDGE_TYPE_NAME[n.type] ?? 'Relationship') as never;
      return 'Quantity';
    },
  },
  Relationship: {
    ...relationshipFields,
    from: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    to: (r, _a, ctx) => loadEntity(ctx, r.toId),
  },
};
