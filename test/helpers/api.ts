// Test fixtures: a Graph on the run's Neo4j, a clean seeded state per test file, and a real
// GraphQL server on a free port to POST to.
import { inject } from 'vitest';
import { createDriver, Graph } from '../../src/db/graph.js';
import { applySchema } from '../../src/db/schema.js';
import { seedGraph } from '../../src/ingest/seed.js';
import { loadDataset, type LoadReport } from '../../src/ingest/load.js';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { statement } from '../../src/db/statement.js';

export interface GqlResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export function testGraph(): { graph: Graph; close(): Promise<void> } {
  const conn = inject('neo4j');
  const driver = createDriver(conn);
  // No slow-statement lines: on a busy test machine they would only be noise.
  return { graph: new Graph(driver, { database: conn.database, timeoutMs: 30_000, slowStatementMs: 0 }), close: () => driver.close() };
}

/**
 * Deletes everything but the run's gazetteer slice (loaded once in global-setup): each test file
 * starts from a known state. Places a seed claimed go back to the list's own record first.
 */
export async function wipe(graph: Graph): Promise<void> {
  await loadDataset(graph, { sources: [], entities: [], relationships: [], quantities: [], citations: [] });
  // CALL IN TRANSACTIONS needs an auto-commit session, not the managed transactions Graph runs.
  const session = graph.driver.session({ database: inject('neo4j').database });
  try {
    await session.run(`// test.wipe
      MATCH (n) WHERE NOT (n:Place AND n.code IS NOT NULL AND NOT n:Seeded) AND NOT n:GazetteerLoad AND NOT n:Gazetteer
      CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`);
  } finally {
    await session.close();
  }
}

export async function countAll(graph: Graph): Promise<{ nodes: number; relationships: number }> {
  const [row] = await graph.read<{ nodes: number; relationships: number }>(
    statement(`// test.count
     CALL { MATCH (n) RETURN count(n) AS nodes }
     CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN nodes, relationships`),
  );
  return row!;
}

export interface TestApi {
  url: string;
  graph: Graph;
  seedReport: LoadReport | undefined;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** A wiped, schema-applied and (by default) seeded database behind a real HTTP server. */
export async function startTestApi(opts: { seed?: boolean } = {}): Promise<TestApi> {
  const { graph, close } = testGraph();
  await wipe(graph);
  await applySchema(graph);
  const seedReport = opts.seed === false ? undefined : await seedGraph(graph);
  // No rate limit or load shedding here: test files send bursts from one client on a busy machine
  // (test/integration/http-layer.test.ts covers both). Every operation runs compiled from its first
  // run, the way a production server runs its hot ones (the fuzz compares with graphql-js's answers).
  const server: RunningServer = await listen(graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0, compileAfter: 1 });
  return {
    url: server.url,
    graph,
    seedReport,
    async gql(query, variables) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResponse;
    },
    async close() {
      await server.stop();
      await close();
    },
  };
}
