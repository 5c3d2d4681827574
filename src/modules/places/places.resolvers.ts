// Provinces, cities, districts, townships and villages: the administrative hierarchy and its twinnings.
import type { Province, ProvinceResolvers, Resolvers } from '../../generated/graphql.js';
import type { Complete } from '../../api/resolver-types.js';
import { parsePlace, type PlaceNode } from '../entities/entities.mappers.js';
import { KIND_LABEL } from '../../domain/vocabulary.js';
import { placeFields } from '../entities/entities.resolvers.js';
import { placeIdOfCode } from '../../domain/ids.js';
import { withReadAhead } from '../entities/read-ahead.js';

export const placeResolvers: Resolvers = {
  Query: {
    place: (_p, { code }, ctx, info) =>
      withReadAhead(ctx, info, placeIdOfCode(code.trim()), () => ctx.loaders.placeByCode.load(code.trim()), parsePlace),
  },
  // A place's kind (a ref's too) is a place kind, so only place types can come back.
  Place: { __resolveType: (e) => KIND_LABEL[e.kind] },
  // The five place types have the same fields (Province's stand for all).
  Province: placeFields satisfies Complete<ProvinceResolvers, Province, PlaceNode>,
  City: placeFields,
  District: placeFields,
  Township: placeFields,
  Village: placeFields,
  CorpsDivision: placeFields,
};
