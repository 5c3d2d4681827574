// Pairings (TWINNED_WITH) and supports (SUPPORTS): the heart of paired assistance.
import type { QuantityQualifier, Resolvers, SupportMode } from '../../generated/graphql.js';
import { requireRange } from '../../errors.js';
import { int, loadEntity, present, str } from '../entities/edges.js';
import { summarize } from './aid-summary.js';
import { connectionOf, pageWindow } from '../../pagination.js';
import { relationshipFields } from '../entities/entities.resolvers.js';

export const partnershipResolvers: Resolvers = {
  Query: {
    partnerships: async (_p, { filter, orderBy, first, after }, ctx) => {
      const window = pageWindow(first, after, 20);
      const { total, page } = await ctx.repos.partnershipPages.twinnings(
        {
          supporter: filter?.supporter ?? null,
          recipient: filter?.recipient ?? null,
          includeDescendants: filter?.includeDescendants ?? false,
          levels: filter?.level ?? null,
          programme: filter?.programme ?? null,
          activeYear: requireRange('filter.activeYear', filter?.activeYear, 1900, 2100) ?? null,
        },
        { ...window, field: orderBy?.field ?? 'SUPPORTER_NAME', descending: orderBy?.direction === 'DESC' },
      );
      return connectionOf(page, total, window.offset);
    },
    supports: async (_p, { filter, orderBy, first, after }, ctx) => {
      const window = pageWindow(first, after, 20);
      const { total, page } = await ctx.repos.partnershipPages.supports(
        {
          modes: filter?.mode ?? null,
          supporter: filter?.supporter ?? null,
          beneficiary: filter?.beneficiary ?? null,
          includeDescendants: filter?.includeDescendants ?? false,
          periodFrom: requireRange('filter.period.from', filter?.period?.from, 1900, 2100) ?? null,
          periodUntil: requireRange('filter.period.until', filter?.period?.until, 1900, 2100) ?? null,
        },
        { ...window, field: orderBy?.field ?? 'MODE', descending: orderBy?.direction === 'DESC' },
      );
      return connectionOf(page, total, window.offset);
    },
    aidSummary: async (_p, { supporter, recipient, groupBy }, ctx) => {
      const [sup, rec] = await Promise.all([
        supporter ? ctx.loaders.entity.load(supporter) : null,
        recipient ? ctx.loaders.entity.load(recipient) : null,
      ]);
      if ((supporter && !sup) || (recipient && !rec)) return null;
      const scope = await ctx.repos.aidSummary.scope(supporter ?? null, recipient ?? null);
      const subjectIds = [...scope.supports.map((s) => s.id), ...scope.projects.map((p) => p.id)];
      const quantities = present(await ctx.loaders.quantitiesOf.loadMany(subjectIds)).flat();
      const summary = summarize(scope, quantities, groupBy ?? 'MODE');
      const named = await ctx.loaders.entity.loadMany(summary.groups.flatMap((g) => (g.entityId ? [g.entityId] : [])));
      const names = new Map(present(named).map((e) => [e.id, e.name]));
      for (const g of summary.groups) g.label = names.get(g.key) ?? g.label;
      return { supporter: sup, recipient: rec, ...summary };
    },
  },
  Twinning: {
    ...relationshipFields,
    supporter: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    recipient: (r, _a, ctx) => loadEntity(ctx, r.toId),
    level: (r) => str(r.properties.level),
    programme: (r) => str(r.properties.programme),
    since: (r) => int(r.properties.since),
    sinceQualifier: (r) => (str(r.properties.sinceQualifier) as QuantityQualifier | null),
    until: (r) => int(r.properties.until),
    supports: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return present(await ctx.loaders.relationship.loadMany(scope.supportIds));
    },
    projects: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return present(await ctx.loaders.entity.loadMany(scope.projectIds));
    },
    people: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return present(await ctx.loaders.entity.loadMany(scope.personIds));
    },
  },
  Support: {
    ...relationshipFields,
    mode: (r) => r.properties.mode as SupportMode,
    supporter: (r, _a, ctx) => loadEntity(ctx, r.fromId),
    beneficiary: (r, _a, ctx) => loadEntity(ctx, r.toId),
    from: (r) => int(r.properties.from),
    until: (r) => int(r.properties.until),
    asOf: (r) => str(r.properties.asOf),
    description: (r) => str(r.properties.description),
  },
  AidSummaryGroup: {
    entity: (g, _a, ctx) => (g.entityId ? ctx.loaders.entity.load(g.entityId) : null),
  },
};
