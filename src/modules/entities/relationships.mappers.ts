// What the data layer hands resolvers for edges: one record per edge type, parsed from the edge's
// property map at the repository boundary. The six typed edges carry their facts as fields, so
// their GraphQL fields resolve by default; the others are served as the generic Relationship.
import { z } from 'zod';
import {
  ParticipationRole, QuantityQualifier, RelationshipType, SupportMode, TwinningLevel, UntilBasis,
} from '../../domain/vocabulary.js';
import { absentOr, integer, isNumber, isText, orNull, text, yearOf } from '../../domain/parse.js';

/** What every edge has: its id, type, ends, and its stored facts (served as `properties`). */
export interface EdgeFacts<T extends RelationshipType> {
  id: string;
  type: T;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
}

/**
 * A post's or membership's span as years, the API's one type for years; `from` and `until` keep the
 * source's own precision (a month, a day) for the deprecated text fields.
 */
const withYears = <T extends { from: string | null; until: string | null }>(f: T) =>
  ({ ...f, fromYear: yearOf(f.from), untilYear: yearOf(f.until) });

/** The facts each typed edge carries beyond EdgeFacts, as the seed schema lets a source state them. */
const TYPED_FACTS = {
  // `programme` is the programme's id (programme:aid-tibet), as the seed states it.
  TWINNED_WITH: z.object({
    level: orNull(z.enum(TwinningLevel)), programme: text, since: integer,
    sinceQualifier: orNull(z.enum(QuantityQualifier)), until: integer,
    untilQualifier: orNull(z.enum(QuantityQualifier)), untilBasis: orNull(z.enum(UntilBasis)),
  }),
  SUPPORTS: z.object({ mode: z.enum(SupportMode), from: integer, until: integer, asOf: text, description: text }),
  HOLDS_POST: z.object({ role: text, roleZh: text, from: text, until: text, asOf: text }).transform(withYears),
  MEMBER_OF: z.object({ role: text, batch: integer, from: text, until: text }).transform(withYears),
  WORKS_AT: z.object({ role: text, asOf: text }),
  PARTICIPATES_IN: z.object({ role: z.enum(ParticipationRole) }),
} satisfies Partial<Record<RelationshipType, z.ZodType>>;
type TypedEdge = keyof typeof TYPED_FACTS;
type PlainEdge = Exclude<RelationshipType, TypedEdge>;

export type TwinningRecord = EdgeFacts<'TWINNED_WITH'> & z.output<typeof TYPED_FACTS.TWINNED_WITH>;
export type SupportRecord = EdgeFacts<'SUPPORTS'> & z.output<typeof TYPED_FACTS.SUPPORTS>;
export type PostRecord = EdgeFacts<'HOLDS_POST'> & z.output<typeof TYPED_FACTS.HOLDS_POST>;
export type MembershipRecord = EdgeFacts<'MEMBER_OF'> & z.output<typeof TYPED_FACTS.MEMBER_OF>;
export type EmploymentRecord = EdgeFacts<'WORKS_AT'> & z.output<typeof TYPED_FACTS.WORKS_AT>;
export type ParticipationRecord = EdgeFacts<'PARTICIPATES_IN'> & z.output<typeof TYPED_FACTS.PARTICIPATES_IN>;
/** PART_OF, LOCATED_IN, COMES_FROM, BENEFITS: no facts of their own (one member per type, so `type` narrows). */
export type PlainRelationshipRecord = { [T in PlainEdge]: EdgeFacts<T> }[PlainEdge];

export type RelationshipRecord =
  | TwinningRecord | SupportRecord | PostRecord | MembershipRecord | EmploymentRecord | ParticipationRecord
  | PlainRelationshipRecord;
/** The record of one edge type: `RelationshipRecordOf<'SUPPORTS'>` is SupportRecord. */
export type RelationshipRecordOf<T extends RelationshipType> = Extract<RelationshipRecord, { type: T }>;

/** An edge as a statement returns it: its type, its ends' ids and its property map. */
export type RelRow = { type: string; fromId: string; toId: string; props: Record<string, unknown> };

const TYPES: ReadonlySet<string> = new Set(Object.values(RelationshipType));
const isRelationshipType = (t: string): t is RelationshipType => TYPES.has(t);

const isLevel = absentOr(TwinningLevel);
const isQualifier = absentOr(QuantityQualifier);
const isMode = absentOr(SupportMode);
const isBasis = absentOr(UntilBasis);

type Facts<T extends TypedEdge> = z.output<(typeof TYPED_FACTS)[T]>;

/**
 * The facts of the two edges every place page reads (twinnings, supports), checked by hand when
 * each already has its usual type, as zod would pass them (zod took about 5 µs an edge, ten times
 * the rest); null sends them to zod, which converts the unusual and names what is wrong.
 */
function usualTwinning(p: Record<string, unknown>): Facts<'TWINNED_WITH'> | null {
  const { level, programme, since, sinceQualifier, until, untilQualifier, untilBasis } = p;
  if (!isLevel(level) || !isText(programme) || !isNumber(since) || !isQualifier(sinceQualifier) || !isNumber(until)) return null;
  if (!isQualifier(untilQualifier) || !isBasis(untilBasis)) return null;
  return {
    level: level ?? null, programme: programme ?? null, since: since ?? null, sinceQualifier: sinceQualifier ?? null, until: until ?? null,
    untilQualifier: untilQualifier ?? null, untilBasis: untilBasis ?? null,
  };
}
function usualSupport(p: Record<string, unknown>): Facts<'SUPPORTS'> | null {
  const { mode, from, until, asOf, description } = p;
  if (mode === undefined || mode === null || !isMode(mode) || !isNumber(from) || !isNumber(until) || !isText(asOf) || !isText(description)) return null;
  return { mode, from: from ?? null, until: until ?? null, asOf: asOf ?? null, description: description ?? null };
}

/**
 * Parses an edge row into its type's record; the content hash (bookkeeping) stays behind. The
 * common fields are checked by hand (a place's hundreds of PART_OF edges pass through here), the
 * facts of the six typed edges by their zod objects, the two common ones by hand first.
 */
export function parseRelationship(row: RelRow): RelationshipRecord {
  const { type, fromId, toId } = row;
  const id = row.props.id;
  if (!isRelationshipType(type) || typeof id !== 'string' || typeof fromId !== 'string' || typeof toId !== 'string') {
    throw new Error(`not an edge row: ${JSON.stringify({ type, id, fromId, toId })}`);
  }
  const properties: Record<string, unknown> = {};
  for (const k of Object.keys(row.props)) if (k !== 'contentHash') properties[k] = row.props[k];
  switch (type) {
    case 'TWINNED_WITH': {
      const { level, programme, since, sinceQualifier, until, untilQualifier, untilBasis } = usualTwinning(row.props) ?? TYPED_FACTS[type].parse(row.props);
      return { id, fromId, toId, properties, type, level, programme, since, sinceQualifier, until, untilQualifier, untilBasis };
    }
    case 'SUPPORTS': {
      const { mode, from, until, asOf, description } = usualSupport(row.props) ?? TYPED_FACTS[type].parse(row.props);
      return { id, fromId, toId, properties, type, mode, from, until, asOf, description };
    }
    case 'HOLDS_POST': return { id, fromId, toId, properties, type, ...TYPED_FACTS[type].parse(row.props) };
    case 'MEMBER_OF': return { id, fromId, toId, properties, type, ...TYPED_FACTS[type].parse(row.props) };
    case 'WORKS_AT': return { id, fromId, toId, properties, type, ...TYPED_FACTS[type].parse(row.props) };
    case 'PARTICIPATES_IN': return { id, fromId, toId, properties, type, ...TYPED_FACTS[type].parse(row.props) };
    default: return { id, fromId, toId, properties, type };
  }
}

/** A type guard for edges of the given types. */
export const ofType = <T extends RelationshipType>(types: readonly T[]) =>
  (r: RelationshipRecord): r is RelationshipRecordOf<T> => types.some((t) => t === r.type);
