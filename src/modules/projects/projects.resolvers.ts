// Projects and events: who funds, implements or organises them, whom they benefit, what they cost.
// A project's own facts (openedOn, supportMode, projectType) resolve from its record by default.
import type {
  Event, EventResolvers, Participation, ParticipationResolvers, Project, ProjectResolvers, Resolvers,
} from '../../generated/graphql.js';
import type { EventRecord, ParticipationRecord, ProjectRecord } from './projects.mappers.js';
import type { Complete, SharedFields } from '../../api/resolver-types.js';
import type { RequestContext } from '../../api/context.js';
import { anyEntity } from '../entities/entities.service.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { entityFields, relationshipFields } from '../entities/entities.resolvers.js';
import { institutionFields } from '../institutions/institutions.resolvers.js';

const metric = async (ctx: RequestContext, e: EntityRecord, name: string) =>
  (await ctx.services.provenance.quantitiesAbout(e.id)).find((q) => q.metric === name) ?? null;

/** Whom an activity benefits: the far ends of its BENEFITS edges. */
const recipients = (e: EntityRecord, _a: unknown, ctx: RequestContext) =>
  ctx.services.entities.ends(e.id, ['BENEFITS'], 'OUTGOING');

const activityFields = {
  ...entityFields,
  locatedIn: institutionFields.locatedIn,
  location: institutionFields.location,
  participants: (e, _a, ctx) => ctx.services.entities.edges(e.id, ['PARTICIPATES_IN'], 'INCOMING'),
  recipients,
  beneficiaries: recipients, // the deprecated name of `recipients`
} satisfies SharedFields<EventResolvers, 'locatedIn' | 'location' | 'participants' | 'recipients' | 'beneficiaries', EntityRecord>;

export const projectResolvers: Resolvers = {
  Project: {
    ...activityFields,
    investment: (e, _a, ctx) => metric(ctx, e, 'projectInvestment'),
    floorArea: (e, _a, ctx) => metric(ctx, e, 'floorArea'),
  } satisfies Complete<ProjectResolvers, Project, ProjectRecord>,
  Event: activityFields satisfies Complete<EventResolvers, Event, EventRecord>,
  Participation: {
    sources: relationshipFields.sources,
    participant: (r, _a, ctx) => ctx.services.entities.end(r.fromId, anyEntity, 'an entity'),
    activity: (r, _a, ctx) => ctx.services.entities.end(r.toId, anyEntity, 'an entity'),
  } satisfies Complete<ParticipationResolvers, Participation, ParticipationRecord>,
};
