// Every module's resolvers, gathered; scalars come from graphql-scalars. server.ts attaches them
// one module after another, field by field, so two modules may each resolve fields of one type (Query, GraphStats, …).
import { DateResolver, JSONObjectResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/graphql.js';
import { entityResolvers } from '../modules/entities/entities.resolvers.js';
import { exploreResolvers } from '../modules/explore/explore.resolvers.js';
import { institutionResolvers } from '../modules/institutions/institutions.resolvers.js';
import { twinningResolvers } from '../modules/twinnings/twinnings.resolvers.js';
import { peopleResolvers } from '../modules/people/people.resolvers.js';
import { placeResolvers } from '../modules/places/places.resolvers.js';
import { projectResolvers } from '../modules/projects/projects.resolvers.js';
import { provenanceResolvers } from '../modules/provenance/provenance.resolvers.js';
import { programmeResolvers } from '../modules/programmes/programmes.resolvers.js';

export const resolvers: Resolvers[] = [
  // Source.publishedAt is a full calendar date, validated as one when seeded.
  { Date: DateResolver, JSONObject: JSONObjectResolver },
  entityResolvers, placeResolvers, institutionResolvers, peopleResolvers, projectResolvers,
  twinningResolvers, programmeResolvers, provenanceResolvers, exploreResolvers,
];
