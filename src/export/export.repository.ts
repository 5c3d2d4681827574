// The statements a bulk export and its reload run. Every read is one page, anchored on an index
// (the id constraints, the code constraint, the subject indexes) and bounded by $page, so an export
// of the whole country is many short transactions, never one the size of the graph.
import type { Graph } from '../db/graph.js';
import { perLabel } from '../db/per-label.js';
import { isOneOf, PLACE_LABEL, RELATIONSHIP_TYPES } from '../domain/vocabulary.js';

/** Labels a node may carry, the only ones an import writes (labels cannot be parameters). */
export const NODE_LABELS = ['Entity', 'Place', 'Province', 'City', 'District', 'Township', 'Village', 'School', 'Hospital',
  'Organization', 'Person', 'Project', 'Event', 'Seeded', 'Source', 'Gazetteer', 'Citation', 'Quantity', 'GazetteerLoad', 'Cited'] as const;
/** Node sets read page by page, each by its id constraint; Entity separately (it may be filtered). */
export const OTHER_NODE_SETS = ['Source', 'GazetteerLoad', 'Quantity', 'Citation'] as const;
export type NodeSet = (typeof OTHER_NODE_SETS)[number];
export const EDGE_TYPES = [...RELATIONSHIP_TYPES, 'QUOTES'] as const;

export interface NodeRow { labels: string[]; props: Record<string, unknown> }
export interface EdgeRow { type: string; from: string; to: string; fromLabel: string; toLabel: string; props: Record<string, unknown> }

const NODES_PAGE = perLabel(['Entity', ...OTHER_NODE_SETS], (label) => `// export.nodes-page (${label})
     MATCH (n:${label}) WHERE n.id > $after
     WITH n ORDER BY n.id LIMIT toInteger($page)
     RETURN labels(n) AS labels, n {.*} AS props`);

// Everything under a place of the official list: its code is the prefix of theirs.
const PLACES_UNDER_PAGE = `// export.places-under-page
  MATCH (n:${PLACE_LABEL}) WHERE n.code STARTS WITH $prefix AND n.code > $after
  WITH n ORDER BY n.code LIMIT toInteger($page)
  RETURN labels(n) AS labels, n {.*} AS props`;

// What the sources place inside it without a code of its own (hospitals, teams, projects): the
// Seeded entities whose chain up reaches it, as "inside X" reads everywhere (modules/places/inside.ts).
const SEEDED_INSIDE = `// export.seeded-inside
  MATCH (n:Seeded:Entity) WHERE n.code IS NULL
    AND EXISTS { (n)-[:PART_OF|LOCATED_IN|MEMBER_OF|WORKS_AT]->{1,8}(:Entity {id: $id}) }
  RETURN labels(n) AS labels, n {.*} AS props`;

const EDGES_OF_PAGE = `// export.edges-of-page
  MATCH (a:Entity) WHERE a.id > $after
  WITH a ORDER BY a.id LIMIT toInteger($page)
  MATCH (a)-[r]->(b:Entity)
  RETURN type(r) AS type, a.id AS from, b.id AS to, 'Entity' AS fromLabel, 'Entity' AS toLabel, r {.*} AS props`;

const EDGES_OF_IDS = `// export.edges-of-ids
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})-[r]->(b:Entity)
  RETURN type(r) AS type, a.id AS from, b.id AS to, 'Entity' AS fromLabel, 'Entity' AS toLabel, r {.*} AS props`;

const QUOTES_OF_IDS = `// export.quotes-of-ids
  UNWIND $ids AS id
  MATCH (c:Citation {id: id})-[r:QUOTES]->(s:Source)
  RETURN type(r) AS type, c.id AS from, s.id AS to, 'Citation' AS fromLabel, 'Source' AS toLabel, r {.*} AS props`;

const BY_SUBJECT = perLabel(['Quantity', 'Citation'], (label) => `// export.by-subject (${label})
     UNWIND $ids AS id
     MATCH (n:${label} {subjectId: id})
     RETURN labels(n) AS labels, n {.*} AS props`);

export class ExportRepository {
  constructor(private readonly graph: Graph) {}

  async nodesPage(set: 'Entity' | NodeSet, after: string, page: number): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>(`export.nodes-page (${set})`, NODES_PAGE(set), { after, page });
  }

  async placesUnderPage(prefix: string, after: string, page: number): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>('export.places-under-page', PLACES_UNDER_PAGE, { prefix, after, page });
  }

  async entitiesByIds(ids: string[]): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>('export.entities-by-id', `// export.entities-by-id
      UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      RETURN labels(n) AS labels, n {.*} AS props`, { ids });
  }

  async seededInside(id: string): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>('export.seeded-inside', SEEDED_INSIDE, { id });
  }

  /** Outgoing edges of a page of entities by id order; `last` is the page's last entity. */
  async edgesPage(after: string, page: number): Promise<{ edges: EdgeRow[]; last: string | null; full: boolean }> {
    // The page's own last id: the entities of the page that have no outgoing edge are not in the rows.
    const [bound] = await this.graph.read<{ last: string | null; n: number }>('export.entities-page-bound', `// export.entities-page-bound
      MATCH (a:Entity) WHERE a.id > $after
      WITH a ORDER BY a.id LIMIT toInteger($page)
      RETURN max(a.id) AS last, count(a) AS n`, { after, page });
    if (!bound?.last) return { edges: [], last: null, full: false };
    const edges = await this.graph.read<EdgeRow>('export.edges-of-page', EDGES_OF_PAGE, { after, page });
    return { edges, last: bound.last, full: bound.n === page };
  }

  async edgesOf(ids: string[]): Promise<EdgeRow[]> {
    return this.graph.read<EdgeRow>('export.edges-of-ids', EDGES_OF_IDS, { ids });
  }

  async quotesOf(citationIds: string[]): Promise<EdgeRow[]> {
    return this.graph.read<EdgeRow>('export.quotes-of-ids', QUOTES_OF_IDS, { ids: citationIds });
  }

  async bySubject(label: 'Quantity' | 'Citation', subjectIds: string[]): Promise<NodeRow[]> {
    return this.graph.read<NodeRow>(`export.by-subject (${label})`, BY_SUBJECT(label), { ids: subjectIds });
  }

  async entityCount(): Promise<number> {
    const [row] = await this.graph.read<{ n: number }>('export.entity-count', '// export.entity-count\nMATCH (e:Entity) RETURN count(e) AS n');
    return row?.n ?? 0;
  }

  /** Writes a batch of nodes that share one set of labels (each from NODE_LABELS). */
  async createNodes(labels: string[], rows: Array<Record<string, unknown>>): Promise<void> {
    const bad = labels.filter((l) => !isOneOf(NODE_LABELS, l));
    if (bad.length || !labels.length) throw new Error(`unknown labels in the export: ${bad.join(', ') || '(none)'}`);
    await this.graph.write('import.create-nodes', `// import.create-nodes
      UNWIND $rows AS row
      CREATE (n:${labels.map((l) => `\`${l}\``).join(':')})
      SET n = row`, { rows });
  }

  /** Writes a batch of edges of one type between nodes found by their id constraints. */
  async createEdges(type: string, fromLabel: string, toLabel: string, rows: Array<{ from: string; to: string; props: Record<string, unknown> }>): Promise<number> {
    if (!isOneOf(EDGE_TYPES, type)) throw new Error(`unknown relationship type in the export: ${type}`);
    for (const l of [fromLabel, toLabel]) if (!['Entity', 'Citation', 'Source'].includes(l)) throw new Error(`unknown end label in the export: ${l}`);
    const [row] = await this.graph.write<{ n: number }>('import.create-edges', `// import.create-edges
      UNWIND $rows AS row
      MATCH (a:${fromLabel} {id: row.from}), (b:${toLabel} {id: row.to})
      CREATE (a)-[r:${type}]->(b)
      SET r = row.props
      RETURN count(r) AS n`, { rows });
    return row?.n ?? 0;
  }
}
