// Look-ahead for a root entity (`entity`, `place`): what its selection asks of it that would
// otherwise cost statements level after level (the parent/children walk, its citations, its edges
// with their far ends, and those edges' citations) is read in the root's one statement and handed
// to the per-request loaders, where the ordinary field resolvers (typed, with the list budget) find
// it. A place with its twinnings, supports and all their citations costs one statement, not four.
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/vocabulary.js';
import { collectWalk, fieldsOf, primeWalk } from '../places/hierarchy.js';
import { citationRecords } from '../provenance/provenance.repository.js';
import type { ReadAheadShape, ReadAheadTree } from './entities.repository.js';
import { parseEntity, type EntityRecord } from './entities.mappers.js';
import { parseRelationship } from './relationships.mappers.js';

/**
 * The fields of an entity that list its edges (through the relationshipsOf loader), and the edge
 * types each can hold: their `sources` are read ahead for those types only.
 */
const EDGE_FIELDS: ReadonlyMap<string, readonly RelationshipType[]> = new Map([
  ['relationships', RELATIONSHIP_TYPES],
  ['twinnedWith', ['TWINNED_WITH']], ['twinnedBy', ['TWINNED_WITH']],
  ['supportsGiven', ['SUPPORTS']], ['supportsReceived', ['SUPPORTS']],
  ['located', ['LOCATED_IN', 'PART_OF']],
]);

/** What the root field's selection asks that the read-ahead reads, or null when it asks none of it. */
export function readAheadShape(info: GraphQLResolveInfo): ReadAheadShape | null {
  const shape: ReadAheadShape = {};
  for (const node of info.fieldNodes) {
    for (const field of fieldsOf(node.selectionSet, info)) {
      const name = field.name.value;
      const types = EDGE_FIELDS.get(name);
      if (name === 'sources') shape.sources = true;
      else if (types) {
        const edges = (shape.edges ??= { sourceTypes: new Set() });
        if ([...fieldsOf(field.selectionSet, info)].some((f) => f.name.value === 'sources')) for (const t of types) edges.sourceTypes.add(t);
      } else collectWalk(field, info, shape);
    }
  }
  return shape.parent || shape.children || shape.sources || shape.edges ? shape : null;
}

/** Hands what the read-ahead statement returned to the loaders the field resolvers read. */
function prime<R extends EntityRecord>(ctx: RequestContext, tree: ReadAheadTree, shape: ReadAheadShape, parse: (p: Record<string, unknown>) => R): R {
  const rec = parse(tree.e);
  const { loaders } = ctx;
  loaders.entity.prime(rec.id, rec);
  primeWalk(ctx, rec.id, tree, shape);
  if (shape.sources) loaders.citationsOf.prime(rec.id, citationRecords(rec.id, tree.sources ?? []));
  if (shape.edges) {
    const edges = (tree.edges ?? []).map((row) => {
      const edge = parseRelationship(row);
      const other = parseEntity(row.other);
      loaders.entity.prime(other.id, other);
      if (row.sources) loaders.citationsOf.prime(edge.id, citationRecords(edge.id, row.sources));
      return edge;
    });
    loaders.relationshipsOf.prime(rec.id, edges);
  }
  return rec;
}

/**
 * The entity with this id (or `place:<code>`), reading what its selection asks in the same
 * statement; a selection that asks none of it takes `plain`, the field's ordinary loader. The root
 * is parsed by `parse` (any entity for `entity`, a place for `place`).
 */
export async function withReadAhead<R extends EntityRecord>(
  ctx: RequestContext, info: GraphQLResolveInfo, id: string, plain: () => Promise<R | null>, parse: (p: Record<string, unknown>) => R,
): Promise<R | null> {
  const shape = readAheadShape(info);
  if (!shape) return plain();
  const tree = await ctx.repos.entities.readAhead(id, shape);
  return tree ? prime(ctx, tree, shape, parse) : null;
}
