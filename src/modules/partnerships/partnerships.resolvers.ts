// Pairings (TWINNED_WITH) and supports (SUPPORTS): the heart of paired assistance.
import type { QuantityQualifier, Resolvers, SupportMode } from '../../generated/graphql.js';
import { badInput, requireRange } from '../../errors.js';
import { int, loadEntity, str } from '../entities/edges.js';
import { groupScope, peopleCount, totalsOf } from './aid-summary.js';
import type { EntityRecord, RelationshipRecord } from '../entities/entities.mappers.js';
import { relationshipFields } from '../entities/entities.resolvers.js';

export const partnershipResolvers: Resolvers = {
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
      const found = await ctx.loaders.relationship.loadMany(scope.supportIds);
      return found.filter((s): s is RelationshipRecord => !!s && !(s instanceof Error));
    },
    projects: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return (await ctx.loaders.entity.loadMany(scope.projectIds)).filter((e): e is EntityRecord => !!e && !(e instanceof Error));
    },
    people: async (r, _a, ctx) => {
      const scope = await ctx.loaders.twinningScope.load(r.id);
      return (await ctx.loaders.entity.loadMany(scope.personIds)).filter((e): e is EntityRecord => !!e && !(e instanceof Error));
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
};

/** Opaque Relay cursors over a stable order: base64 of the position. */
export const cursor = {
  encode: (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url'),
  decode(after: string | null | undefined): number {
    if (!after) return 0;
    const m = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64url').toString());
    if (!m) throw badInput('after', 'is not a cursor from this API (use pageInfo.endCursor)');
    return Number(m[1]) + 1;
  },
};

export function connectionOf<T>(page: T[], total: number, offset: number) {
  return {
    edges: page.map((node, i) => ({ cursor: cursor.encode(offset + i), node })),
    totalCount: total,
    pageInfo: {
      hasNextPage: offset + page.length < total,
      hasPreviousPage: offset > 0,
      startCursor: page.length ? cursor.encode(offset) : null,
      endCursor: page.length ? cursor.encode(offset + page.length - 1) : null,
    },
  };
}

const QUERY_RESOLVERS: Resolvers['Query'] = {
  partnerships: async (_p, { filter, orderBy, first, after }, ctx) => {
    const n = requireRange('first', first ?? 20, 1, 100) ?? 20;
    const offset = cursor.decode(after);
    const { total, page } = await ctx.repos.partnershipPages.twinnings(
      {
        supporter: filter?.supporter ?? null,
        recipient: filter?.recipient ?? null,
        includeDescendants: filter?.includeDescendants ?? false,
        levels: filter?.level ?? null,
        programme: filter?.programme ?? null,
        activeYear: requireRange('filter.activeYear', filter?.activeYear, 1900, 2100) ?? null,
      },
      { offset, first: n, field: orderBy?.field ?? 'SUPPORTER_NAME', descending: orderBy?.direction === 'DESC' },
    );
    return connectionOf(page, total, offset);
  },
  supports: async (_p, { filter, orderBy, first, after }, ctx) => {
    const n = requireRange('first', first ?? 20, 1, 100) ?? 20;
    const offset = cursor.decode(after);
    const { total, page } = await ctx.repos.partnershipPages.supports(
      {
        modes: filter?.mode ?? null,
        supporter: filter?.supporter ?? null,
        beneficiary: filter?.beneficiary ?? null,
        includeDescendants: filter?.includeDescendants ?? false,
        periodFrom: requireRange('filter.period.from', filter?.period?.from, 1900, 2100) ?? null,
        periodUntil: requireRange('filter.period.until', filter?.period?.until, 1900, 2100) ?? null,
      },
      { offset, first: n, field: orderBy?.field ?? 'MODE', descending: orderBy?.direction === 'DESC' },
    );
    return connectionOf(page, total, offset);
  },
  aidSummary: async (_p, { supporter, recipient, groupBy }, ctx) => {
    const [sup, rec] = await Promise.all([
      supporter ? ctx.loaders.entity.load(supporter) : null,
      recipient ? ctx.loaders.entity.load(recipient) : null,
    ]);
    if ((supporter && !sup) || (recipient && !rec)) return null;
    const scope = await ctx.repos.aidSummary.scope(supporter ?? null, recipient ?? null);
    const subjectIds = [...scope.supports.map((s) => s.id), ...scope.projects.map((p) => p.id)];
    const quantities = (await ctx.loaders.quantitiesOf.loadMany(subjectIds)).flatMap((q) => (q instanceof Error ? [] : q));
    const by = groupBy ?? 'MODE';
    const groups = groupScope(scope, by);
    const entityIds = by === 'SUPPORTER' || by === 'RECIPIENT' ? [...groups.keys()].filter((k) => k.includes(':')) : [];
    const entities = new Map((await ctx.loaders.entity.loadMany(entityIds)).flatMap((e) => (e && !(e instanceof Error) ? [[e.id, e] as const] : [])));
    const build = (key: string, label: string, entityId: string | null, supportIds: Set<string>, projectIds: Set<string>) => ({
      key, label, entityId,
      supports: supportIds.size,
      projects: projectIds.size,
      people: peopleCount(scope, { supportIds, projectIds }),
      totals: totalsOf(quantities.filter((q) => supportIds.has(q.subjectId) || projectIds.has(q.subjectId))),
    });
    const all = build('all', 'All', null, new Set(scope.supports.map((s) => s.id)), new Set(scope.projects.map((p) => p.id)));
    return {
      supporter: sup, recipient: rec, groupBy: by, overall: all,
      groups: [...groups.entries()]
        .map(([key, g]) => build(key, entities.get(key)?.name ?? key, entities.has(key) ? key : null, g.supportIds, g.projectIds))
        .sort((a, b) => b.supports + b.projects - (a.supports + a.projects) || a.key.localeCompare(b.key)),
    };
  },
};

partnershipResolvers.Query = QUERY_RESOLVERS;
partnershipResolvers.AidSummaryGroup = {
  entity: (g, _a, ctx) => (g.entityId ? ctx.loaders.entity.load(g.entityId) : null),
};
