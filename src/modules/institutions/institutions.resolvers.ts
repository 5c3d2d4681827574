// Schools, hospitals and organisations: where they are, what they belong to, who supports them.
import type {
  Hospital, HospitalResolvers, Organization, OrganizationResolvers, Resolvers, School, SchoolResolvers,
} from '../../generated/graphql.js';
import type { Complete, SharedFields } from '../../api/resolver-types.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import type { HospitalRecord, OrganizationRecord, SchoolRecord } from './institutions.mappers.js';
import type { RequestContext } from '../../api/context.js';
import { entityFields } from '../entities/entities.resolvers.js';
import { PLACE_EDGE_FIELDS } from '../places/edge-fields.js';

const { supportsGiven, supportsReceived } = PLACE_EDGE_FIELDS;

/** Where an institution or activity is; `location` is the deprecated first name of `locatedIn`. */
const locatedIn = (e: EntityRecord, _a: unknown, ctx: RequestContext) => ctx.services.places.location(e);

export const institutionFields = {
  ...entityFields,
  locatedIn,
  location: locatedIn,
  // The same kinds as a place's fields of these names: one table (edge-fields.ts), which the read-ahead reads too.
  supportsReceived: (e, _a, ctx) => ctx.services.entities.edges(e.id, supportsReceived.types, supportsReceived.direction),
  supportsGiven: (e, _a, ctx) => ctx.services.entities.edges(e.id, supportsGiven.types, supportsGiven.direction),
} satisfies SharedFields<SchoolResolvers, 'locatedIn' | 'location' | 'supportsReceived' | 'supportsGiven', EntityRecord>;

export const institutionResolvers: Resolvers = {
  School: institutionFields satisfies Complete<SchoolResolvers, School, SchoolRecord>,
  Hospital: {
    ...institutionFields,
    parentHospital: (e, _a, ctx) => ctx.services.places.parentHospital(e),
    departments: (e, _a, ctx) => ctx.services.places.departments(e),
  } satisfies Complete<HospitalResolvers, Hospital, HospitalRecord>,
  Organization: {
    ...institutionFields,
    parent: (e, _a, ctx) => ctx.services.places.partOf(e),
    posts: (e, _a, ctx) => ctx.services.entities.edges(e.id, ['HOLDS_POST'], 'INCOMING'),
    members: (e, _a, ctx) => ctx.services.entities.edges(e.id, ['MEMBER_OF'], 'INCOMING'),
  } satisfies Complete<OrganizationResolvers, Organization, OrganizationRecord>,
};
