// Writes a validated dataset in one transaction: all of it commits, or nothing does. MERGE on
// stable ids makes a second load a no-op; content hashes tell created, updated and unchanged apart.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.js';
import { ENTITY_KINDS, isPlaceKind, KIND_LABEL, PLACE_KINDS, PLACE_LABEL, RELATIONSHIP_TYPES, type EntityKind } from '../domain/vocabulary.js';
import { perLabel } from '../db/per-label.js';
import { GAZETTEER_DEPTHS, levelOfCode, levelsDownTo, recordText } from '../domain/division-codes.js';
import { gazetteerPlaceProps } from '../gazetteer/place-props.js';
import type { Dataset } from './dataset.js';
import { CITED_LABEL } from '../domain/cited.js';
import { freshDataStamp, WRITE_DATA_STAMP } from '../db/data-stamp.js';

export interface Tally { created: number; updated: number; unchanged: number; removed: number }
export type LoadReport = Record<'sources' | 'entities' | 'relationships' | 'quantities' | 'citations', Tally>;

// Every upsert compares the stored content hash (computed in validate.ts) with the new one.
const COUNT_CHANGES = `
     RETURN sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
            sum(CASE WHEN before IS NOT NULL AND before <> row.props.contentHash THEN 1 ELSE 0 END) AS updated,
            count(*) AS total`;

// Labels and relationship types cannot be parameters in Cypher 5, so the statements below are
// built once from the fixed lists of labels, kinds and types (never from seed text). Everything a
// seed writes is labelled Seeded, so a prune can find exactly what the seeds loaded before; entities
// and quantities are also Cited (validation refused any without a citation), which the API requires.
const upsertNodes = (name: string, label: string, extraLabels = '') => `// seed.${name}
     UNWIND $rows AS row
     MERGE (n:${label} {id: row.id})
     WITH n, row, n.contentHash AS before
     SET n = row.props, n:Seeded${extraLabels}${COUNT_CHANGES}`;

const kindLabels = (kind: EntityKind) => `:${KIND_LABEL[kind]}${isPlaceKind(kind) ? `:${PLACE_LABEL}` : ''}`;

const MERGE_ENTITY = perLabel(ENTITY_KINDS, (kind) => upsertNodes(`merge-entities (${kind})`, 'Entity', `${kindLabels(kind)}:${CITED_LABEL}`));

// A place with an official code is the list's node for that code: the seed claims it (its id and
// names) whether the gazetteer created it or not. A node of an earlier version that has the seed's
// id but no code yet is given the code first, so it is the one claimed.
const ADOPT_LEGACY_PLACES = `// seed.adopt-legacy-places
     UNWIND $rows AS row
     MATCH (n:Entity {id: row.id}) WHERE n.code IS NULL
       AND NOT EXISTS { MATCH (:${PLACE_LABEL} {code: row.props.code}) }
     SET n.code = row.props.code, n:${PLACE_LABEL}`;
const MERGE_CODED_PLACE = perLabel(PLACE_KINDS, (kind) => `// seed.merge-coded-places (${kind})
     UNWIND $rows AS row
     MERGE (n:${PLACE_LABEL} {code: row.props.code})
       ON CREATE SET n:Entity${kindLabels(kind)}
     WITH n, row, n.contentHash AS before
     SET n = row.props, n:Seeded:${CITED_LABEL}${COUNT_CHANGES}`);
const MERGE_SOURCES = upsertNodes('merge-sources', 'Source');
const MERGE_QUANTITIES = upsertNodes('merge-quantities', 'Quantity', `:${CITED_LABEL}`);

// An edge whose id now joins other entities is deleted first (the MERGE then recreates it), so a
// seed edit that moves an edge is an update, not a clash with the id's uniqueness constraint.
const MOVED_RELATIONSHIP = perLabel(RELATIONSHIP_TYPES, (type) => `// seed.moved-relationships (${type})
     UNWIND $rows AS row
     MATCH (a:Entity)-[r:${type} {id: row.id}]->(b:Entity)
     WHERE a.id <> row.from OR b.id <> row.to
     DELETE r
     RETURN count(*) AS moved`);

const MERGE_RELATIONSHIP = perLabel(RELATIONSHIP_TYPES, (type) => `// seed.merge-relationships (${type})
     UNWIND $rows AS row
     MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
     MERGE (a)-[r:${type} {id: row.id}]->(b)
     WITH r, row, r.contentHash AS before
     SET r = row.props${COUNT_CHANGES}`);

// A citation's id hashes its subject, source and quote, so it never changes: only created or not.
const MERGE_CITATIONS = `
  // seed.merge-citations
  UNWIND $rows AS row
  MATCH (s:Source {id: row.sourceId})
  MERGE (c:Citation {id: row.id})
  ON CREATE SET c.subjectId = row.subjectId, c.sourceId = row.sourceId, c.quote = row.quote, c.created = true, c:Seeded
  MERGE (c)-[:QUOTES]->(s)
  // Whether the quote states its fact, and its place in the record's list, can change without the quote.
  WITH c, c.created AS isNew, row, (c.evidence IS NULL OR c.evidence <> row.evidence OR c.position IS NULL OR c.position <> row.position) AS changed
  SET c.evidence = row.evidence, c.position = row.position
  REMOVE c.created
  RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed AND isNew IS NULL THEN 1 ELSE 0 END) AS updated, count(*) AS total`;

// The seed folders are the whole dataset: what they loaded before and no longer hold leaves the
// graph, in the same transaction. Only Seeded nodes and the edges that seeds wrote (they carry a
// content hash) are touched, never what another dataset such as the gazetteer holds; a place of
// the official list that no seed claims any more goes back to what the list says of it.
const PRUNE_RELATIONSHIPS = `// seed.prune-relationships
    MATCH (a:Seeded)-[r]->(:Entity)
    WHERE r.contentHash IS NOT NULL AND NOT r.id IN $ids
    WITH r, a, r.id = 'part-of:' + a.code AS official
    FOREACH (_ IN CASE WHEN official THEN [1] ELSE [] END | SET r = {id: r.id})
    FOREACH (_ IN CASE WHEN official THEN [] ELSE [1] END | DELETE r)
    RETURN count(*) AS removed`;
const UNCLAIMED_PLACES = `// seed.unclaimed-places
    MATCH (e:Seeded:Entity) WHERE e.code IS NOT NULL AND NOT e.id IN $ids
    RETURN e.id AS id, e.code AS code, coalesce(e.officialName, e.nameZh) AS officialName`;
const RELEASE_PLACES = `// seed.release-places
    UNWIND $rows AS row
    MATCH (e:Entity {id: row.id})
    SET e = row.props
    REMOVE e:Seeded
    RETURN count(*) AS removed`;
const DELETE_PLACES = `// seed.delete-places
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    DETACH DELETE e
    RETURN count(*) AS removed`;
const GAZETTEER_SELECTION = `// seed.gazetteer-selection
    OPTIONAL MATCH (s:GazetteerLoad {id: 'gazetteer'})
    RETURN s.depth AS depth, s.provinces AS provinces, s.outline AS outline`;
const PRUNE: Array<[keyof LoadReport, string]> = [
  ['quantities', `// seed.prune-quantities
    MATCH (q:Seeded:Quantity) WHERE NOT q.id IN $ids
    DETACH DELETE q RETURN count(*) AS removed`],
  ['citations', `// seed.prune-citations
    MATCH (c:Seeded:Citation) WHERE NOT c.id IN $ids
    DETACH DELETE c RETURN count(*) AS removed`],
  ['entities', `// seed.prune-entities
    MATCH (e:Seeded:Entity) WHERE e.code IS NULL AND NOT e.id IN $ids
    DETACH DELETE e RETURN count(*) AS removed`],
  ['sources', `// seed.prune-sources
    MATCH (s:Seeded:Source) WHERE NOT s.id IN $ids
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
    await tx.run(WRITE_DATA_STAMP.cypher, freshDataStamp());
    await tally(tx, MERGE_SOURCES, data.sources, report.sources);
    const codedRows = data.entities.filter((e) => e.props.code !== undefined);
    if (codedRows.length) await tx.run(ADOPT_LEGACY_PLACES, { rows: codedRows });
    for (const kind of ENTITY_KINDS) {
      const rows = data.entities.filter((e) => e.kind === kind);
      await tally(tx, MERGE_ENTITY(kind), rows.filter((e) => e.props.code === undefined), report.entities);
      if (isPlaceKind(kind)) await tally(tx, MERGE_CODED_PLACE(kind), rows.filter((e) => e.props.code !== undefined), report.entities);
    }
    for (const type of RELATIONSHIP_TYPES) {
      const rows = data.relationships.filter((r) => r.type === type);
      if (rows.length === 0) continue;
      const moved = Number((await tx.run(MOVED_RELATIONSHIP(type), { rows })).records[0]!.get('moved'));
      await tally(tx, MERGE_RELATIONSHIP(type), rows, report.relationships);
      // The recreated edges were counted as created: they are updates.
      report.relationships.created -= moved;
      report.relationships.updated += moved;
    }
    await tally(tx, MERGE_QUANTITIES, data.quantities, report.quantities);
    await tally(tx, MERGE_CITATIONS, data.citations, report.citations);
    if (opts.prune === false) return;
    const relRes = await tx.run(PRUNE_RELATIONSHIPS, { ids: data.relationships.map((x) => x.id) });
    report.relationships.removed = Number(relRes.records[0]!.get('removed'));
    const entityIds = data.entities.map((x) => x.id);
    const unclaimed = (await tx.run(UNCLAIMED_PLACES, { ids: entityIds })).records.map((r) => ({
      id: String(r.get('id')), code: String(r.get('code')), officialName: String(r.get('officialName')),
    }));
    if (unclaimed.length) {
      // A place the loaded gazetteer holds goes back to the list's record; one it does not hold
      // (a depth or provinces it was not loaded to) leaves with the seed that brought it.
      const state = (await tx.run(GAZETTEER_SELECTION)).records[0];
      const depth = GAZETTEER_DEPTHS.find((d) => d === state?.get('depth')) ?? 'off';
      const provinces = String(state?.get('provinces') ?? 'all');
      const outline = GAZETTEER_DEPTHS.find((d) => d === state?.get('outline')) ?? 'off';
      const held = (code: string) => levelsDownTo(outline).some((l) => l.digits === code.length)
        || (levelsDownTo(depth).some((l) => l.digits === code.length) && (provinces === 'all' || provinces.split(',').includes(code.slice(0, 2))));
      const rows = unclaimed.filter((p) => held(p.code)).map((p) => ({
        id: p.id,
        props: gazetteerPlaceProps({
          code: p.code, nameZh: p.officialName, parentCode: null, kind: levelOfCode(p.code)!.kind, record: recordText(p.code, p.officialName),
        }),
      }));
      const released = Number((await tx.run(RELEASE_PLACES, { rows })).records[0]!.get('removed'));
      const gone = Number((await tx.run(DELETE_PLACES, { ids: unclaimed.filter((p) => !held(p.code)).map((p) => p.id) })).records[0]!.get('removed'));
      report.entities.removed += released + gone;
    }
    for (const [what, cypher] of PRUNE) {
      const res = await tx.run(cypher, { ids: data[what].map((x) => x.id) });
      report[what].removed += Number(res.records[0]!.get('removed'));
    }
  }, { timeoutMs: SEED_TIMEOUT_MS });
  return report;
}
