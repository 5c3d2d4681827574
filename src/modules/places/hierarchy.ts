// Look-ahead for the administrative hierarchy: when a root field's selection walks parent/children
// (a county, its townships, their villages; a township's chain up to its province), the walk is
// read in one statement and handed to the per-request loaders, so the ordinary field resolvers find
// their answers there instead of asking Neo4j level by level. Everything else the selection asks
// (sources, twinnings, ...) resolves as usual.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../../context.js';
import { parsePlace, type EntityRecord, type PlaceRecord } from '../entities/entities.mappers.js';
import type { HierarchyShape, PlaceTree } from './hierarchy.repository.js';

/**
 * Nested `children` levels read in one statement; deeper ones go level by level, where the list
 * budget (MAX_LIST_ITEMS) can stop them between levels. Three levels below a city is every village
 * of it (a few thousand); four below a province would be every village of the province.
 */
export const MAX_LOOKAHEAD_CHILD_LEVELS = 3;

/** The parent/children walk a field's selection asks for, or null when it asks none. */
export function hierarchyShape(info: GraphQLResolveInfo): HierarchyShape | null {
  const shape: HierarchyShape = {};
  for (const node of info.fieldNodes) collect(node.selectionSet, info, shape, 0);
  return shape.parent || shape.children ? shape : null;
}

function collect(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: HierarchyShape, childLevels: number): void {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet, info, into, childLevels);
    else if (sel.kind === Kind.FRAGMENT_SPREAD) collect(info.fragments[sel.name.value]?.selectionSet, info, into, childLevels);
    else if (sel.name.value === 'parent') collect(sel.selectionSet, info, (into.parent ??= {}), childLevels);
    else if (sel.name.value === 'children' && childLevels < MAX_LOOKAHEAD_CHILD_LEVELS) {
      collect(sel.selectionSet, info, (into.children ??= {}), childLevels + 1);
    }
  }
}

/**
 * Hands a tree read by `HierarchyRepository.tree` to the loaders the field resolvers read: the root
 * may be any entity (parsed as such), everything above or below it is a place.
 */
function prime<R extends EntityRecord>(ctx: RequestContext, tree: PlaceTree, shape: HierarchyShape, parse: (p: Record<string, unknown>) => R): R {
  const rec = parse(tree.e);
  ctx.loaders.entity.prime(rec.id, rec);
  const { parent, children } = shape;
  if (parent) {
    ctx.loaders.parentPlace.prime(rec.id, tree.parent ? prime(ctx, tree.parent, parent, parsePlace) : null);
  }
  if (children) {
    ctx.loaders.childPlaces.prime(rec.id, (tree.children ?? []).map((c): PlaceRecord => prime(ctx, c, children, parsePlace)));
  }
  return rec;
}

/**
 * The entity with this id (or `place:<code>`), reading the hierarchy its selection walks in the
 * same statement; a selection without a walk takes `plain`, the field's ordinary loader. The root
 * is parsed by `parse` (any entity for `entity`, a place for `place`).
 */
export async function withHierarchy<R extends EntityRecord>(
  ctx: RequestContext, info: GraphQLResolveInfo, id: string, plain: () => Promise<R | null>, parse: (p: Record<string, unknown>) => R,
): Promise<R | null> {
  const shape = hierarchyShape(info);
  if (!shape) return plain();
  const tree = await ctx.repos.hierarchy.tree(id, shape);
  return tree ? prime(ctx, tree, shape, parse) : null;
}
