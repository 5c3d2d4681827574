// Programmes: the list, one by id, a programme's twinnings and its supporters' figures, and the
// field that links every twinning to its programme.
import type { Programme, ProgrammeResolvers, ProgrammeSupporter, ProgrammeSupporterResolvers, Resolvers } from '../../generated/graphql.js';
import type { Complete } from '../../api/resolver-types.js';
import type { ProgrammeRecord, ProgrammeSupporterRecord } from './programmes.mappers.js';
import { isPlace } from '../places/places.mappers.js';
import { entityFields } from '../entities/entities.resolvers.js';
import { requireRange } from '../../domain/errors.js';

const year = (p: ProgrammeRecord, key: 'since' | 'termYears' | 'adjusted') => {
  const v = p.properties[key];
  return typeof v === 'number' ? v : null;
};

export const programmeResolvers: Resolvers = {
  Query: {
    programmes: (_p, _a, ctx) => ctx.services.programmes.programmes(),
    programme: (_p, { id }, ctx) => ctx.services.programmes.programme(id),
  },
  Programme: {
    ...entityFields,
    since: (p) => year(p, 'since'),
    sinceQualifier: (p) => {
      const q = p.properties.sinceQualifier;
      return q === 'EXACT' || q === 'AT_LEAST' || q === 'MORE_THAN' || q === 'APPROXIMATELY' || q === 'AT_MOST' || q === 'LESS_THAN' ? q : null;
    },
    termYears: (p) => year(p, 'termYears'),
    adjusted: (p) => year(p, 'adjusted'),
    twinnings: async (p, { asOf, first }, ctx) => {
      const n = requireRange('first', first, 0, 1000);
      const year = requireRange('asOf', asOf, 1900, 2100) ?? null;
      return n === undefined ? ctx.services.programmes.twinnings(p.id, year) : ctx.services.programmes.twinningPage(p.id, year, n);
    },
    twinningCount: (p, { asOf }, ctx) => ctx.services.programmes.twinningCount(p.id, requireRange('asOf', asOf, 1900, 2100) ?? null),
    supporters: (p, { asOf }, ctx) => ctx.services.programmes.supporters(p.id, requireRange('asOf', asOf, 1900, 2100) ?? null),
  } satisfies Complete<ProgrammeResolvers, Programme, ProgrammeRecord>,
  ProgrammeSupporter: {
    supporter: (s, _a, ctx) => ctx.services.entities.end(s.supporterId, isPlace, 'a place'),
    twinnings: (s) => s.twinnings,
    quantities: async (s, _a, ctx) => (await ctx.services.provenance.quantitiesOf(s.twinnings.map((t) => t.id))).flat(),
  } satisfies Complete<ProgrammeSupporterResolvers, ProgrammeSupporter, ProgrammeSupporterRecord>,
};
