// `npm run bench`: nested list operations for 5 and for 50 items, run side by side and interleaved
// in one process against a throwaway local Neo4j, reporting Cypher statements and latency as
// ratios (machines here are shared and noisy: absolute times mean little, ratios in one run do).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { applySchema } from '../../src/db/schema.js';
import { seedGraph } from '../../src/ingest/seed.js';
import { listen } from '../../src/http/listen.js';
import { NESTED_OPERATIONS, writeSyntheticSeeds } from '../helpers/synthetic.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SIZES = [5, 50] as const;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-bench-'));
const neo4j = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '512m', pageCache: '128m' });
const driver = createDriver({ uri: neo4j.uri, ...neo4j.credentials });
const graph = new Graph(driver, { timeoutMs: 60_000 });
try {
  await applySchema(graph);
  await seedGraph(graph, writeSyntheticSeeds(60));
  const server = await listen(graph, { port: 0 });
  const post = async (query: string, n: number) => {
    const t0 = performance.now();
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n } }) });
    const body = (await res.json()) as { errors?: unknown; extensions: { cypherStatements: number } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: performance.now() - t0, statements: body.extensions.cypherStatements };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  console.log(`Neo4j ${neo4j.version}; ${ROUNDS} interleaved rounds per size after 3 warm-up rounds\n`);
  console.log('operation      statements(5) statements(50)  ms(5)   ms(50)  time ratio 50/5  items ratio');
  for (const [name, query] of Object.entries(NESTED_OPERATIONS)) {
    for (let i = 0; i < 3; i++) for (const n of SIZES) await post(query, n);
    const runs: Record<number, { ms: number[]; statements: number[] }> = { 5: { ms: [], statements: [] }, 50: { ms: [], statements: [] } };
    for (let i = 0; i < ROUNDS; i++) {
      for (const n of i % 2 ? [...SIZES].reverse() : SIZES) {
        const r = await post(query, n);
        runs[n]!.ms.push(r.ms);
        runs[n]!.statements.push(r.statements);
      }
    }
    const [m5, m50] = [median(runs[5]!.ms), median(runs[50]!.ms)];
    console.log(
      `${name.padEnd(14)} ${String(median(runs[5]!.statements)).padStart(13)} ${String(median(runs[50]!.statements)).padStart(14)}` +
        ` ${m5.toFixed(1).padStart(6)} ${m50.toFixed(1).padStart(8)} ${(m50 / m5).toFixed(2).padStart(16)} ${String(50 / 5).padStart(12)}`,
    );
  }
  console.log('\nStatements must not grow with the items; a time ratio well under the items ratio means the cost per item falls as lists grow.');
  await server.stop();
} finally {
  await driver.close();
  await neo4j.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
