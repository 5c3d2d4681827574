// What the projects module hands its resolvers: a project's and an event's record (entity records
// of their kinds, entities/entity-facts.ts; a project's own facts as fields), and a participation
// (PARTICIPATES_IN: who funds, implements or organises a project or event), each parsed at the
// repository boundary.
import { z } from 'zod';
import { ParticipationRole, SupportMode, type EntityKind } from '../../domain/vocabulary.js';
import { absentOr, isText, orNull, text } from '../../domain/parse.js';
import type { EdgeFacts } from '../entities/edge-facts.js';
import type { KindRecord } from '../entities/entity-facts.js';

const ProjectFacts = z.object({
  openedOn: text,
  supportMode: orNull(z.enum(SupportMode)),
  projectType: text,
});
export type ProjectRecord = KindRecord<'PROJECT'> & z.output<typeof ProjectFacts>;
export type EventRecord = KindRecord<'EVENT'>;

export const isProject = (e: { kind: EntityKind }): e is ProjectRecord => e.kind === 'PROJECT';

const isSupportMode = absentOr(SupportMode);

/**
 * A project's facts as ProjectFacts parses them, checked by hand when each is absent or already
 * has its usual type (zod took several µs a project, many times the rest of its parsing); null
 * sends them to zod, which converts the unusual (a year stored as a number) and names what is wrong.
 */
function usualProjectFacts(p: Record<string, unknown>): z.output<typeof ProjectFacts> | null {
  const { openedOn, supportMode, projectType } = p;
  if (!isText(openedOn) || !isText(projectType) || !isSupportMode(supportMode)) return null;
  return { openedOn: openedOn ?? null, supportMode: supportMode ?? null, projectType: projectType ?? null };
}

/** A project's record from its base facts: its own facts read from its properties (none in a compact row). */
export function projectRecord(base: KindRecord<'PROJECT'>): ProjectRecord {
  const { openedOn, supportMode, projectType } = usualProjectFacts(base.properties) ?? ProjectFacts.parse(base.properties);
  const { id, kind, name, nameZh, aliases, code, officialName, properties } = base;
  // An object literal, not a spread: a spread record cost ten times as much to build, and to read.
  return { id, kind, name, nameZh, aliases, code, officialName, properties, openedOn, supportMode, projectType };
}

const ParticipationFacts = z.object({ role: z.enum(ParticipationRole) });

export type ParticipationRecord = EdgeFacts<'PARTICIPATES_IN'> & z.output<typeof ParticipationFacts>;

export const participationRecord = (edge: EdgeFacts<'PARTICIPATES_IN'>, props: Record<string, unknown>): ParticipationRecord =>
  ({ ...edge, ...ParticipationFacts.parse(props) });
