// What the twinnings module hands its resolvers for its two edges: a twinning (TWINNED_WITH) and a
// support (SUPPORTS), each parsed from the edge's property map at the repository boundary, so their
// GraphQL fields (level, programme, since, mode, until, ...) resolve by default.
import { z } from 'zod';
import { QuantityQualifier, SupportMode, TwinningLevel, UntilBasis } from '../../domain/vocabulary.js';
import { absentOr, integer, isNumber, isText, orNull, text } from '../../domain/parse.js';
import type { EdgeFacts } from '../entities/edge-facts.js';

// `programme` is the programme's id (programme:aid-tibet), as the seed states it.
const TwinningFacts = z.object({
  level: orNull(z.enum(TwinningLevel)), programme: text, since: integer,
  sinceQualifier: orNull(z.enum(QuantityQualifier)), until: integer,
  untilQualifier: orNull(z.enum(QuantityQualifier)), untilBasis: orNull(z.enum(UntilBasis)),
});
const SupportFacts = z.object({ mode: z.enum(SupportMode), from: integer, until: integer, asOf: text, description: text });

export type TwinningRecord = EdgeFacts<'TWINNED_WITH'> & z.output<typeof TwinningFacts>;
export type SupportRecord = EdgeFacts<'SUPPORTS'> & z.output<typeof SupportFacts>;

const isLevel = absentOr(TwinningLevel);
const isQualifier = absentOr(QuantityQualifier);
const isMode = absentOr(SupportMode);
const isBasis = absentOr(UntilBasis);

/**
 * The facts of the two edges every place page reads, checked by hand when each already has its
 * usual type, as zod would pass them (zod took about 5 µs an edge, ten times the rest); null sends
 * them to zod, which converts the unusual and names what is wrong.
 */
function usualTwinning(p: Record<string, unknown>): z.output<typeof TwinningFacts> | null {
  const { level, programme, since, sinceQualifier, until, untilQualifier, untilBasis } = p;
  if (!isLevel(level) || !isText(programme) || !isNumber(since) || !isQualifier(sinceQualifier) || !isNumber(until)) return null;
  if (!isQualifier(untilQualifier) || !isBasis(untilBasis)) return null;
  return {
    level: level ?? null, programme: programme ?? null, since: since ?? null, sinceQualifier: sinceQualifier ?? null, until: until ?? null,
    untilQualifier: untilQualifier ?? null, untilBasis: untilBasis ?? null,
  };
}
function usualSupport(p: Record<string, unknown>): z.output<typeof SupportFacts> | null {
  const { mode, from, until, asOf, description } = p;
  if (mode === undefined || mode === null || !isMode(mode) || !isNumber(from) || !isNumber(until) || !isText(asOf) || !isText(description)) return null;
  return { mode, from: from ?? null, until: until ?? null, asOf: asOf ?? null, description: description ?? null };
}

/** A twinning's record: the edge's common facts and its own, read from its property map. */
export function twinningRecord({ id, fromId, toId, properties, type }: EdgeFacts<'TWINNED_WITH'>, props: Record<string, unknown>): TwinningRecord {
  const { level, programme, since, sinceQualifier, until, untilQualifier, untilBasis } = usualTwinning(props) ?? TwinningFacts.parse(props);
  // Object literals, not spreads: a spread record cost ten times as much to build (entities/entity-facts.ts).
  return { id, fromId, toId, properties, type, level, programme, since, sinceQualifier, until, untilQualifier, untilBasis };
}

/** A support's record: the edge's common facts and its own. */
export function supportRecord({ id, fromId, toId, properties, type }: EdgeFacts<'SUPPORTS'>, props: Record<string, unknown>): SupportRecord {
  const { mode, from, until, asOf, description } = usualSupport(props) ?? SupportFacts.parse(props);
  return { id, fromId, toId, properties, type, mode, from, until, asOf, description };
}
