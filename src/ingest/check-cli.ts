// `npm run check`: the citation check (src/ingest/citation-check.ts) on the configured graph. With
// `npm start` serving, it attaches to that embedded Neo4j; otherwise it starts one (or uses
// NEO4J_URI). Prints every uncited fact by id, records the count for `stats`, and exits 1 if any.
import { loadConfig, ConfigError } from '../config.js';
import { openGraph } from '../db/connect.js';
import { gazetteerEdition } from '../gazetteer/division-list.js';
import { logger } from '../logger.js';
import { checkCitations, formatCitationCheck, recordCitationCheck } from './citation-check.js';
import { SEEDS_DIR } from './seed.js';

try {
  const open = await openGraph(loadConfig(), { attach: true });
  try {
    const report = await checkCitations(open.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
    await recordCitationCheck(open.graph, report);
    console.log(`citation check: ${formatCitationCheck(report)}`);
    if (report.uncited.length > 0) process.exitCode = 1;
  } finally {
    await open.close();
  }
} catch (err) {
  if (err instanceof ConfigError) console.error(err.message);
  else logger.error({ err }, 'the citation check could not run');
  process.exitCode = 2;
}
