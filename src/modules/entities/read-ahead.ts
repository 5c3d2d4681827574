// Look-ahead for a root entity (`entity`, `place`): what its selection asks of it that would
// otherwise cost statements level after level (the parent/children walk, its citations, its edges
// with their far ends, and those edges' citations) is read in the root's one statement and handed
// to the services that batch those reads (entities, places, provenance), where the ordinary field
// resolvers (typed, with the list budget) find it. A place with its twinnings, supports and all
// their citations costs one statement, not four.
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { RELATIONSHIP_TYPES } from '../../domain/vocabulary.js';
import { fieldsOf } from '../../api/selection.js';
import { collectWalk } from '../places/hierarchy.js';
import { edgeKindOfField } from '../places/edge-fields.js';
import type { PlaceService } from '../places/places.service.js';
import { citationRecords } from '../provenance/provenance.repository.js';
import { parseSource } from '../provenance/provenance.mappers.js';
import type { ProvenanceService } from '../provenance/provenance.service.js';
import { edgeKindKey, type EdgeWithEnd, type EntityRepository, type ReadAheadShape, type ReadAheadTree } from './entities.repository.js';
import { parseEntity, type EntityRecord } from './entities.mappers.js';
import type { EntityService } from './entities.service.js';
import type { StoredEntity } from './projection.js';
import { parseRelationship } from './relationships.mappers.js';

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
      const kind = edgeKindOfField(name);
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

/** The services a read-ahead hands what it found to. */
export interface ReadAheadServices {
  entities: EntityService;
  places: PlaceService;
  provenance: ProvenanceService;
}

/** One request's root lookups with read-ahead. */
export class ReadAhead {
  constructor(private readonly repository: EntityRepository, private readonly services: ReadAheadServices) {}

  /**
   * The entity with this id (or `place:<code>`), reading what its selection asks in the same
   * statement; a selection that asks none of it takes `plain`, the field's ordinary read. The root
   * is parsed by `parse` (any entity for `entity`, a place for `place`).
   */
  async lookup<R extends EntityRecord>(info: GraphQLResolveInfo, id: string, plain: () => Promise<R | null>, parse: (p: StoredEntity) => R): Promise<R | null> {
    const shape = readAheadShape(info);
    if (!shape) return plain();
    const tree = await this.repository.readAhead(id, shape);
    return tree ? this.prime(tree, shape, parse) : null;
  }

  /** Hands what the read-ahead statement returned to the services the field resolvers read. */
  private prime<R extends EntityRecord>(tree: ReadAheadTree, shape: ReadAheadShape, parse: (p: StoredEntity) => R): R {
    const { entities, places, provenance } = this.services;
    const rec = parse(tree.e);
    entities.prime(rec);
    places.primeWalk(rec.id, tree, shape);
    if (shape.sources) provenance.primeCitations(rec.id, citationRecords(rec.id, tree.sources ?? []));
    for (const s of tree.quotedSources ?? []) provenance.primeSource(parseSource(s));
    const edgesOf = (rows: readonly EdgeWithEnd[]) => rows.map((row) => {
      const edge = parseRelationship(row);
      entities.prime(parseEntity(row.other));
      if (row.sources) provenance.primeCitations(edge.id, citationRecords(edge.id, row.sources));
      return edge;
    });
    if (shape.edges) entities.primeEdges(rec.id, edgesOf(tree.edges ?? []));
    [...(shape.kinds?.values() ?? [])].forEach(({ kind }, i) => {
      entities.primeEdges(rec.id, edgesOf(tree.kinds?.[i] ?? []), kind);
    });
    return rec;
  }
}
