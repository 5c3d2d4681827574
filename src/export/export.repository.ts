// The statements a bulk export and its reload run. The whole graph is read as one stream per node
// label and per edge type (a label scan, a relationship-type scan: every row is wanted, so nothing
// beats reading the store in its own order); a selection is read by id through the constraints and
// the subject indexes, in chunks. Writes are UNWIND batches, each one short transaction.
import type { Graph } from '../db/graph.js';
import { perLabel } from '../db/per-label.js';
import { isOneOf, PLACE_LABEL, RELATIONSHIP_TYPES } from '../domain/vocabulary.js';
import { statement } from '../db/statement.js';

/** Labels a node may carry, the only ones an import writes (labels cannot be parameters). */
export const NODE_LABELS = ['Entity', 'Place', 'Province', 'City', 'District', 'Township', 'Village', 'School', 'Hospital',
  'Organization', 'Person', 'Project', 'Event', 'CorpsDivision', 'Programme', 'Seeded', 'Source', 'Gazetteer', 'Citation', 'Quantity', 'GazetteerLoad', 'CitationCheck', 'Cited'] as const;
/** Node sets streamed whole; Entity separately (it may be filtered). */
export const OTHER_NODE_SETS = ['Source', 'GazetteerLoad', 'CitationCheck', 'Quantity', 'Citation'] as const;
export type NodeSet = (typeof OTHER_NODE_SETS)[number];
export const EDGE_TYPES = [...RELATIONSHIP_TYPES, 'QUOTES'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export interface NodeRow { labels: string[]; props: Record<string, unknown> }
export interface EdgeRow { type: string; from: string; to: string; fromLabel: string; toLabel: string; props: Record<string, unknown> }

/** How long one bulk stream may run: the whole country is read in seconds; this only ends a stuck one. */
const STREAM_TIMEOUT_MS = 30 * 60_000;

const ALL_NODES = perLabel(['Entity', ...OTHER_NODE_SETS], (label) => statement(`// export.all-nodes (${label})
     MATCH (n:${label})
     RETURN labels(n) AS labels, n {.*} AS props`));

// No end labels in the pattern: every edge of these types joins two entities (QUOTES a citation
// and its source), and naming them would turn the type scan into a label scan per type.
const ALL_EDGES = perLabel(EDGE_TYPES, (type) => statement(`// export.all-edges (${type})
     MATCH (a)-[r:${type}]->(b)
     RETURN a.id AS from, b.id AS to, r {.*} AS props`));

// Everything under a place of the official list: its code is the prefix of theirs.
const PLACES_UNDER_PAGE = statement(`// export.places-under-page
  MATCH (n:${PLACE_LABEL}) WHERE n.code STARTS WITH $prefix AND n.code > $after
  WITH n ORDER BY n.code LIMIT toInteger($page)
  RETURN labels(n) AS labels, n {.*} AS props`);

// What the sources place inside it without a code of its own (hospitals, teams, projects): the
// Seeded entities whose chain up reaches it, as "inside X" reads everywhere (modules/places/inside.ts).
const SEEDED_INSIDE = statement(`// export.seeded-inside
  MATCH (n:Seeded:Entity) WHERE n.code IS NULL
    AND EXISTS { (n)-[:PART_OF|LOCATED_IN|MEMBER_OF|WORKS_AT]->{1,8}(:Entity {id: $id}) }
  RETURN labels(n) AS labels, n {.*} AS props`);

const EDGES_OF_IDS = statement(`// export.edges-of-ids
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})-[r]->(b:Entity)
  RETURN type(r) AS type, a.id AS from, b.id AS to, 'Entity' AS fromLabel, 'Entity' AS toLabel, r {.*} AS props`);

const QUOTES_OF_IDS = statement(`// export.quotes-of-ids
  UNWIND $ids AS id
  // The hint: with a handful of sources the planner sometimes started from every Source (an index
  // scan) and expanded to their citations; the ids asked are what bounds this read.
  MATCH (c:Citation {id: id})-[r:QUOTES]->(s:Source)
  USING INDEX c:Citation(id)
  RETURN type(r) AS type, c.id AS from, s.id AS to, 'Citation' AS fromLabel, 'Source' AS toLabel, r {.*} AS props`);

const BY_SUBJECT = perLabel(['Quantity', 'Citation'], (label) => statement(`// export.by-subject (${label})
     UNWIND $ids AS id
     MATCH (n:${label} {subjectId: id})
     RETURN labels(n) AS labels, n {.*} AS props`));

export class ExportRepository {
  constructor(private readonly graph: Graph) {}

  /** Every node of one set, streamed. */
  allNodes(set: 'Entity' | NodeSet): AsyncGenerator<NodeRow> {
    return this.graph.stream<NodeRow>(ALL_NODES(set), {}, { timeoutMs: STREAM_TIMEOUT_MS });
  }

  /** Every edge of one type, streamed. */
  async *allEdges(type: EdgeType): AsyncGenerator<EdgeRow> {
    const [fromLabel, toLabel] = type === 'QUOTES' ? ['Citation', 'Source'] : ['Entity', 'Entity'];
    const rows = this.graph.stream<Omit<EdgeRow, 'type' | 'fromLabel' | 'toLabel'>>(ALL_EDGES(type), {}, { timeoutMs: STREAM_TIMEOUT_MS });
    for await (const row of rows) yield { type, fromLabel, toLabel, ...row };
  }

  async placesUnderPage(prefix: string, after: string, page: number): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>(PLACES_UNDER_PAGE, { prefix, after, page });
  }

  async entitiesByIds(ids: string[]): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>(statement(`// export.entities-by-id
      UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      RETURN labels(n) AS labels, n {.*} AS props`), { ids });
  }

  async seededInside(id: string): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>(SEEDED_INSIDE, { id });
  }

  async edgesOf(ids: string[]): Promise<EdgeRow[]> {
    return this.graph.read<EdgeRow>(EDGES_OF_IDS, { ids });
  }

  async quotesOf(citationIds: string[]): Promise<EdgeRow[]> {
    return this.graph.read<EdgeRow>(QUOTES_OF_IDS, { ids: citationIds });
  }

  async bySubject(label: 'Quantity' | 'Citation', subjectIds: string[]): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>(BY_SUBJECT(label), { ids: subjectIds });
  }

  async entityCount(): Promise<number> {
    const [row] = await this.graph.read<{ n: number }>(statement('// export.entity-count\nMATCH (e:Entity) RETURN count(e) AS n'));
    return row?.n ?? 0;
  }

  /** Writes a batch of nodes that share one set of labels (each from NODE_LABELS). */
  async createNodes(labels: string[], rows: Array<Record<string, unknown>>): Promise<void> {
    const bad = labels.filter((l) => !isOneOf(NODE_LABELS, l));
    if (bad.length || !labels.length) throw new Error(`unknown labels in the export: ${bad.join(', ') || '(none)'}`);
    await this.graph.write(statement(`// import.create-nodes
      UNWIND $rows AS row
      CREATE (n:${labels.map((l) => `\`${l}\``).join(':')})
      SET n = row`), { rows });
  }

  /** Writes a batch of edges of one type between nodes found by their id constraints. */
  async createEdges(type: string, fromLabel: string, toLabel: string, rows: Array<{ from: string; to: string; props: Record<string, unknown> }>): Promise<number> {
    if (!isOneOf(EDGE_TYPES, type)) throw new Error(`unknown relationship type in the export: ${type}`);
    for (const l of [fromLabel, toLabel]) if (!['Entity', 'Citation', 'Source'].includes(l)) throw new Error(`unknown end label in the export: ${l}`);
    const [row] = await this.graph.write<{ n: number }>(statement(`// import.create-edges
      UNWIND $rows AS row
      MATCH (a:${fromLabel} {id: row.from}), (b:${toLabel} {id: row.to})
      CREATE (a)-[r:${type}]->(b)
      SET r = row.props
      RETURN count(r) AS n`), { rows });
    return row?.n ?? 0;
  }
}
