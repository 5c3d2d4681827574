// Look-ahead for a root entity (`entity`, `place`): what its selection asks of it that would
// otherwise cost statements level after level (the parent/children walk, its citations, its edges
// with their far ends, and those edges' citations) is read in the root's one statement and handed
// to the per-request loaders, where the ordinary field resolvers (typed, with the list budget) find
// it. A place with its twinnings, supports and all their citations costs one statement, not four.
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../api/context.js';
import { RELATIONSHIP_TYPES } from '../../domain/vocabulary.js';
import { collectWalk, primeWalk } from '../places/hierarchy.js';
import { fieldsOf } from '../../api/selection.js';
import { citationRecords } from '../provenance/provenance.repository.js';
import { parseSource } from '../provenance/provenance.mappers.js';
import { edgeKindKey, type EdgeKind, type EdgeWithEnd, type ReadAheadShape, type ReadAheadTree } from './entities.repository.js';
import { parseEntity, type EntityRecord } from './entities.mappers.js';
import type { StoredEntity } from './projection.js';
import { parseRelationship } from './relationships.mappers.js';

/**
 * The fields of a place that list edges of one kind (through the edgesOfKind loader, which their
 * resolvers read): each is read ahead as that kind alone, with its citations when they are asked.
 */
const KIND_FIELDS: ReadonlyMap<string, EdgeKind> = new Map<string, EdgeKind>([
  ['twinnedWith', { types: ['TWINNED_WITH'], direction: 'OUTGOING' }],
  ['twinnedBy', { types: ['TWINNED_WITH'], direction: 'INCOMING' }],
  ['supportsGiven', { types: ['SUPPORTS'], direction: 'OUTGOING' }],
  ['supportsReceived', { types: ['SUPPORTS'], direction: 'INCOMING' }],
  ['located', { types: ['LOCATED_IN', 'PART_OF'], direction: 'INCOMING' }],
]);

/** What the root field's selection asks that the read-ahead reads, or null when it asks none of it. */
export function readAheadShape(info: GraphQLResolveInfo): ReadAheadShape | null {
  const shape: ReadAheadShape = {};
  // A `sources` field that asks for its citations' source: the sources quoted are read too.
  const asksSource = (sources: FieldNode): true => {
    if ([...fieldsOf(sources.selectionSet, info)].some((f) => f.name.value === 'source')) shape.quotedSources = true;
    return true;
  };
  for (const node of info.fieldNodes) {
    for (const field of fieldsOf(node.selectionSet, info)) {
      const name = field.name.value;
      const kind = KIND_FIELDS.get(name);
      const withSources = () => [...fieldsOf(field.selectionSet, info)].some((f) => f.name.value === 'sources' && asksSource(f));
      if (name === 'sources') {
        shape.sources = true;
        asksSource(field);
      }
      else if (name === 'relationships') {
        // Every edge, as the entity's all-edges read returns them (a `types` argument reads its own kind).
        const edges = (shape.edges ??= { sourceTypes: new Set() });
        if (withSources()) for (const t of RELATIONSHIP_TYPES) edges.sourceTypes.add(t);
      } else if (kind) {
        const kinds = (shape.kinds ??= new Map());
        const key = edgeKindKey(kind);
        kinds.set(key, { kind, sources: (kinds.get(key)?.sources ?? false) || withSources() });
      } else collectWalk(field, info, shape);
    }
  }
  return shape.parent || shape.children || shape.sources || shape.edges || shape.kinds ? shape : null;
}

/** Hands what the read-ahead statement returned to the loaders the field resolvers read. */
function prime<R extends EntityRecord>(ctx: RequestContext, tree: ReadAheadTree, shape: ReadAheadShape, parse: (p: StoredEntity) => R): R {
  const rec = parse(tree.e);
  const { loaders } = ctx;
  loaders.entity.prime(rec.id, rec);
  primeWalk(ctx, rec.id, tree, shape);
  if (shape.sources) loaders.citationsOf.prime(rec.id, citationRecords(rec.id, tree.sources ?? []));
  for (const s of tree.quotedSources ?? []) {
    const source = parseSource(s);
    loaders.source.prime(source.id, source);
  }
  const edgesOf = (rows: readonly EdgeWithEnd[]) => rows.map((row) => {
    const edge = parseRelationship(row);
    const other = parseEntity(row.other);
    loaders.entity.prime(other.id, other);
    if (row.sources) loaders.citationsOf.prime(edge.id, citationRecords(edge.id, row.sources));
    return edge;
  });
  if (shape.edges) loaders.relationshipsOf.prime(rec.id, edgesOf(tree.edges ?? []));
  [...(shape.kinds?.values() ?? [])].forEach(({ kind }, i) => {
    loaders.edgesOfKind.prime({ id: rec.id, kind }, edgesOf(tree.kinds?.[i] ?? []));
  });
  return rec;
}

/**
 * The entity with this id (or `place:<code>`), reading what its selection asks in the same
 * statement; a selection that asks none of it takes `plain`, the field's ordinary loader. The root
 * is parsed by `parse` (any entity for `entity`, a place for `place`).
 */
export async function withReadAhead<R extends EntityRecord>(
  ctx: RequestContext, info: GraphQLResolveInfo, id: string, plain: () => Promise<R | null>, parse: (p: StoredEntity) => R,
): Promise<R | null> {
  const shape = readAheadShape(info);
  if (!shape) return plain();
  const tree = await ctx.repos.entities.readAhead(id, shape);
  return tree ? prime(ctx, tree, shape, parse) : null;
}
