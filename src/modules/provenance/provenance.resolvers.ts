// Sources, citations and quantities.
import type { Resolvers } from '../../generated/graphql.js';
import { quantityText } from './provenance.mappers.js';

export const provenanceResolvers: Resolvers = {
  Query: {
    sources: (_p, _a, ctx) => ctx.repos.provenance.allSources(),
    source: (_p, { id }, ctx) => ctx.loaders.source.load(id),
  },
  Source: {
    citationCount: (s, _a, ctx) => ctx.loaders.citationCount.load(s.id),
  },
  Quantity: {
    text: (q) => quantityText(q),
    sources: (q, _a, ctx) => ctx.loaders.citationsOf.load(q.id),
  },
};
