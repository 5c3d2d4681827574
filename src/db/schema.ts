// Constraints and indexes, created idempotently before anything is loaded or served.
import type { Graph } from './graph.js';
import { RELATIONSHIP_TYPES } from '../modules/entities/entities.mappers.js';

const STATEMENTS: Array<[name: string, cypher: string]> = [
  ['schema.entity-id', 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE'],
  ['schema.source-id', 'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE'],
  ['schema.citation-id', 'CREATE CONSTRAINT citation_id IF NOT EXISTS FOR (c:Citation) REQUIRE c.id IS UNIQUE'],
  ['schema.quantity-id', 'CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (q:Quantity) REQUIRE q.id IS UNIQUE'],
  ['schema.citation-subject', 'CREATE INDEX citation_subject IF NOT EXISTS FOR (c:Citation) ON (c.subjectId)'],
  ['schema.quantity-subject', 'CREATE INDEX quantity_subject IF NOT EXISTS FOR (q:Quantity) ON (q.subjectId)'],
  ['schema.entity-kind', 'CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind)'],
  // CJK analyzer: Chinese names are split into bigrams, Latin ones into lower-cased words.
  [
    'schema.entity-names',
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.nameZh, e.aliasesText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
  ],
  // Relationship ids are unique per type (the id prefix names the type).
  ...RELATIONSHIP_TYPES.map((t): [string, string] => [
    `schema.rel-id-${t}`,
    `CREATE CONSTRAINT rel_id_${t.toLowerCase()} IF NOT EXISTS FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`,
  ]),
];

export async function applySchema(graph: Graph): Promise<void> {
  for (const [name, cypher] of STATEMENTS) {
    await graph.write(name, `// ${name}\n${cypher}`);
  }
  await graph.write('schema.await-indexes', '// schema.await-indexes\nCALL db.awaitIndexes(60)');
}
