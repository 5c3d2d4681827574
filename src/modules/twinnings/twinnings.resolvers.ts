// Twinnings (TWINNED_WITH) and supports (SUPPORTS): the heart of paired assistance. Their own facts
// (level, programme, since, mode, from, until, ...) resolve from their records by default.
import type {
  QueryPartnershipsArgs, QueryTwinningsArgs, Resolvers, Support, SupportOrderField, SupportResolvers, Twinning, TwinningResolvers,
} from '../../generated/graphql.js';
import type { RequestContext } from '../../api/context.js';
import type { Complete } from '../../api/resolver-types.js';
import type { SupportRecord, TwinningRecord } from './twinnings.mappers.js';
import { badInput, requireRange } from '../../domain/errors.js';
import { anyEntity } from '../entities/entities.service.js';
import { isPlace } from '../places/places.mappers.js';
import { isProgramme } from '../programmes/programmes.mappers.js';
import { connectionOf, pageWindow } from '../../api/pagination.js';
import { relationshipFields } from '../entities/entities.resolvers.js';

/** `twinnings` and its deprecated spelling `partnerships`: one resolver, so they cannot drift apart. */
const twinningsPage = async (args: QueryTwinningsArgs | QueryPartnershipsArgs, ctx: RequestContext) => {
  const { filter, orderBy } = args;
  const window = pageWindow(args.first, args.after, 20);
  const { entities } = ctx.services;
  const [supporter, recipient] = await Promise.all([
    entities.optionalArgument('filter.supporter', filter?.supporter),
    entities.optionalArgument('filter.recipient', filter?.recipient),
  ]);
  const { total, page } = await ctx.services.twinnings.twinnings(
    {
      supporter,
      recipient,
      includeDescendants: filter?.includeDescendants ?? false,
      levels: filter?.level ? [...filter.level] : null,
      programme: filter?.programme ? (await ctx.services.programmes.resolve('filter.programme', filter.programme)).id : null,
      activeYear: requireRange('filter.activeYear', filter?.activeYear, 1900, 2100) ?? null,
    },
    { ...window, field: orderBy?.field ?? 'SUPPORTER_NAME', descending: orderBy?.direction === 'DESC' },
  );
  return connectionOf(page, total, window.offset);
};

/** Support sort fields by their one name: the deprecated spellings sort as the names they stand for. */
const SUPPORT_ORDER: Record<SupportOrderField, SupportOrderField> = {
  SINCE: 'SINCE', FROM: 'SINCE', MODE: 'MODE', SUPPORTER_NAME: 'SUPPORTER_NAME', RECIPIENT_NAME: 'RECIPIENT_NAME', BENEFICIARY_NAME: 'RECIPIENT_NAME', ID: 'ID',
};

export const twinningResolvers: Resolvers = {
  Query: {
    twinnings: (_p, args, ctx) => twinningsPage(args, ctx),
    partnerships: (_p, args, ctx) => twinningsPage(args, ctx),
    supports: async (_p, { filter, orderBy, first, after }, ctx) => {
      const window = pageWindow(first, after, 20);
      // `beneficiary` is the deprecated name of `recipient`: either may be given, not two different ids.
      if (filter?.recipient && filter.beneficiary && filter.recipient !== filter.beneficiary) {
        throw badInput('filter.recipient', '`beneficiary` is the deprecated name of `recipient`: give one of them, or the same id');
      }
      // So is the period's `from` of `since`.
      const period = filter?.period;
      if (period?.since != null && period.from != null && period.since !== period.from) {
        throw badInput('filter.period.since', '`from` is the deprecated name of `since`: give one of them, or the same year');
      }
      const { entities } = ctx.services;
      const [supporter, recipient] = await Promise.all([
        entities.optionalArgument('filter.supporter', filter?.supporter),
        filter?.recipient
          ? entities.optionalArgument('filter.recipient', filter.recipient)
          : entities.optionalArgument('filter.beneficiary', filter?.beneficiary),
      ]);
      const { total, page } = await ctx.services.twinnings.supports(
        {
          programme: filter?.programme ? (await ctx.services.programmes.resolve('filter.programme', filter.programme)).id : null,
          modes: filter?.mode ?? null,
          supporter,
          recipient,
          includeDescendants: filter?.includeDescendants ?? false,
          periodFrom: (period?.since != null
            ? requireRange('filter.period.since', period.since, 1900, 2100)
            : requireRange('filter.period.from', period?.from, 1900, 2100)) ?? null,
          periodUntil: requireRange('filter.period.until', period?.until, 1900, 2100) ?? null,
        },
        { ...window, field: SUPPORT_ORDER[orderBy?.field ?? 'MODE'], descending: orderBy?.direction === 'DESC' },
      );
      return connectionOf(page, total, window.offset);
    },
    aidSummary: async (_p, { supporter, recipient, groupBy, asOf }, ctx) => {
      const year = requireRange('asOf', asOf, 1900, 2100) ?? null;
      const [from, to] = await Promise.all([
        ctx.services.entities.optionalArgument('supporter', supporter),
        ctx.services.entities.optionalArgument('recipient', recipient),
      ]);
      return ctx.services.aidSummary.summary(from, to, groupBy ?? 'MODE', year);
    },
  },
  Twinning: {
    ...relationshipFields,
    supporter: (r, _a, ctx) => ctx.services.entities.end(r.fromId, isPlace, 'a place'),
    recipient: (r, _a, ctx) => ctx.services.entities.end(r.toId, isPlace, 'a place'),
    programmeOf: (r, _a, ctx) => (r.programme?.startsWith('programme:') ? ctx.services.entities.end(r.programme, isProgramme, 'a programme') : null),
    // Before programmes were entities the edge held the Chinese name itself; now the programme's.
    programme: async (r, _a, ctx) => {
      if (!r.programme?.startsWith('programme:')) return r.programme;
      return (await ctx.services.entities.end(r.programme, isProgramme, 'a programme')).nameZh;
    },
    supports: (r, _a, ctx) => ctx.services.twinnings.supportsUnder(r),
    projects: (r, _a, ctx) => ctx.services.twinnings.projectsUnder(r),
    people: (r, _a, ctx) => ctx.services.twinnings.people(r),
    distanceKm: (r, _a, ctx) => ctx.services.twinnings.distanceKm(r),
  } satisfies Complete<TwinningResolvers, Twinning, TwinningRecord>,
  Support: {
    ...relationshipFields,
    supporter: (r, _a, ctx) => ctx.services.entities.end(r.fromId, anyEntity, 'an entity'),
    recipient: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
    beneficiary: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
    // The record keeps the seed's name for the start year; the API's is `since`.
    since: (r) => r.from ?? null,
  } satisfies Complete<SupportResolvers, Support, SupportRecord>,
  AidSummaryGroup: {
    entity: (g, _a, ctx) => (g.entityId ? ctx.services.entities.entity(g.entityId) : null),
  },
};
