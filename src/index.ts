// `npm start`: open the graph (starting the embedded Neo4j unless NEO4J_URI is set), apply the
// schema, load the seeds, serve GraphQL; on SIGINT/SIGTERM stop all of it, in reverse order.
import { Neo4jError } from 'neo4j-driver';
import { loadConfig, ConfigError } from './config.js';
import { openGraph, type OpenGraph } from './db/connect.js';
import { applySchema } from './db/schema.js';
import { formatReport, seedGraph } from './ingest/seed.js';
import { gazetteerEdition } from './gazetteer/division-list.js';
import { formatGazetteerReport, loadGazetteer } from './gazetteer/load.js';
import { SeedValidationError } from './ingest/dataset.js';
import { logger } from './logger.js';
import { listen, type RunningServer } from './http.js';
import { checkCitations, formatCitationCheck, recordCitationCheck } from './ingest/citation-check.js';
import { SEEDS_DIR } from './ingest/seed.js';

let open: OpenGraph | undefined;
let server: RunningServer | undefined;
let stopping = false;

/** Logging must not stop a shutdown (stdout may be a closed or full pipe by now). */
function log(level: 'info' | 'error', fields: object, msg: string): void {
  try {
    logger[level](fields, msg);
  } catch {
    /* nothing to do: we are leaving */
  }
}

async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  // However the stop goes (a hung client, a log pipe nobody reads), the process ends; SIGKILL skips
  // exit handlers that could block too. Neo4j then stops on its own when its stdin closes.
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 60_000).unref();
  log('info', { signal }, 'stopping');
  // Each part stops even if the one before failed: Neo4j above all must not outlive us.
  for (const [what, stop] of [['HTTP server', () => server?.stop()], ['graph', () => open?.close()]] as const) {
    try {
      await stop();
    } catch (err) {
      log('error', { err }, `error while stopping the ${what}`);
      code = 1;
    }
  }
  log('info', {}, 'stopped');
  process.exit(code || Number(process.exitCode ?? 0)); // exitCode: set by a part that asked for the stop (db/connect.ts)
}

/** A write a read-only database user may not make: skipped with a log line saying what follows. */
async function writeIfAllowed(consequence: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!(err instanceof Neo4jError && err.code === 'Neo.ClientError.Security.Forbidden')) throw err;
    logger.info(`the database user may not write: ${consequence}`);
  }
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const config = loadConfig();
  open = await openGraph(config);
  if (config.seedOnStart) {
    const report = await seedGraph(open.graph, undefined, { includeDrafts: config.includeDrafts }); // applies constraints and indexes first
    logger.info({ report }, `seeds loaded: ${formatReport(report)}`);
    // After the seeds: the places they claim are already there and keep the seeds' ids.
    const gazetteer = await loadGazetteer(open.graph, gazetteerEdition(), config.gazetteer);
    logger.info({ gazetteer }, `gazetteer: ${formatGazetteerReport(gazetteer)}`);
  } else {
    // Serving only: the user may be a read-only one (docs/operations.md, "A read-only user for the API").
    await writeIfAllowed('the schema is left to the loader', () => applySchema(open!.graph));
  }
  // Whatever reached the graph by another route than the loaders is found here, by id.
  const check = await checkCitations(open.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
  await writeIfAllowed('stats shows the last count the loader recorded', () => recordCitationCheck(open!.graph, check));
  if (check.uncited.length) logger.warn({ uncited: check.uncited.slice(0, 100) }, `citation check: ${formatCitationCheck(check)}`);
  else logger.info({ checked: check.checked, seconds: check.seconds }, `citation check: ${formatCitationCheck(check)}`);
  server = await listen(open.graph, config.port, config.host);
  logger.info({ url: server.url, neo4j: open.version }, `aidgraph is serving GraphQL at ${server.url}`);
} catch (err) {
  if (err instanceof ConfigError || err instanceof SeedValidationError) console.error(err.message);
  else logger.error({ err }, 'start-up failed');
  await shutdown('start-up failure', 1);
}
