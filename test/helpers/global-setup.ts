// Starts one throwaway Neo4j for the whole run (or uses NEO4J_URI when set) and stops it
// afterwards, whatever the outcome. Test files reach it through inject('neo4j').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { createDriver, Graph } from '../../src/db/graph.js';
import { applySchema } from '../../src/db/schema.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { formatGazetteerReport, loadGazetteer } from '../../src/gazetteer/load.js';
import { TEST_GAZETTEER } from './gazetteer-slice.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string; database: string | undefined; version: string; embedded: boolean };
  }
}

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  let conn;
  if (process.env.NEO4J_URI) {
    conn = { uri: process.env.NEO4J_URI, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-test-'));
    local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '512m', pageCache: '128m' });
    conn = { uri: local.uri, ...local.credentials, database: undefined };
  }
  const driver = createDriver(conn);
  const graph = new Graph(driver, { database: conn.database, timeoutMs: 30_000 });
  const version = await graph.serverVersion();
  console.log(`[aidgraph tests] Neo4j ${version} at ${conn.uri} (${local ? 'throwaway, started for this run' : 'from NEO4J_URI'})`);
  // The national frame, sliced: Tibet and Liaoning at every level, loaded once; each test file
  // wipes everything else (test/helpers/api.ts) and so starts from the same state.
  await applySchema(graph);
  const gazetteer = await loadGazetteer(graph, gazetteerEdition(), TEST_GAZETTEER);
  console.log(`[aidgraph tests] gazetteer slice: ${formatGazetteerReport(gazetteer)}`);
  await driver.close();
  project.provide('neo4j', { ...conn, version, embedded: !!local });

  return async () => {
    await local?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
