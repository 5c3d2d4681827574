// `aidgraph serve` (what `npm start` runs): open the graph (starting the embedded Neo4j unless
// NEO4J_URI is set), load it through the one pipeline (ingest/pipeline.ts) unless AIDGRAPH_SEED is
// false, serve GraphQL; on SIGINT/SIGTERM stop all of it, in reverse order.
import { Neo4jError } from 'neo4j-driver';
import { loadConfig, ConfigError } from './config.js';
import { openGraph, type OpenGraph } from '../db/connect.js';
import { applySchema } from '../db/schema.js';
import { formatReport, SEEDS_DIR } from '../ingest/seed.js';
import { gazetteerEdition } from '../gazetteer/division-list.js';
import { formatGazetteerReport } from '../gazetteer/load.js';
import { SeedValidationError } from '../ingest/dataset.js';
import { logger } from '../telemetry/logger.js';
import { listen, type RunningServer } from '../http/listen.js';
import { checkCitations, formatCitationCheck, recordCitationCheck, type CitationCheckReport } from '../ingest/citation-check.js';
import { loadAll } from '../ingest/pipeline.js';

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
  let check: CitationCheckReport;
  if (config.seedOnStart) {
    ({ citations: check } = await loadAll(open.graph, {
      includeDrafts: config.includeDrafts,
      gazetteer: config.gazetteer,
      onStage: (s) => {
        if (s.stage === 'seeds') logger.info({ report: s.report }, `seeds loaded: ${formatReport(s.report)}`);
        if (s.stage === 'gazetteer') logger.info({ gazetteer: s.report }, `gazetteer: ${formatGazetteerReport(s.report)}`);
      },
    }));
  } else {
    // Serving only: the user may be a read-only one (docs/operations.md, "A read-only user for the API").
    await writeIfAllowed('the schema is left to the loader', () => applySchema(open!.graph));
    // Whatever reached the graph by another route than the loaders is found here, by id.
    check = await checkCitations(open.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
    const report = check;
    await writeIfAllowed('stats shows the last count the loader recorded', () => recordCitationCheck(open!.graph, report));
  }
  if (check.uncited.length) logger.warn({ uncited: check.uncited.slice(0, 100) }, `citation check: ${formatCitationCheck(check)}`);
  else logger.info({ checked: check.checked, seconds: check.seconds }, `citation check: ${formatCitationCheck(check)}`);
  // Every accepted request may finish on a stop: its statements time out by then, plus a second to answer.
  server = await listen(open.graph, { port: config.port, host: config.host, ...config.http, drainMs: config.queryTimeoutMs + 1_000 });
  logger.info({ url: server.url, neo4j: open.version }, `aidgraph is serving GraphQL at ${server.url}`);
} catch (err) {
  if (err instanceof ConfigError || err instanceof SeedValidationError) console.error(err.message);
  else logger.error({ err }, 'start-up failed');
  await shutdown('start-up failure', 1);
}
