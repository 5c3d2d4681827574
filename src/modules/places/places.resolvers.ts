// Provinces, cities, districts, townships and villages: the administrative hierarchy, its twinnings
// and supports, and the fields a place computes from its record (pinyin, name origin, location).
import type { Province, ProvinceResolvers, Resolvers } from '../../generated/graphql.js';
import type { Complete, SharedFields } from '../../api/resolver-types.js';
import type { RequestContext } from '../../api/context.js';
import { isPlaceRef, parsePlace, type PlaceNode, type PlaceRecord } from './places.mappers.js';
import { entityFields } from '../entities/entities.resolvers.js';
import { KIND_LABEL, type Direction, type RelationshipType } from '../../domain/vocabulary.js';
import { placeIdOfCode } from '../../domain/ids.js';
import { locationOf, nameOriginOf, pinyinOf, scriptNamesOf } from './location.js';
import { PLACE_EDGE_FIELDS } from './edge-fields.js';

/** A value computed from the place's record (a walk's ref made whole first). */
const fromRecord = <T>(f: (r: PlaceRecord) => T) =>
  (p: PlaceNode, _a: unknown, ctx: RequestContext): T | Promise<T> => (isPlaceRef(p) ? ctx.services.places.whole(p).then(f) : f(p));

/** The fields of a place that a walk's ref may not hold. */
const recordFields = {
  pinyin: fromRecord(pinyinOf),
  nameOrigin: fromRecord(nameOriginOf),
  location: fromRecord(locationOf),
  scriptNames: fromRecord(scriptNamesOf),
  nameZh: (p, _a, ctx) => (!isPlaceRef(p) || p.nameZh === undefined ? fromRecord((r) => r.nameZh)(p, _a, ctx) : p.nameZh),
  aliases: fromRecord((r) => r.aliases),
  properties: fromRecord((r) => r.properties),
  code: fromRecord((r) => r.code),
  officialName: fromRecord((r) => r.officialName),
} satisfies SharedFields<ProvinceResolvers,
  'nameZh' | 'aliases' | 'properties' | 'code' | 'officialName' | 'pinyin' | 'nameOrigin' | 'location' | 'scriptNames', PlaceNode>;

/** A field listing the place's edges of one kind, as the table names it (edge-fields.ts). */
const listing = <T extends RelationshipType>({ types, direction }: { types: readonly T[]; direction: Direction }) =>
  (e: PlaceNode, _a: unknown, ctx: RequestContext) => ctx.services.entities.edges(e.id, types, direction);
const { twinnedWith, twinnedBy, supportsGiven, supportsReceived } = PLACE_EDGE_FIELDS;

/** Resolvers shared by Place types. */
export const placeFields = {
  ...entityFields,
  ...recordFields,
  ancestors: (e, _a, ctx) => ctx.services.places.ancestors(e),
  parent: (e, _a, ctx) => ctx.services.places.parent(e),
  children: (e, _a, ctx) => ctx.services.places.children(e),
  twinnedWith: listing(twinnedWith),
  twinnedBy: listing(twinnedBy),
  supportsGiven: listing(supportsGiven),
  supportsReceived: listing(supportsReceived),
  located: (e, _a, ctx) => ctx.services.places.located(e),
} satisfies SharedFields<ProvinceResolvers,
  'ancestors' | 'parent' | 'children' | 'twinnedWith' | 'twinnedBy' | 'supportsGiven' | 'supportsReceived' | 'located', PlaceNode>;

export const placeResolvers: Resolvers = {
  Query: {
    place: (_p, { code }, ctx, info) =>
      ctx.services.readAhead.lookup(info, placeIdOfCode(code.trim()), () => ctx.services.places.byCodeOf(code.trim()), parsePlace),
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
