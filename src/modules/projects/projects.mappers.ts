// What the projects module hands its resolvers for a participation (PARTICIPATES_IN: who funds,
// implements or organises a project or event), parsed from the edge's property map at the
// repository boundary. A project's own record is one of the entity records (entities.mappers.ts).
import { z } from 'zod';
import { ParticipationRole } from '../../domain/vocabulary.js';
import type { EdgeFacts } from '../entities/edge-facts.js';

const ParticipationFacts = z.object({ role: z.enum(ParticipationRole) });

export type ParticipationRecord = EdgeFacts<'PARTICIPATES_IN'> & z.output<typeof ParticipationFacts>;

export const participationRecord = (edge: EdgeFacts<'PARTICIPATES_IN'>, props: Record<string, unknown>): ParticipationRecord =>
  ({ ...edge, ...ParticipationFacts.parse(props) });
