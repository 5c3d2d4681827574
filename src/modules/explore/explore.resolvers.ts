// Finding things: name search and lookup by id.
import { requireRange } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';

export const exploreResolvers: Resolvers = {
  Query: {
    search: (_p, { text, kinds, first }, ctx) =>
      ctx.repos.search.search(text, kinds ?? null, requireRange('first', first ?? 10, 1, 100) ?? 10),
    entity: (_p, { id }, ctx) => ctx.loaders.entity.load(id),
  },
};
