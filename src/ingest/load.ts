// Writes a validated dataset in one transaction: all of it commits, or nothing does. MERGE on
// stable ids makes a second load a no-op; content hashes tell created, updated and unchanged apart.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.js';
import { KIND_LABEL, RELATIONSHIP_TYPES, type EntityKindName, type RelationshipTypeName } from '../modules/entities/entities.mappers.js';
import type { Dataset } from './validate.js';

export interface Tally { created: number; updated: number; unchanged: number; removed: number }
export type LoadReport = Record<'sources' | 'entities' | 'relationships' | 'quantities' | 'citations', Tally>;

// Every upsert compares the stored content hash (computed in validate.ts) with the new one.
const COUNT_CHANGES = `
     RETURN sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
            sum(CASE WHEN before IS NOT NULL AND before <> row.props.contentHash THEN 1 ELSE 0 END) AS updated,
            count(*) AS total`;

// Labels and relationship types cannot be parameters in Cypher 5, so the statements below are
// built once from the fixed lists of labels, kinds and types (never from seed text).
const upsertNodes = (name: string, label: string, extraLabel = '') => `// seed.${name}
     UNWIND $rows AS row
     MERGE (n:${label} {id: row.id})
     WITH n, row, n.contentHash AS before
     SET n = row.props${extraLabel ? `, n:${extraLabel}` : ''}${COUNT_CHANGES}`;

const MERGE_ENTITY = Object.fromEntries(
  (Object.keys(KIND_LABEL) as EntityKindName[]).map((kind) => [kind, upsertNodes(`merge-entities (${kind})`, 'Entity', KIND_LABEL[kind])]),
) as Record<EntityKindName, string>;
const MERGE_SOURCES = upsertNodes('merge-sources', 'Source');
const MERGE_QUANTITIES = upsertNodes('merge-quantities', 'Quantity');

// An edge whose id now joins other entities is deleted first (the MERGE then recreates it), so a
// seed edit that moves an edge is an update, not a clash with the id's uniqueness constraint.
const MOVED_RELATIONSHIP = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => [
    type,
    `// seed.moved-relationships (${type})
     UNWIND $rows AS row
     MATCH (a:Entity)-[r:${type} {id: row.id}]->(b:Entity)
     WHERE a.id <> row.from OR b.id <> row.to
     DELETE r
     RETURN count(*) AS moved`,
  ]),
) as Record<RelationshipTypeName, string>;

const MERGE_RELATIONSHIP = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => [
    type,
    `// seed.merge-relationships (${type})
     UNWIND $rows AS row
     MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
     MERGE (a)-[r:${type} {id: row.id}]->(b)
     WITH r, row, r.contentHash AS before
     SET r = row.props${COUNT_CHANGES}`,
  ]),
) as Record<RelationshipTypeName, string>;

// A citation's id hashes its subject, source and quote, so it never changes: only created or not.
const MERGE_CITATIONS = `
  // seed.merge-citations
  UNWIND $rows AS row
  MATCH (s:Source {id: row.sourceId})
  MERGE (c:Citation {id: row.id})
  ON CREATE SET c.subjectId = row.subjectId, c.sourceId = row.sourceId, c.quote = row.quote, c.created = true
  MERGE (c)-[:QUOTES]->(s)
  WITH c, c.created AS isNew
  REMOVE c.created
  RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, 0 AS updated, count(*) AS total`;

// The seed folders are the whole dataset: what they no longer hold leaves the graph, in the same
// transaction. Only aidgraph's own labels are touched; edges go first, then what they hung from.
const PRUNE: Array<[keyof LoadReport, string]> = [
  ['relationships', `// seed.prune-relationships
    MATCH (:Entity)-[r]->(:Entity) WHERE NOT r.id IN $ids
    DELETE r RETURN count(*) AS removed`],
  ['quantities', `// seed.prune-quantities
    MATCH (q:Quantity) WHERE NOT q.id IN $ids
    DELETE q RETURN count(*) AS removed`],
  ['citations', `// seed.prune-citations
    MATCH (c:Citation) WHERE NOT c.id IN $ids
    DETACH DELETE c RETURN count(*) AS removed`],
  ['entities', `// seed.prune-entities
    MATCH (e:Entity) WHERE NOT e.id IN $ids
    DETACH DELETE e RETURN count(*) AS removed`],
  ['sources', `// seed.prune-sources
    MATCH (s:Source) WHERE NOT s.id IN $ids
    DETACH DELETE s RETURN count(*) AS removed`],
];

async function tally(tx: ManagedTransaction, cypher: string, rows: unknown[], into: Tally): Promise<void> {
  if (rows.length === 0) return;
  const res = await tx.run(cypher, { rows });
  const rec = res.records[0]!;
  const created = Number(rec.get('created'));
  const updated = Number(rec.get('updated'));
  into.created += created;
  into.updated += updated;
  into.unchanged += Number(rec.get('total')) - created - updated;
}

/** The whole dataset is one transaction: it gets far longer than an API read. */
const SEED_TIMEOUT_MS = 10 * 60_000;

const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, removed: 0 });

/** Loads the dataset; with `prune` (the default) also removes what the dataset no longer holds. */
export async function loadDataset(graph: Graph, data: Dataset, opts: { prune?: boolean } = {}): Promise<LoadReport> {
  const report: LoadReport = {
    sources: emptyTally(), entities: emptyTally(), relationships: emptyTally(), quantities: emptyTally(), citations: emptyTally(),
  };
  await graph.unitOfWork('WRITE', 'seed.load', async (tx) => {
    await tally(tx, MERGE_SOURCES, data.sources, report.sources);
    for (const kind of Object.keys(MERGE_ENTITY) as EntityKindName[]) {
      await tally(tx, MERGE_ENTITY[kind], data.entities.filter((e) => e.kind === kind), report.entities);
    }
    for (const type of RELATIONSHIP_TYPES) {
      const rows = data.relationships.filter((r) => r.type === type);
      if (rows.length === 0) continue;
      const moved = Number((await tx.run(MOVED_RELATIONSHIP[type], { rows })).records[0]!.get('moved'));
      await tally(tx, MERGE_RELATIONSHIP[type], rows, report.relationships);
      // The recreated edges were counted as created: they are updates.
      report.relationships.created -= moved;
      report.relationships.updated += moved;
    }
    await tally(tx, MERGE_QUANTITIES, data.quantities, report.quantities);
    await tally(tx, MERGE_CITATIONS, data.citations, report.citations);
    if (opts.prune === false) return;
    for (const [what, cypher] of PRUNE) {
      const res = await tx.run(cypher, { ids: data[what].map((x) => x.id) });
      report[what].removed = Number(res.records[0]!.get('removed'));
    }
  }, { timeoutMs: SEED_TIMEOUT_MS });
  return report;
}
