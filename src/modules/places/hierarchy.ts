// Look-ahead for the administrative hierarchy: when a root field's selection walks parent/children
// (a county, its townships, their villages; a township's chain up to its province), the walk is
// read in the root's one statement (src/modules/entities/read-ahead.ts) and handed to the places
// service (PlaceService.primeWalk), so the ordinary field resolvers find their answers there
// instead of asking Neo4j level by level. This file reads the selection into the walk's shape, and
// tells how much of its places a parent or children field asks (PlaceService answers by it).
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { fieldsOf } from '../../api/selection.js';
import { NAMES_ROW_FIELDS } from '../entities/projection.js';
import type { HierarchyShape, PlaceReading } from './places.repository.js';

/**
 * Nested `children` levels read in one statement; deeper ones go level by level, where the list
 * budget (MAX_LIST_ITEMS) can stop them between levels. Three levels below a city is every village
 * of it (a few thousand); four below a province would be every village of the province.
 */
export const MAX_LOOKAHEAD_CHILD_LEVELS = 3;

/**
 * The fields a place's names row answers (parsePlaceNames), and the walk, which needs only its id.
 * A selection (every fragment of it) that asks nothing else reads the places as names.
 */
const NAMES_FIELDS: ReadonlySet<string> = new Set([...NAMES_ROW_FIELDS, 'parent', 'children']);

const RANK: Record<PlaceReading, number> = { names: 0, 'names-zh': 1, whole: 2 };

/** What was read of a place (`read`) answers a selection that asks `asked` of it. */
export const covers = (read: PlaceReading, asked: PlaceReading): boolean => RANK[read] >= RANK[asked];

/** How much of a place these fields ask: its names, its names with nameZh, or its whole record. */
function readingOf(asked: readonly FieldNode[]): PlaceReading {
  if (!asked.every((f) => NAMES_FIELDS.has(f.name.value))) return 'whole';
  return asked.some((f) => f.name.value === 'nameZh') ? 'names-zh' : 'names';
}

// By the field's nodes, which graphql-js shares among the items of a list and which belong to one
// parsed document (its fragments included), so the answer holds for every request that runs it.
const asked = new WeakMap<readonly FieldNode[], PlaceReading>();

/** How much of its places a parent or children field's selection asks (the same rule as the walk's). */
export function readingAsked(info: GraphQLResolveInfo): PlaceReading {
  let reading = asked.get(info.fieldNodes);
  if (!reading) {
    reading = readingOf(info.fieldNodes.flatMap((node) => [...fieldsOf(node.selectionSet, info)]));
    asked.set(info.fieldNodes, reading);
  }
  return reading;
}

/** Adds the walk a field asks for, when it is `parent` or `children`, to `into`. */
export function collectWalk(field: FieldNode, info: GraphQLResolveInfo, into: HierarchyShape, childLevels = 0): void {
  const name = field.name.value;
  if (name !== 'parent' && !(name === 'children' && childLevels < MAX_LOOKAHEAD_CHILD_LEVELS)) return;
  const seen = into[name];
  const step = (into[name] = seen ?? {});
  const fields = [...fieldsOf(field.selectionSet, info)];
  const reads = readingOf(fields);
  // Two selections of one step (aliases) share it: it reads what the more asking of them asks.
  step.reads = !seen?.reads || covers(reads, seen.reads) ? reads : seen.reads;
  for (const f of fields) collectWalk(f, info, step, name === 'children' ? childLevels + 1 : childLevels);
}
