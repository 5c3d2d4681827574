// People and the edges that say what they do: posts, team memberships, workplaces, origins.
import type { Resolvers } from '../../generated/graphql.js';
import { edgesOf, farEnds, int, loadEntity, str } from '../entities/edges.js';
import { entityFields, relationshipFields } from '../entities/entities.resolvers.js';

export const peopleResolvers: Resolvers = {
  Person: {
    ...entityFields,
    posts: (e, _a, ctx) => edgesOf(ctx, e.id, ['HOLDS_POST'], 'OUTGOING'),
    teams: (e, _a, ctx) => edgesOf(ctx, e.id, ['MEMBER_OF'], 'OUTGOING'),
    workplaces: (e, _a, ctx) => edgesOf(ctx, e.id, ['WORKS_AT'], 'OUTGOING'),
    origins: async (e, _a, ctx) => farEnds(ctx, e.id, await edgesOf(ctx, e.id, ['COMES_FROM'], 'OUTGOING')),
  },
  Post: {
    sources: relationshipFields.sources,
    person: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    organization: (r, _a, ctx) => loadEntity(ctx, r.toId),
    role: (r) => str(r.properties.role),
    roleZh: (r) => str(r.properties.roleZh),
    from: (r) => str(r.properties.from),
    until: (r) => str(r.properties.until),
    asOf: (r) => str(r.properties.asOf),
  },
  Membership: {
    sources: relationshipFields.sources,
    member: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    team: (r, _a, ctx) => loadEntity(ctx, r.toId),
    role: (r) => str(r.properties.role),
    batch: (r) => int(r.properties.batch),
    from: (r) => str(r.properties.from),
    until: (r) => str(r.properties.until),
  },
  Employment: {
    sources: relationshipFields.sources,
    person: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    employer: (r, _a, ctx) => loadEntity(ctx, r.toId),
    role: (r) => str(r.properties.role),
    asOf: (r) => str(r.properties.asOf),
  },
};
