// Entities and the edges between them, read by id in batches (EntityService batches these), and a
// root entity with what its selection asks, in one statement (the read-ahead).
import type { Graph } from '../../db/graph.js';
import { perLabel } from '../../db/per-label.js';
import { PLACE_LABEL, RELATIONSHIP_TYPES, relationshipTypeOfId, type Direction, type RelationshipType } from '../../domain/vocabulary.js';
import { PLACE_CODE_ID } from '../../domain/ids.js';
import { cited, citedEdge } from '../../domain/cited.js';
import { CITATIONS_OF, type CitationRow } from '../provenance/provenance.repository.js';
import { walkFields, walkKey, type HierarchyShape, type PlaceTree } from '../places/places.repository.js';
import { parseEntity, type EntityRecord } from './entities.mappers.js';
import { parseRelationship, type RelationshipRecord, type RelRow } from './relationships.mappers.js';
import { edgeMap, entityRow, type StoredEntity } from './projection.js';
import { statement, type Statement } from '../../db/statement.js';

// One read per relationship type: types cannot be parameters, and a typed match uses the id index.
const RELATIONSHIPS_BY_ID = perLabel(RELATIONSHIP_TYPES, (t) => statement(`// entities.relationships-by-id (${t})
     MATCH (a:Entity)-[r:${t}]->(b:Entity) WHERE r.id IN $ids AND ${citedEdge('r')} AND ${cited('a')} AND ${cited('b')}
     RETURN type(r) AS type, a.id AS fromId, b.id AS toId, ${edgeMap('r')} AS props`));

const BY_ID = statement(`// entities.by-id
       MATCH (e:Entity) WHERE e.id IN $ids AND ${cited('e')}
       RETURN ${entityRow('e')} AS e`);
const BY_ID_OR_CODE = statement(`${BY_ID.cypher}
       UNION
       MATCH (e:${PLACE_LABEL}) WHERE e.code IN $codes AND ${cited('e')}
       RETURN ${entityRow('e')} AS e`);

/** Every edge touching `node` that may be shown, both directions, with the entity at its far end (`other`). */
const EDGES_OF = (node: string) => `MATCH (${node})-[r]-(other:Entity) WHERE ${cited('other')} AND ${citedEdge('r')}`;

/**
 * Some edge types in one direction: what a field such as `twinnedBy` (TWINNED_WITH, incoming) or
 * `located` (LOCATED_IN and PART_OF, incoming) lists. Read by its own typed pattern, so a county
 * with a hundred villages does not send its PART_OF edges to a question about its twinnings.
 */
export interface EdgeKind {
  types: readonly RelationshipType[];
  direction: Direction;
}

const VOCABULARY: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** The kind's key: its direction and its types in a fixed order. */
export const edgeKindKey = (k: EdgeKind): string => `${k.direction}:${[...new Set(k.types)].sort().join('|')}`;

/**
 * Cypher: the kind's edges of `node` as `r`, far end `other`. Types cannot be parameters; they are
 * checked against the vocabulary before they become part of a statement.
 */
function edgesOfKind(node: string, k: EdgeKind): string {
  const types = [...new Set(k.types)].sort();
  if (types.length === 0 || types.some((t) => !VOCABULARY.has(t))) throw new Error(`not an edge kind: ${edgeKindKey(k)}`);
  const r = `[r:${types.join('|')}]`;
  const pattern = k.direction === 'OUTGOING' ? `(${node})-${r}->(other:Entity)` : k.direction === 'INCOMING' ? `(${node})<-${r}-(other:Entity)` : `(${node})-${r}-(other:Entity)`;
  return `MATCH ${pattern} WHERE ${cited('other')} AND ${citedEdge('r')}`;
}

/** An edge `r` with its far end `other` as its parser takes it (RelRow and `other`): key, Cypher. */
const EDGE_WITH_END_FIELDS = [
  ['type', 'type(r)'], ['fromId', 'startNode(r).id'], ['toId', 'endNode(r).id'], ['props', edgeMap('r')], ['other', entityRow('other')],
] as const;

/** Cypher: the edges `match` binds (`r`, far end `other`) as EdgeWithEnd maps, in type and id order. */
const edgesWithEnds = (match: string, sources: string) => `COLLECT {
         ${match}
         WITH r, other ORDER BY type(r), r.id
         RETURN {${EDGE_WITH_END_FIELDS.map(([k, v]) => `${k}: ${v}`).join(', ')}, sources: ${sources}}
       }`;

/** What a root entity's selection asks beyond its own facts, read in the same statement (read-ahead.ts). */
export interface ReadAheadShape extends HierarchyShape {
  /** The root's citations. */
  sources?: boolean;
  /** All the root's edges with their far ends (`relationships`); the citations of those of `sourceTypes`. */
  edges?: { sourceTypes: Set<RelationshipType> };
  /** The sources the citations read quote (a citation's `source` asked). */
  quotedSources?: boolean;
  /** Edges of some kinds (`twinnedBy`, `located`, ...) by kind key, each with or without their citations. */
  kinds?: Map<string, { kind: EdgeKind; sources: boolean }>;
}

/** An edge as the read-ahead returns it: with its far end, and its citations when they were asked. */
export type EdgeWithEnd = RelRow & { other: StoredEntity; sources: CitationRow[] | null };

/** A root entity with what its selection asked, as the read-ahead statement returns it. */
export interface ReadAheadTree extends PlaceTree {
  sources?: CitationRow[];
  edges?: EdgeWithEnd[];
  /** The edges of each kind asked, in the order of the shape's `kinds`. */
  kinds?: EdgeWithEnd[][];
  /** The sources quoted by the citations above, when asked. */
  quotedSources?: Array<Record<string, unknown>>;
}

/**
 * The end of a read-ahead statement whose selection asks for its citations' sources: the tree with
 * the sources its citations quote (the root's, every edge's), each once.
 */
const QUOTED_SOURCES = `WITH tree, [c IN coalesce(tree.sources, []) | c.sourceId] AS rootIds,
            [e IN coalesce(tree.edges, []) + reduce(all = [], k IN coalesce(tree.kinds, []) | all + k) | [c IN coalesce(e.sources, []) | c.sourceId]] AS edgeIds
       WITH tree, rootIds + reduce(all = [], ids IN edgeIds | all + ids) AS ids
       RETURN tree {.*, quotedSources: COLLECT { MATCH (s:Source) WHERE s.id IN ids RETURN s {.*} }} AS tree`;

/** The same edges as rows, with the `id` they were asked for, as groupEdgeRows takes them. */
const EDGE_WITH_END = `RETURN id, ${EDGE_WITH_END_FIELDS.map(([k, v]) => `${v} AS ${k}`).join(', ')}
       ORDER BY type, r.id`;

type EdgeWithEndRow = RelRow & { id: string; other: StoredEntity };

/** Each row's edge into the list of the id it was asked for (under `prefix` + id), each far end once. */
function groupEdgeRows(rows: readonly EdgeWithEndRow[], prefix: string, lists: Map<string, RelationshipRecord[]>, ends: Map<string, EntityRecord>): void {
  for (const row of rows) {
    const key = prefix + row.id;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(parseRelationship(row));
    const other = parseEntity(row.other);
    ends.set(other.id, other);
  }
}

export class EntityRepository {
  /** Read-ahead statements by shape: built from fixed field names only, never from request text. */
  private static readonly readAheads = new Map<string, Statement>();

  constructor(private readonly graph: Graph) {}

  /**
   * Entities by id. `place:<code>` is the stable id of every place of the official list, also of one
   * a seed has claimed under its own id (`place:540624` is `county:amdo`).
   */
  async byIds(ids: readonly string[]): Promise<Array<EntityRecord | null>> {
    const codes = ids.map((id) => PLACE_CODE_ID.exec(id)?.[1]).filter((c): c is string => !!c);
    // Only ids that may be codes need the union with a seek by code (it cost Neo4j a tenth more).
    const rows = await this.graph.read<{ e: StoredEntity }>(codes.length ? BY_ID_OR_CODE : BY_ID, { ids, codes });
    const byId = new Map<string, EntityRecord>();
    const byCode = new Map<string, EntityRecord>();
    for (const { e } of rows) {
      const rec = parseEntity(e);
      byId.set(rec.id, rec);
      if (rec.code) byCode.set(rec.code, rec);
    }
    return ids.map((id) => byId.get(id) ?? byCode.get(PLACE_CODE_ID.exec(id)?.[1] ?? '') ?? null);
  }

  /**
   * Every edge touching each entity, both directions, in one round trip for all of them, with the
   * entity at the far end of each: the fields that follow an edge (supporter, recipient, from,
   * to) then find it without a statement of their own.
   */
  async relationshipsWithEndsOf(ids: readonly string[]): Promise<{ edges: RelationshipRecord[][]; ends: EntityRecord[] }> {
    const rows = await this.graph.read<EdgeWithEndRow>(
      statement(`// entities.relationships-with-ends-of
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       ${EDGES_OF('e')}
       ${EDGE_WITH_END}`),
      { ids },
    );
    const by = new Map<string, RelationshipRecord[]>();
    const ends = new Map<string, EntityRecord>();
    groupEdgeRows(rows, '', by, ends);
    return { edges: ids.map((id) => by.get(id) ?? []), ends: [...ends.values()] };
  }

  /**
   * The edges of one kind touching each entity, with their far ends: one statement per kind asked
   * in the batch, each a typed pattern from the entity's id.
   */
  async edgesOfKinds(requests: ReadonlyArray<{ id: string; kind: EdgeKind }>): Promise<{ edges: RelationshipRecord[][]; ends: EntityRecord[] }> {
    const groups = new Map<string, { kind: EdgeKind; ids: Set<string> }>();
    for (const { id, kind } of requests) {
      const key = edgeKindKey(kind);
      const group = groups.get(key) ?? { kind, ids: new Set<string>() };
      group.ids.add(id);
      groups.set(key, group);
    }
    const found = new Map<string, RelationshipRecord[]>();
    const ends = new Map<string, EntityRecord>();
    await Promise.all([...groups].map(async ([key, { kind, ids }]) => {
      const rows = await this.graph.read<EdgeWithEndRow>(
        statement(`// entities.edges-of-kind (${key})
         UNWIND $ids AS id
         MATCH (e:Entity {id: id})
         ${edgesOfKind('e', kind)}
         ${EDGE_WITH_END}`),
        { ids: [...ids] },
      );
      groupEdgeRows(rows, `${key}/`, found, ends);
    }));
    return { edges: requests.map(({ id, kind }) => found.get(`${edgeKindKey(kind)}/${id}`) ?? []), ends: [...ends.values()] };
  }

  async relationshipsByIds(ids: readonly string[]): Promise<Array<RelationshipRecord | null>> {
    const byType = new Map<RelationshipType, string[]>();
    for (const id of ids) {
      const type = relationshipTypeOfId(id);
      if (type) byType.set(type, [...(byType.get(type) ?? []), id]);
    }
    const found = new Map<string, RelationshipRecord>();
    for (const [type, typeIds] of byType) {
      const rows = await this.graph.read<RelRow>(
        RELATIONSHIPS_BY_ID(type), { ids: typeIds },
      );
      for (const row of rows) found.set(String(row.props.id), parseRelationship(row));
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * One entity, by id or by the `place:<code>` every official place answers to, with what its
   * selection asks that would otherwise take statements of its own, level after level: the
   * parent/children walk (its depth bounded by the caller, so the answer's size is too), its
   * citations, its edges with their far ends, and those edges' citations. The parts are the batch
   * reads' own (CITATIONS_OF, EDGES_OF, the walk's fields), so the loaders they prime answer the same.
   */
  async readAhead(id: string, shape: ReadAheadShape): Promise<ReadAheadTree | null> {
    const edgeSources = !!shape.edges?.sourceTypes.size;
    const kinds = [...(shape.kinds?.values() ?? [])];
    const kindsKey = kinds.map((k) => `${edgeKindKey(k.kind)}${k.sources ? '+c' : ''}`).join(',');
    const code = PLACE_CODE_ID.exec(id)?.[1] ?? null;
    const key = `${code ? 'code:' : ''}${walkKey(shape)}${shape.sources ? 's' : ''}${shape.edges ? 'e' : ''}${edgeSources ? 'c' : ''}[${kindsKey}]${shape.quotedSources ? 'q' : ''}`;
    let readAhead = EntityRepository.readAheads.get(key);
    if (!readAhead) {
      const fields = walkFields('n', shape, 0);
      if (shape.sources) fields.push(`sources: ${CITATIONS_OF('n.id', 'entity')}`);
      if (shape.edges) {
        const sources = edgeSources ? `CASE WHEN type(r) IN $edgeSourceTypes THEN ${CITATIONS_OF('r.id', 'edge')} END` : 'null';
        fields.push(`edges: ${edgesWithEnds(EDGES_OF('n'), sources)}`);
      }
      if (kinds.length) {
        fields.push(`kinds: [${kinds.map(({ kind, sources }) => edgesWithEnds(edgesOfKind('n', kind),
          sources ? CITATIONS_OF('r.id', kind.types.includes('PART_OF') ? 'edge' : 'edge, not PART_OF') : 'null')).join(', ')}]`);
      }
      // Only an id of the form place:<code> may name a place under another id; any other id is
      // one seek of the unique index, without the union (a tenth of the walk's cost in Neo4j).
      const root = code
        ? `CALL {
         MATCH (n:Entity {id: $id}) RETURN n
         UNION
         MATCH (n:${PLACE_LABEL} {code: $code}) RETURN n
       }
       WITH n WHERE ${cited('n')}
       LIMIT 1`
        : `MATCH (n:Entity {id: $id}) WHERE ${cited('n')}`;
      readAhead = statement(`// entities.read-ahead
       ${root}
       WITH {${fields.join(', ')}} AS tree
       ${shape.quotedSources ? QUOTED_SOURCES : 'RETURN tree'}`);
      EntityRepository.readAheads.set(key, readAhead);
    }
    const [row] = await this.graph.read<{ tree: ReadAheadTree }>(readAhead, {
      id, code, edgeSourceTypes: [...(shape.edges?.sourceTypes ?? [])],
    });
    return row?.tree ?? null;
  }
}
