// Projects and events: who funds, implements or organises them, whom they benefit, what they cost.
import type { RequestContext } from '../../context.js';
import type { ParticipationRole, Resolvers, SupportMode } from '../../generated/graphql.js';
import { edgesOf, farEnds, loadEntity, str } from '../entities/edges.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { entityFields, relationshipFields } from '../entities/entities.resolvers.js';
import { institutionFields } from '../institutions/institutions.resolvers.js';

const metric = async (ctx: RequestContext, e: EntityRecord, name: string) =>
  (await ctx.loaders.quantitiesOf.load(e.id)).find((q) => q.metric === name) ?? null;

const activityFields = {
  ...entityFields,
  location: institutionFields.location,
  participants: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['PARTICIPATES_IN'], 'INCOMING'),
  beneficiaries: async (e: EntityRecord, _a: unknown, ctx: RequestContext) =>
    farEnds(ctx, e.id, await edgesOf(ctx, e.id, ['BENEFITS'], 'OUTGOING')),
};

export const projectResolvers: Resolvers = {
  Project: {
    ...activityFields,
    investment: (e, _a, ctx) => metric(ctx, e, 'aidFunding'),
    floorArea: (e, _a, ctx) => metric(ctx, e, 'floorArea'),
    openedOn: (e) => str(e.properties.openedOn),
    supportMode: (e) => str(e.properties.supportMode) as SupportMode | null,
    projectType: (e) => str(e.properties.projectType),
  },
  Event: activityFields,
  Participation: {
    sources: relationshipFields.sources,
    role: (r) => r.properties.role as ParticipationRole,
    participant: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    activity: (r, _a, ctx) => loadEntity(ctx, r.toId),
  },
};
