// Finding and exploring: search, lookup by id, neighbourhoods, connections, timelines, stats.
import { badInput, requireRange } from '../../domain/errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { MAX_DEPTH, MAX_HOPS, MAX_PATHS } from './explore.repository.js';
import { parseEntity } from '../entities/entities.mappers.js';
import { CORE_FIELDS } from '../entities/projection.js';
import { fieldsOf } from '../../api/selection.js';
import type { GraphQLResolveInfo } from 'graphql';
import { spanOf } from '../entities/edge-periods.js';
import { overlap } from '../../domain/periods.js';

const MAX_SEARCH_TEXT = 200;

/** The field's selection, fragments included, asks only what an entity's compact row holds. */
const asksCoreOnly = (info: GraphQLResolveInfo): boolean =>
  info.fieldNodes.every((node) => [...fieldsOf(node.selectionSet, info)].every((f) => CORE_FIELDS.has(f.name.value)));

export const exploreResolvers: Resolvers = {
  Query: {
    search: (_p, { text, kinds, first }, ctx, info) => {
      if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `must be at most ${MAX_SEARCH_TEXT} characters (got ${text.length})`);
      return ctx.services.search.search(text, kinds ?? null, requireRange('first', first ?? 10, 1, 100) ?? 10, asksCoreOnly(info) ? 'core' : 'whole');
    },
    entity: (_p, { id }, ctx, info) => ctx.services.readAhead.lookup(info, id, () => ctx.services.entities.entity(id), parseEntity),
    node: (_p, { id }, ctx) => ctx.services.explore.node(id),
    nodes: (_p, { ids }, ctx) => {
      if (ids.length > 100) throw badInput('ids', `must hold at most 100 ids (got ${ids.length})`);
      return Promise.all(ids.map((id) => ctx.services.explore.node(id)));
    },
    neighborhood: async (_p, { id, depth, kinds, types, limit, asOf }, ctx) => ctx.services.explore.neighborhood(await ctx.services.entities.argument('id', id), {
      depth: requireRange('depth', depth ?? 1, 1, MAX_DEPTH) ?? 1,
      limit: requireRange('limit', limit ?? 100, 1, 500) ?? 100,
      kinds: kinds ?? null,
      types: types ?? null,
      asOf: requireRange('asOf', asOf, 1900, 2100) ?? null,
    }),
    connections: async (_p, { from, to, maxHops, first, types, asOf }, ctx) => {
      const hops = requireRange('maxHops', maxHops ?? 4, 1, MAX_HOPS) ?? 4;
      const n = requireRange('first', first ?? 5, 1, MAX_PATHS) ?? 5;
      const year = requireRange('asOf', asOf, 1900, 2100) ?? null;
      const [a, b] = await Promise.all([ctx.services.entities.argument('from', from), ctx.services.entities.argument('to', to)]);
      return ctx.services.explorations.shortestPaths(a, b, hops, n, types ?? null, year);
    },
    timeline: async (_p, { id, first }, ctx) =>
      ctx.services.explore.timeline(await ctx.services.entities.argument('id', id), requireRange('first', first ?? 100, 1, 100) ?? 100),
    stats: (_p, _a, ctx) => ctx.services.explorations.stats(),
  },
  Subgraph: {
    nodes: (s, _a, ctx) => ctx.services.entities.entities(s.nodeIds),
  },
  Path: {
    length: (p) => p.relationships.length,
    since: (p) => overlap(p.relationships.map(spanOf))?.since ?? null,
    until: (p) => overlap(p.relationships.map(spanOf))?.until ?? null,
    nodes: (p, _a, ctx) => ctx.services.entities.entities(p.nodeIds),
  },
  TimelineEntry: {
    sources: (t, _a, ctx) => ctx.services.provenance.citationsOf(t.about.id),
  },
};
