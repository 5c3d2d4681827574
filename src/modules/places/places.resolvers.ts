// Provinces, cities, districts, townships and villages: the administrative hierarchy, its twinnings
// and supports, and the fields a place computes from its record (pinyin, name origin, location).
import type { Province, ProvinceResolvers, Resolvers } from '../../generated/graphql.js';
import type { Complete, SharedFields } from '../../api/resolver-types.js';
import type { RequestContext } from '../../api/context.js';
import { parsePlace, type PlaceRecord } from './places.mappers.js';
import { readingAsked } from './hierarchy.js';
import { entityFields } from '../entities/entities.resolvers.js';
import { KIND_LABEL, type Direction, type RelationshipType } from '../../domain/vocabulary.js';
import { placeIdOfCode } from '../../domain/ids.js';
import { locationOf, nameOriginOf, pinyinOf, scriptNamesOf } from './location.js';
import { PLACE_EDGE_FIELDS } from './edge-fields.js';

/** The fields a place computes from its record (the others resolve by default from it). */
const computedFields = {
  pinyin: (p) => pinyinOf(p),
  nameOrigin: (p) => nameOriginOf(p),
  location: (p) => locationOf(p),
  scriptNames: (p) => scriptNamesOf(p),
} satisfies SharedFields<ProvinceResolvers, 'pinyin' | 'nameOrigin' | 'location' | 'scriptNames', PlaceRecord>;

/** A field listing the place's edges of one kind, as the table names it (edge-fields.ts). */
const listing = <T extends RelationshipType>({ types, direction }: { types: readonly T[]; direction: Direction }) =>
  (e: PlaceRecord, _a: unknown, ctx: RequestContext) => ctx.services.entities.edges(e.id, types, direction);
const { twinnedWith, twinnedBy, supportsGiven, supportsReceived } = PLACE_EDGE_FIELDS;

/** Resolvers shared by Place types. */
export const placeFields = {
  ...entityFields,
  ...computedFields,
  ancestors: (e, _a, ctx) => ctx.services.places.ancestors(e),
  parent: (e, _a, ctx, info) => ctx.services.places.parent(e, readingAsked(info)),
  children: (e, _a, ctx, info) => ctx.services.places.children(e, readingAsked(info)),
  twinnedWith: listing(twinnedWith),
  twinnedBy: listing(twinnedBy),
  supportsGiven: listing(supportsGiven),
  supportsReceived: listing(supportsReceived),
  located: (e, _a, ctx) => ctx.services.places.located(e),
} satisfies SharedFields<ProvinceResolvers,
  'ancestors' | 'parent' | 'children' | 'twinnedWith' | 'twinnedBy' | 'supportsGiven' | 'supportsReceived' | 'located', PlaceRecord>;

export const placeResolvers: Resolvers = {
  Query: {
    place: (_p, { code }, ctx, info) =>
      ctx.services.readAhead.lookup(info, placeIdOfCode(code.trim()), () => ctx.services.places.byCodeOf(code.trim()), parsePlace),
  },
  // A place's kind is a place kind, so only place types can come back.
  Place: { __resolveType: (e) => KIND_LABEL[e.kind] },
  // The five place types have the same fields (Province's stand for all).
  Province: placeFields satisfies Complete<ProvinceResolvers, Province, PlaceRecord>,
  City: placeFields,
  District: placeFields,
  Township: placeFields,
  Village: placeFields,
  CorpsDivision: placeFields,
};
