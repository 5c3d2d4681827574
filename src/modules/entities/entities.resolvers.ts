// Fields every entity has, the generic Relationship type, and how interfaces pick their type.
import type { ProvinceResolvers, Relationship, RelationshipResolvers, Resolvers, SchoolResolvers } from '../../generated/graphql.js';
import { EDGE_TYPE_NAME, KIND_LABEL } from '../../domain/vocabulary.js';
import type { Complete, SharedFields } from '../../api/resolver-types.js';
import { toIndicatorSeries } from '../provenance/provenance.mappers.js';
import { anyEntity, edgesOf, endOf } from './graph-reads.js';
import type { RequestContext } from '../../api/context.js';
import { isPlace, isPlaceRef, type EntityRecord, type PlaceNode, type PlaceRecord, type PlaceRef } from './entities.mappers.js';
import type { RelationshipRecord } from './relationships.mappers.js';
import { requireRange } from '../../domain/errors.js';
import { activeIn } from '../../domain/periods.js';
import { spanOf } from './edge-periods.js';
import { locationOf, nameOriginOf, pinyinOf, scriptNamesOf } from '../places/location.js';

/** Resolvers shared by every type implementing Entity (each needs the entity's id only, so a place's ref will do). */
export const entityFields = {
  sources: (e, _a, ctx) => ctx.loaders.citationsOf.load(e.id),
  quantities: async (e, args, ctx) => {
    const all = await ctx.loaders.quantitiesOf.load(e.id);
    return args.metric ? all.filter((q) => q.metric === args.metric) : all;
  },
  indicators: async (e, _a, ctx) => toIndicatorSeries(await ctx.loaders.quantitiesOf.load(e.id)),
  relationships: async (e, args, ctx) => {
    const year = requireRange('asOf', args.asOf, 1900, 2100);
    const edges = await edgesOf(ctx.reads, e.id, args.types, args.direction);
    return year === undefined ? edges : edges.filter((r) => activeIn(spanOf(r), year));
  },
} satisfies SharedFields<SchoolResolvers, 'sources' | 'quantities' | 'indicators' | 'relationships', Pick<EntityRecord, 'id'>>;

/** A walk's ref made whole: its record, loaded by id when a field asks more than the walk read. */
async function wholePlace(p: PlaceRef, ctx: RequestContext): Promise<PlaceRecord> {
  const e = await ctx.loaders.entity.load(p.id);
  // The walk read it a moment ago in this request; gone or changed kind since is not bad input.
  if (!e || !isPlace(e)) throw new Error(`place ${p.id}, read by a walk, is no longer a place`);
  return e;
}

/** A record's field, from the record, or from the ref's record made whole. */
const ofRecord = <K extends 'aliases' | 'properties' | 'code' | 'officialName'>(field: K) =>
  (p: PlaceNode, _a: unknown, ctx: RequestContext): PlaceRecord[K] | Promise<PlaceRecord[K]> =>
    (isPlaceRef(p) ? wholePlace(p, ctx).then((r) => r[field]) : p[field]);

/** A value computed from the place's record (the ref's made whole). */
const fromRecord = <T>(f: (r: PlaceRecord) => T) =>
  (p: PlaceNode, _a: unknown, ctx: RequestContext): T | Promise<T> => (isPlaceRef(p) ? wholePlace(p, ctx).then(f) : f(p));

/** The fields of a place that a walk's ref may not hold (placeFields). */
const recordFields = {
  pinyin: fromRecord(pinyinOf),
  nameOrigin: fromRecord(nameOriginOf),
  location: fromRecord(locationOf),
  scriptNames: fromRecord(scriptNamesOf),
  nameZh: (p, _a, ctx) => (!isPlaceRef(p) ? p.nameZh : p.nameZh !== undefined ? p.nameZh : wholePlace(p, ctx).then((r) => r.nameZh)),
  aliases: ofRecord('aliases'),
  properties: ofRecord('properties'),
  code: ofRecord('code'),
  officialName: ofRecord('officialName'),
} satisfies SharedFields<ProvinceResolvers,
  'nameZh' | 'aliases' | 'properties' | 'code' | 'officialName' | 'pinyin' | 'nameOrigin' | 'location' | 'scriptNames', PlaceNode>;

/** Resolvers shared by Place types. */
export const placeFields = {
  ...entityFields,
  ...recordFields,
  ancestors: (e, _a, ctx) => ctx.loaders.ancestors.load(e.id),
  parent: (e, _a, ctx) => ctx.services.places.parent(e),
  children: (e, _a, ctx) => ctx.services.places.children(e),
  twinnedWith: (e, _a, ctx) => edgesOf(ctx.reads, e.id, ['TWINNED_WITH'], 'OUTGOING'),
  twinnedBy: (e, _a, ctx) => edgesOf(ctx.reads, e.id, ['TWINNED_WITH'], 'INCOMING'),
  supportsGiven: (e, _a, ctx) => edgesOf(ctx.reads, e.id, ['SUPPORTS'], 'OUTGOING'),
  supportsReceived: (e, _a, ctx) => edgesOf(ctx.reads, e.id, ['SUPPORTS'], 'INCOMING'),
  located: (e, _a, ctx) => ctx.services.places.located(e),
} satisfies SharedFields<ProvinceResolvers,
  'ancestors' | 'parent' | 'children' | 'twinnedWith' | 'twinnedBy' | 'supportsGiven' | 'supportsReceived' | 'located', PlaceNode>;

/** An edge's proof, shared by Relationship and the typed edge types. */
export const relationshipFields = {
  sources: (r, _a, ctx) => ctx.loaders.citationsOf.load(r.id),
  quantities: (r, _a, ctx) => ctx.loaders.quantitiesOf.load(r.id),
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
    from: (r, _a, ctx) => endOf(ctx.reads, r.fromId, anyEntity, 'an entity'),
    to: (r, _a, ctx) => endOf(ctx.reads, r.toId, anyEntity, 'an entity'),
  } satisfies Complete<RelationshipResolvers, Relationship, RelationshipRecord>,
};
