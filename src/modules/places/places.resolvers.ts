// Provinces, cities, districts, townships and villages: the administrative hierarchy and its pairings.
import type { Resolvers } from '../../generated/graphql.js';
import { KIND_LABEL } from '../entities/entities.mappers.js';
import { placeFields } from '../entities/entities.resolvers.js';
import { placeIdOfCode } from '../../gazetteer/place-props.js';
import { withHierarchy } from './hierarchy.js';

export const placeResolvers: Resolvers = {
  Query: {
    place: (_p, { code }, ctx, info) =>
      withHierarchy(ctx, info, placeIdOfCode(code.trim()), () => ctx.loaders.placeByCode.load(code.trim())),
  },
  Place: { __resolveType: (e) => KIND_LABEL[e.kind] as never },
  Province: placeFields,
  City: placeFields,
  District: placeFields,
  Township: placeFields,
  Village: placeFields,
};
