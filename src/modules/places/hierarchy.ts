// Look-ahead for the administrative hierarchy: when a root field's selection walks parent/children
// (a county, its townships, their villages; a township's chain up to its province), the walk is
// read in the root's one statement (src/modules/entities/read-ahead.ts) and handed to the places
// service (PlaceService.primeWalk), so the ordinary field resolvers find their answers there
// instead of asking Neo4j level by level. This file reads the selection into the walk's shape.
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { fieldsOf } from '../../api/selection.js';
import { REF_ROW_FIELDS } from '../entities/projection.js';
import type { HierarchyShape } from './places.repository.js';

/**
 * Nested `children` levels read in one statement; deeper ones go level by level, where the list
 * budget (MAX_LIST_ITEMS) can stop them between levels. Three levels below a city is every village
 * of it (a few thousand); four below a province would be every village of the province.
 */
export const MAX_LOOKAHEAD_CHILD_LEVELS = 3;

/**
 * The fields a ref (PlaceRef) answers without its record: its row's, and the walk, which needs only
 * its id. A step whose selection (every fragment of it) asks nothing else is read as refs.
 */
const REF_FIELDS: ReadonlySet<string> = new Set([...REF_ROW_FIELDS, 'parent', 'children']);

/** Adds the walk a field asks for, when it is `parent` or `children`, to `into`. */
export function collectWalk(field: FieldNode, info: GraphQLResolveInfo, into: HierarchyShape, childLevels = 0): void {
  const name = field.name.value;
  if (name !== 'parent' && !(name === 'children' && childLevels < MAX_LOOKAHEAD_CHILD_LEVELS)) return;
  const seen = into[name];
  const step = (into[name] = seen ?? {});
  const asked = [...fieldsOf(field.selectionSet, info)];
  const ref = asked.every((f) => REF_FIELDS.has(f.name.value)) ? { nameZh: asked.some((f) => f.name.value === 'nameZh') } : undefined;
  // Two selections of one step (aliases) share it: a ref only if each asks names alone.
  step.ref = !seen ? ref : seen.ref && ref ? { nameZh: seen.ref.nameZh || ref.nameZh } : undefined;
  for (const f of asked) collectWalk(f, info, step, name === 'children' ? childLevels + 1 : childLevels);
}
