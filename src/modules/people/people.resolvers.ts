// People and the edges that say what they do: posts, team memberships, workplaces, origins.
// The edges' own facts (role, batch, fromYear, untilYear, asOf) resolve from their records by
// default; a start year is `since` in the API, as on twinnings and supports.
import type {
  Employment, EmploymentResolvers, Membership, MembershipResolvers, Person, PersonResolvers, Post, PostResolvers, Resolvers,
} from '../../generated/graphql.js';
import type { Complete } from '../../api/resolver-types.js';
import { isPerson, type EmploymentRecord, type MembershipRecord, type PersonRecord, type PostRecord } from './people.mappers.js';
import { anyEntity } from '../entities/entities.service.js';
import { isPlace } from '../places/places.mappers.js';
import { entityFields, relationshipFields } from '../entities/entities.resolvers.js';

export const peopleResolvers: Resolvers = {
  Person: {
    ...entityFields,
    posts: (e, _a, ctx) => ctx.services.entities.edges(e.id, ['HOLDS_POST'], 'OUTGOING'),
    teams: (e, _a, ctx) => ctx.services.entities.edges(e.id, ['MEMBER_OF'], 'OUTGOING'),
    workplaces: (e, _a, ctx) => ctx.services.entities.edges(e.id, ['WORKS_AT'], 'OUTGOING'),
    // Seed validation lets COMES_FROM point at places only.
    origins: async (e, _a, ctx) => (await ctx.services.entities.ends(e.id, ['COMES_FROM'], 'OUTGOING')).filter(isPlace),
  } satisfies Complete<PersonResolvers, Person, PersonRecord>,
  Post: {
    sources: relationshipFields.sources,
    person: (r, _a, ctx) => ctx.services.entities.end(r.fromId, isPerson, 'a person'),
    organization: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
    since: (r) => r.fromYear,
  } satisfies Complete<PostResolvers, Post, PostRecord>,
  Membership: {
    sources: relationshipFields.sources,
    member: (r, _a, ctx) => ctx.services.entities.end(r.fromId, anyEntity, 'an entity'),
    team: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
    since: (r) => r.fromYear,
  } satisfies Complete<MembershipResolvers, Membership, MembershipRecord>,
  Employment: {
    sources: relationshipFields.sources,
    person: (r, _a, ctx) => ctx.services.entities.end(r.fromId, isPerson, 'a person'),
    employer: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
  } satisfies Complete<EmploymentResolvers, Employment, EmploymentRecord>,
};
