// Constraints and indexes, created idempotently before anything is loaded or served.
import type { Graph } from './graph.js';
import { PLACE_LABEL, RELATIONSHIP_TYPES } from '../domain/vocabulary.js';
import { statement } from './statement.js';
import { DATA_STAMP_LABEL } from './data-stamp.js';

const STATEMENTS: Array<[name: string, cypher: string]> = [
  ['schema.entity-id', 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE'],
  ['schema.source-id', 'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE'],
  ['schema.citation-id', 'CREATE CONSTRAINT citation_id IF NOT EXISTS FOR (c:Citation) REQUIRE c.id IS UNIQUE'],
  ['schema.quantity-id', 'CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (q:Quantity) REQUIRE q.id IS UNIQUE'],
  ['schema.citation-subject', 'CREATE INDEX citation_subject IF NOT EXISTS FOR (c:Citation) ON (c.subjectId)'],
  ['schema.quantity-subject', 'CREATE INDEX quantity_subject IF NOT EXISTS FOR (q:Quantity) ON (q.subjectId)'],
  // The official division code: unique among places, and the key the gazetteer merges on.
  ['schema.place-code', `CREATE CONSTRAINT place_code IF NOT EXISTS FOR (p:${PLACE_LABEL}) REQUIRE p.code IS UNIQUE`],
  ['schema.gazetteer-load', 'CREATE CONSTRAINT gazetteer_load_id IF NOT EXISTS FOR (s:GazetteerLoad) REQUIRE s.id IS UNIQUE'],
  // The one stamp node every load rewrites (db/data-stamp.ts), found by a seek in every statement that checks it.
  ['schema.data-stamp', `CREATE CONSTRAINT data_stamp_id IF NOT EXISTS FOR (s:${DATA_STAMP_LABEL}) REQUIRE s.id IS UNIQUE`],
  // Every search key of an entity in one string (`|anduoxian|anduo|安多县|安多|`): a trigram text
  // index answers CONTAINS on it with a seek, so exact, prefix and substring search never scan.
  ['schema.entity-search', 'CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON (e.searchText)'],
  // Looser matches (word order, partial Chinese names) for what the sources describe: CJK analyzer,
  // Chinese split into bigrams, Latin into lower-cased words. Places only the official list knows
  // are found by their search keys (below); leaving their 665k names out keeps a first load short.
  ['schema.drop-entity-names', 'DROP INDEX entity_names IF EXISTS'], // its earlier form covered every entity
  [
    'schema.described-names',
    "CREATE FULLTEXT INDEX described_names IF NOT EXISTS FOR (e:Seeded) ON EACH [e.name, e.nameZh, e.aliasesText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
  ],
  // The twinnings under a programme (programme(id) { twinnings }, the programme filter): a seek.
  ['schema.twinning-programme', 'CREATE INDEX twinning_programme IF NOT EXISTS FOR ()-[r:TWINNED_WITH]-() ON (r.programme)'],
  // "Inside X" (modules/places/inside.ts) finds the described places under a coded X by a prefix
  // seek on their codes, instead of reading every Seeded entity and walking its chain upwards.
  ['schema.seeded-code', 'CREATE INDEX seeded_code IF NOT EXISTS FOR (e:Seeded) ON (e.code)'],
  // supports(filter: { mode }) with no anchor: a seek on the mode, not a read of the whole type.
  ['schema.support-mode', 'CREATE INDEX support_mode IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.mode)'],
  // Relationship ids are unique per type (the id prefix names the type).
  ...RELATIONSHIP_TYPES.map((t): [string, string] => [
    `schema.rel-id-${t}`,
    `CREATE CONSTRAINT rel_id_${t.toLowerCase()} IF NOT EXISTS FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`,
  ]),
];

/** Indexes a bulk load may drop and have rebuilt once at its end. */
export const SEARCH_INDEXES = ['described_names', 'entity_search'] as const;

/** The statements that create SEARCH_INDEXES, by name. */
const SEARCH_INDEX_STATEMENTS = new Set(['schema.entity-search', 'schema.described-names']);

/** Every constraint and index: once per start, before anything is loaded or served (ingest/pipeline.ts). */
export async function applySchema(graph: Graph): Promise<void> {
  await run(graph, STATEMENTS);
}

/** The search indexes only: what a bulk load that dropped them builds again at its end. */
export async function createSearchIndexes(graph: Graph): Promise<void> {
  await run(graph, STATEMENTS.filter(([name]) => SEARCH_INDEX_STATEMENTS.has(name)));
}

async function run(graph: Graph, statements: Array<[name: string, cypher: string]>): Promise<void> {
  for (const [name, cypher] of statements) {
    await graph.write(statement(`// ${name}\n${cypher}`));
  }
  await graph.write(statement('// schema.await-indexes\nCALL db.awaitIndexes(600)'));
}
