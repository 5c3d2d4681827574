// Finding and exploring: search, lookup by id, neighbourhoods, connections, timelines, stats.
import { badInput, requireRange } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { QuantityRecord } from '../provenance/provenance.mappers.js';
import { MAX_DEPTH, MAX_HOPS, MAX_PATHS } from './explore.repository.js';
import { composeTimeline } from './timeline.js';
import { loadNode, present } from '../entities/edges.js';
import { withHierarchy } from '../places/hierarchy.js';

const MAX_SEARCH_TEXT = 200;



export const exploreResolvers: Resolvers = {
  Query: {
    search: (_p, { text, kinds, first }, ctx) => {
      if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `must be at most ${MAX_SEARCH_TEXT} characters (got ${text.length})`);
      return ctx.repos.search.search(text, kinds ?? null, requireRange('first', first ?? 10, 1, 100) ?? 10);
    },
    entity: (_p, { id }, ctx, info) => withHierarchy(ctx, info, id, () => ctx.loaders.entity.load(id)),
    node: (_p, { id }, ctx) => loadNode(ctx, id),
    nodes: (_p, { ids }, ctx) => {
      if (ids.length > 100) throw badInput('ids', `must hold at most 100 ids (got ${ids.length})`);
      return Promise.all(ids.map((id) => loadNode(ctx, id)));
    },
    neighborhood: async (_p, { id, depth, kinds, types, limit }, ctx) => {
      const d = requireRange('depth', depth ?? 1, 1, MAX_DEPTH) ?? 1;
      const l = requireRange('limit', limit ?? 100, 1, 500) ?? 100;
      const center = await ctx.loaders.entity.load(id);
      if (!center) return null;
      const { ids, total, exact } = await ctx.repos.explore.neighborhoodIds(center.id, d, kinds ?? null, types ?? null, l);
      const edges = await ctx.repos.explore.edgesAmong(ids, types ?? null);
      return { center, nodeIds: ids, edges, totalNodes: total, totalNodesExact: exact, truncated: total > ids.length - 1 };
    },
    connections: async (_p, { from, to, maxHops, first, types }, ctx) => {
      const hops = requireRange('maxHops', maxHops ?? 4, 1, MAX_HOPS) ?? 4;
      const n = requireRange('first', first ?? 5, 1, MAX_PATHS) ?? 5;
      const [a, b] = await ctx.loaders.entity.loadMany([from, to]);
      if (!a || !b || a instanceof Error || b instanceof Error) return null;
      return ctx.repos.explore.shortestPaths(from, to, hops, n, types ?? null);
    },
    timeline: async (_p, { id, first }, ctx) => {
      const n = requireRange('first', first ?? 100, 1, 100) ?? 100;
      const self = await ctx.loaders.entity.load(id);
      if (!self) return null;
      const edges = await ctx.loaders.relationshipsOf.load(id);
      const otherIds = [...new Set(edges.map((e) => (e.fromId === id ? e.toId : e.fromId)))];
      const subjectIds = [id, ...edges.map((e) => e.id)];
      const [others, quantities] = await Promise.all([
        ctx.loaders.entity.loadMany(otherIds),
        ctx.loaders.quantitiesOf.loadMany(subjectIds),
      ]);
      const otherMap = new Map(present(others).map((e) => [e.id, e]));
      const quantityMap = new Map(subjectIds.map((sid, i) => [sid, (quantities[i] instanceof Error ? [] : quantities[i]) as QuantityRecord[]]));
      return composeTimeline(self, edges, otherMap, quantityMap).slice(0, n);
    },
    stats: (_p, _a, ctx) => ctx.repos.explore.stats(),
  },
  Subgraph: {
    nodes: async (s, _a, ctx) => present(await ctx.loaders.entity.loadMany(s.nodeIds)),
  },
  Path: {
    length: (p) => p.relationships.length,
    nodes: async (p, _a, ctx) => present(await ctx.loaders.entity.loadMany(p.nodeIds)),
  },
  TimelineEntry: {
    sources: (t, _a, ctx) => ctx.loaders.citationsOf.load(t.about.id),
  },
};
