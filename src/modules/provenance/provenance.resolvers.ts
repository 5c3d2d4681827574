// Sources, citations and quantities.
import type { Resolvers } from '../../generated/graphql.js';
import { requireRange } from '../../domain/errors.js';
import { connectionOf, pageWindow } from '../../api/pagination.js';
import { disagreeing, quantityText, quotedSource } from './provenance.mappers.js';
import { CODE_VERSION } from '../../api/version.js';
import { METRICS, metricOf } from '../../domain/metric-vocabulary.js';
import { placeNameSource } from '../../domain/english-names.js';

export const provenanceResolvers: Resolvers = {
  Query: {
    sources: (_p, { first }, ctx) => ctx.services.sourceCatalogue.sources(requireRange('first', first ?? 100, 1, 100) ?? 100),
    source: (_p, { id }, ctx) => ctx.services.provenance.source(id),
    metrics: (_p, { dimension }) => [...METRICS.values()]
      .filter((m) => !dimension || m.dimension === dimension)
      .sort((a, b) => a.name.localeCompare(b.name)),
  },
  Source: {
    citationCount: (s, _a, ctx) => ctx.services.provenance.citationCount(s.id),
    claims: async (s, { first, after }, ctx) => {
      const window = pageWindow(first, after, 50);
      const { total, page } = await ctx.services.provenance.claims({ sourceId: s.id, ...window });
      return connectionOf(page, total, window.offset);
    },
  },
  Citation: {
    // A place's location cites a dataset the names file describes, not a source node (docs/names.md).
    source: async (c, _a, ctx) => placeNameSource(c.sourceId) ?? quotedSource(c, await ctx.services.provenance.source(c.sourceId)),
  },
  Claim: {
    about: async (c, _a, ctx) => {
      const node = await ctx.services.explore.node(c.subjectId);
      if (!node) throw new Error(`citation of a missing subject ${c.subjectId}`);
      return node;
    },
  },
  // The versions `stats` reports, resolved here so the stats statement itself stays as it is.
  GraphStats: {
    version: () => CODE_VERSION,
    dataVersion: (_s, _a, ctx) => ctx.services.provenance.dataVersion(),
    uncitedFacts: (_s, _a, ctx) => ctx.services.sourceCatalogue.uncitedFacts(),
  },
  Quantity: {
    // The record keeps the seed's name for the span's first year; the API's is `since`.
    since: (q) => q.from,
    text: (q) => quantityText(q),
    definition: (q) => metricOf(q.metric, q.unit),
    sources: (q, _a, ctx) => ctx.services.provenance.citationsOf(q.id),
    disagreesWith: async (q, _a, ctx) => disagreeing(q, await ctx.services.provenance.quantitiesAbout(q.subjectId)),
  },
};
