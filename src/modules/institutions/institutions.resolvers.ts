// Schools, hospitals and organisations: where they are, what they belong to, who supports them.
import type { RequestContext } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { edgesOf, farEnds } from '../entities/edges.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { entityFields, isPlace } from '../entities/entities.resolvers.js';

const first = async (ctx: RequestContext, e: EntityRecord, type: 'LOCATED_IN' | 'PART_OF') =>
  (await farEnds(ctx, e.id, await edgesOf(ctx, e.id, [type], 'OUTGOING')))[0] ?? null;

// A meeting may be LOCATED_IN a school; `location` is the place, so it looks past venues.
const placeOf = async (ctx: RequestContext, e: EntityRecord) =>
  (await farEnds(ctx, e.id, await edgesOf(ctx, e.id, ['LOCATED_IN'], 'OUTGOING'))).find(isPlace) ?? null;

export const institutionFields = {
  ...entityFields,
  location: (e: EntityRecord, _a: unknown, ctx: RequestContext) => placeOf(ctx, e),
  supportsReceived: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['SUPPORTS'], 'INCOMING'),
  supportsGiven: (e: EntityRecord, _a: unknown, ctx: RequestContext) => edgesOf(ctx, e.id, ['SUPPORTS'], 'OUTGOING'),
};

export const institutionResolvers: Resolvers = {
  School: institutionFields,
  Hospital: {
    ...institutionFields,
    parentHospital: async (e, _a, ctx) => {
      const up = await first(ctx, e, 'PART_OF');
      return up?.kind === 'HOSPITAL' ? up : null;
    },
    departments: async (e, _a, ctx) =>
      (await farEnds(ctx, e.id, await edgesOf(ctx, e.id, ['PART_OF'], 'INCOMING'))).filter((d) => d.kind === 'HOSPITAL'),
  },
  Organization: {
    ...institutionFields,
    parent: (e, _a, ctx) => first(ctx, e, 'PART_OF'),
    posts: (e, _a, ctx) => edgesOf(ctx, e.id, ['HOLDS_POST'], 'INCOMING'),
    members: (e, _a, ctx) => edgesOf(ctx, e.id, ['MEMBER_OF'], 'INCOMING'),
  },
};
