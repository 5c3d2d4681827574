// Fields every entity has, the generic Relationship type, and how interfaces pick their type.
import type { Relationship, RelationshipResolvers, Resolvers, SchoolResolvers } from '../../generated/graphql.js';
import { EDGE_TYPE_NAME, KIND_LABEL } from '../../domain/vocabulary.js';
import type { Complete, SharedFields } from '../../api/resolver-types.js';
import { toIndicatorSeries } from '../provenance/provenance.mappers.js';
import type { EntityRecord } from './entities.mappers.js';
import { anyEntity } from './entities.service.js';
import type { RelationshipRecord } from './relationships.mappers.js';
import { requireRange } from '../../domain/errors.js';
import { activeIn } from '../../domain/periods.js';
import { spanOf } from './edge-periods.js';

/** Resolvers shared by every type implementing Entity (each needs the entity's id only, so a place read as its names will do). */
export const entityFields = {
  sources: (e, _a, ctx) => ctx.services.provenance.citationsOf(e.id),
  quantities: async (e, args, ctx) => {
    const all = await ctx.services.provenance.quantitiesAbout(e.id);
    return args.metric ? all.filter((q) => q.metric === args.metric) : all;
  },
  indicators: async (e, _a, ctx) => toIndicatorSeries(await ctx.services.provenance.quantitiesAbout(e.id)),
  relationships: async (e, args, ctx) => {
    const year = requireRange('asOf', args.asOf, 1900, 2100);
    const edges = await ctx.services.entities.edges(e.id, args.types, args.direction);
    return year === undefined ? edges : edges.filter((r) => activeIn(spanOf(r), year));
  },
} satisfies SharedFields<SchoolResolvers, 'sources' | 'quantities' | 'indicators' | 'relationships', Pick<EntityRecord, 'id'>>;

/** An edge's proof, shared by Relationship and the typed edge types. */
export const relationshipFields = {
  sources: (r, _a, ctx) => ctx.services.provenance.citationsOf(r.id),
  quantities: (r, _a, ctx) => ctx.services.provenance.quantitiesAbout(r.id),
} satisfies SharedFields<RelationshipResolvers, 'sources' | 'quantities', RelationshipRecord>;

export const entityResolvers: Resolvers = {
  Entity: { __resolveType: (e) => KIND_LABEL[e.kind] },
  Node: {
    __resolveType: (n) => {
      if ('kind' in n) return KIND_LABEL[n.kind];
      if ('type' in n) return EDGE_TYPE_NAME[n.type];
      return 'Quantity';
    },
  },
  Relationship: {
    ...relationshipFields,
    from: (r, _a, ctx) => ctx.services.entities.end(r.fromId, anyEntity, 'an entity'),
    to: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
  } satisfies Complete<RelationshipResolvers, Relationship, RelationshipRecord>,
};
