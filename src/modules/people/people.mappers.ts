// What the people module hands its resolvers: a person's record (an entity record of its kind,
// entities/entity-facts.ts), and the edges that say what people do: a post (HOLDS_POST), a team
// membership (MEMBER_OF) and a workplace (WORKS_AT), each parsed from the edge's property map at the
// repository boundary, so their fields resolve by default.
import { z } from 'zod';
import type { EntityKind } from '../../domain/vocabulary.js';
import { integer, text, yearOf } from '../../domain/parse.js';
import type { EdgeFacts } from '../entities/edge-facts.js';
import type { KindRecord } from '../entities/entity-facts.js';

export type PersonRecord = KindRecord<'PERSON'>;
export const isPerson = (e: { kind: EntityKind }): e is PersonRecord => e.kind === 'PERSON';

/**
 * A post's or membership's span as years, the API's one type for years; `from` and `until` keep the
 * source's own precision (a month, a day) for the deprecated text fields.
 */
const withYears = <T extends { from: string | null; until: string | null }>(f: T) =>
  ({ ...f, fromYear: yearOf(f.from), untilYear: yearOf(f.until) });

const PostFacts = z.object({ role: text, roleZh: text, from: text, until: text, asOf: text }).transform(withYears);
const MembershipFacts = z.object({ role: text, batch: integer, from: text, until: text }).transform(withYears);
const EmploymentFacts = z.object({ role: text, asOf: text });

export type PostRecord = EdgeFacts<'HOLDS_POST'> & z.output<typeof PostFacts>;
export type MembershipRecord = EdgeFacts<'MEMBER_OF'> & z.output<typeof MembershipFacts>;
export type EmploymentRecord = EdgeFacts<'WORKS_AT'> & z.output<typeof EmploymentFacts>;

export const postRecord = (edge: EdgeFacts<'HOLDS_POST'>, props: Record<string, unknown>): PostRecord => ({ ...edge, ...PostFacts.parse(props) });
export const membershipRecord = (edge: EdgeFacts<'MEMBER_OF'>, props: Record<string, unknown>): MembershipRecord => ({ ...edge, ...MembershipFacts.parse(props) });
export const employmentRecord = (edge: EdgeFacts<'WORKS_AT'>, props: Record<string, unknown>): EmploymentRecord => ({ ...edge, ...EmploymentFacts.parse(props) });
