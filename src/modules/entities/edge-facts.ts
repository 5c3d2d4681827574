// What every edge record has, whatever its type, and the row a statement returns an edge as: the
// base each module's edge records build on (twinnings.mappers.ts, people.mappers.ts, ...), kept
// apart from the union of them all (relationships.mappers.ts) so those modules can import it.
import type { RelationshipType } from '../../domain/vocabulary.js';

/** What every edge has: its id, type, ends, and its stored facts (served as `properties`). */
export interface EdgeFacts<T extends RelationshipType> {
  id: string;
  type: T;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
}

/** An edge as a statement returns it: its type, its ends' ids and its property map. */
export type RelRow = { type: string; fromId: string; toId: string; props: Record<string, unknown> };
