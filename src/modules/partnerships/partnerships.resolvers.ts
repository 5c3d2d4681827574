// Pairings (TWINNED_WITH) and supports (SUPPORTS): the heart of paired assistance.
import type { QuantityQualifier, Resolvers, SupportMode } from '../../generated/graphql.js';
import { int, loadEntity, str } from '../entities/edges.js';
import type { EntityRecord, RelationshipRecord } from '../entities/entities.mappers.js';
import { relationshipFields } from '../entities/entities.resolvers.js';

export const partnershipResolvers: Resolvers = {
  Twinning: {
    ...relationshipFields,
    supporter: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    recipient: (r, _a, ctx) => loadEntity(ctx, r.toId),
    level: (r) => str(r.properties.level),
    programme: (r) => str(r.properties.programme),
    since: (r) => int(r.properties.since),
    sinceQualifier: (r) => (str(r.properties.sinceQualifier) as QuantityQualifier | null),
    until: (r) => int(r.properties.until),
    supports: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      const found = await ctx.loaders.relationship.loadMany(scope.supportIds);
      return found.filter((s): s is RelationshipRecord => !!s && !(s instanceof Error));
    },
    projects: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return (await ctx.loaders.entity.loadMany(scope.projectIds)).filter((e): e is EntityRecord => !!e && !(e instanceof Error));
    },
    people: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return (await ctx.loaders.entity.loadMany(scope.personIds)).filter((e): e is EntityRecord => !!e && !(e instanceof Error));
    },
  },
  Support: {
    ...relationshipFields,
    mode: (r) => r.properties.mode as SupportMode,
    supporter: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    beneficiary: (r, _a, ctx) => loadEntity(ctx, r.toId),
    from: (r) => int(r.properties.from),
    until: (r) => int(r.properties.until),
    asOf: (r) => str(r.properties.asOf),
    description: (r) => str(r.properties.description),
  },
};
