// Opens the graph the configuration asks for: the user's Neo4j when NEO4J_URI is set, otherwise
// the embedded local one, started here. close() undoes exactly what open did.
import type { Config } from '../config.js';
import { logger } from '../logger.js';
import { createDriver, Graph } from './graph.js';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

export interface OpenGraph {
  graph: Graph;
  /** The Neo4j this process started, if any. */
  local: LocalNeo4j | undefined;
  version: string;
  close(): Promise<void>;
}

export async function openGraph(config: Config): Promise<OpenGraph> {
  let local: LocalNeo4j | undefined;
  let conn = config.neo4j;
  if (!conn) {
    local = await startLocalNeo4j({ dataDir: config.dataDir, boltPort: config.local.boltPort, heap: config.local.heap, pageCache: config.local.pageCache });
    conn = { uri: local.uri, username: 'neo4j', password: '' };
  }
  const driver = createDriver(conn);
  try {
    await driver.verifyConnectivity({ database: conn.database });
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw new Error(`cannot reach Neo4j at ${conn.uri}: ${(err as Error).message}`);
  }
  const graph = new Graph(driver, { database: conn.database, timeoutMs: config.queryTimeoutMs });
  let version: string;
  try {
    version = await graph.serverVersion();
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw err;
  }
  logger.info({ uri: conn.uri, version, embedded: !!local }, 'connected to Neo4j');
  return {
    graph,
    local,
    version,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
