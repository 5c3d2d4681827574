// Opens the graph the configuration asks for: the user's Neo4j when NEO4J_URI is set, otherwise
// the embedded local one, started here. close() undoes exactly what open did.
import path from 'node:path';
import type { Config } from '../app/config.js';
import { logger } from '../telemetry/logger.js';
import { databaseRestarts } from '../telemetry/metrics.js';
import { createDriver, DatabaseAccess, Graph } from './graph.js';
import { LOCAL_USERNAME, localPassword, runningLocalBoltUri, runningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';
import { folderSize, machineMemory, recommendMemory } from './memory.js';
import { expectedGazetteerStoreBytes } from '../domain/division-codes.js';

/**
 * When the supervisor gives up on the embedded Neo4j, the process ends with code 1 so an
 * orchestrator restarts it: SIGTERM runs the ordinary stop (HTTP drain, driver, Neo4j), and
 * index.ts exits with the exit code set here.
 */
function exitForRestart(err: Error): void {
  logger.fatal({ err: err.message }, 'the embedded Neo4j is gone for good; exiting so that the service is restarted');
  process.exitCode = 1;
  process.kill(process.pid, 'SIGTERM');
}

/** Heap and page cache: as configured, else derived from the machine and the store (memory.ts). */
function memoryFor(config: Config): { heap: string; pageCache: string } {
  const { heap, pageCache } = config.local;
  if (heap && pageCache) return { heap, pageCache };
  // A first start is about to load the gazetteer: plan for the store it will make, not the empty one.
  const store = Math.max(folderSize(path.join(config.dataDir, 'neo4j', 'data')), expectedGazetteerStoreBytes(config.gazetteer.depth));
  const plan = recommendMemory(machineMemory(), store);
  logger.info({ ...plan, configured: { heap, pageCache } }, 'embedded Neo4j memory derived from the machine and the store');
  return { heap: heap ?? plan.heap, pageCache: pageCache ?? plan.pageCache };
}

/** The configured or attached Neo4j did not answer (down, starting, refusing the credentials). */
export class GraphUnreachableError extends Error {}

export interface OpenGraph {
  graph: Graph;
  /** The Neo4j this process started, if any. */
  local: LocalNeo4j | undefined;
  version: string;
  close(): Promise<void>;
}

/**
 * `attach`: a tool (the citation check, export, import) that finds the embedded Neo4j of this data
 * folder already running, under `npm start`, connects to it (at the Bolt address it wrote there)
 * with the folder's password instead of failing on the store's lock.
 */
export async function openGraph(config: Config, opts: { attach?: boolean } = {}): Promise<OpenGraph> {
  let local: LocalNeo4j | undefined;
  let conn = config.neo4j;
  // While the supervisor restarts the embedded Neo4j, reads fail at once (DATABASE_UNAVAILABLE,
  // retryable) rather than queueing for connections to a JVM that is not there yet.
  const access = new DatabaseAccess(config.readConcurrency);
  const attached = !conn && !!opts.attach && !!runningLocalNeo4j(config.dataDir);
  if (attached) {
    const uri = runningLocalBoltUri(config.dataDir) ?? `bolt://127.0.0.1:${config.local.boltPort}`;
    conn = { uri, username: LOCAL_USERNAME, password: localPassword(config.dataDir) };
  }
  if (!conn) {
    local = await startLocalNeo4j({
      dataDir: config.dataDir,
      boltPort: config.local.boltPort,
      ...memoryFor(config),
      events: {
        down: () => access.markDown(),
        restarted: () => {
          databaseRestarts.inc();
          access.markUp();
        },
        gaveUp: exitForRestart,
      },
    });
    conn = { uri: local.uri, ...local.credentials };
  }
  const driver = createDriver(conn);
  try {
    await driver.verifyConnectivity({ database: conn.database });
  } catch (err) {
    await driver.close();
    await local?.stop();
    const why = err instanceof Error ? err.message : String(err);
    throw new GraphUnreachableError(attached
      ? `the aidgraph running on ${config.dataDir} holds its store, and its Neo4j did not answer at ${conn.uri} (${why}); if it is starting, try again once it serves`
      : `cannot reach Neo4j at ${conn.uri}: ${why}`);
  }
  const graph = new Graph(driver, {
    database: conn.database, timeoutMs: config.queryTimeoutMs, slowStatementMs: config.slowStatementMs, showUncited: !config.hideUncited,
  }, access);
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
