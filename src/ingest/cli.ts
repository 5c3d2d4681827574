// `aidgraph seed` and `aidgraph check` (`npm run seed`, `npm run check`); src/app/cli.ts parses the
// arguments. `seed` validates the seed folders and makes the configured Neo4j (the embedded one
// unless NEO4J_URI is set) hold exactly them, through the one pipeline (ingest/pipeline.ts); the
// folders are the whole dataset: what they no longer hold is removed unless keepStale. `check`
// validates only, drafts included (it says how many await review); a load refuses drafts unless
// includeDrafts. `check` (the citation check) attaches to the Neo4j of a running `npm start`.
import { ConfigError, loadConfig } from '../app/config.js';
import { openGraph } from '../db/connect.js';
import { gazetteerEdition } from '../gazetteer/division-list.js';
import { formatGazetteerReport } from '../gazetteer/load.js';
import { logger } from '../telemetry/logger.js';
import { checkCitations, formatCitationCheck, recordCitationCheck } from './citation-check.js';
import { SeedValidationError } from './dataset.js';
import { loadAll } from './pipeline.js';
import { formatReport, SEEDS_DIR } from './seed.js';
import { loadSeedFolders } from './validate.js';

export interface SeedOptions { dir: string; check: boolean; keepStale: boolean; includeDrafts: boolean }

export async function runSeed(o: SeedOptions): Promise<number> {
  try {
    if (o.check) {
      const data = loadSeedFolders(o.dir, undefined, { includeDrafts: true });
      console.log(`seeds are valid: ${data.sources.length} sources, ${data.entities.length} entities, ${data.relationships.length} relationships, ${data.quantities.length} quantities, ${data.citations.length} citations`);
      if (data.drafts.length) console.log(`${data.drafts.length} of these records are drafts awaiting review (npm run source -- review <folder>): a load refuses them until they are confirmed`);
      return 0;
    }
    const config = loadConfig();
    const open = await openGraph(config);
    try {
      await loadAll(open.graph, {
        seedsDir: o.dir, prune: !o.keepStale, includeDrafts: o.includeDrafts || config.includeDrafts, gazetteer: config.gazetteer,
        onStage: (s) => {
          if (s.stage === 'seeds') console.log(`seeded: ${formatReport(s.report)}`);
          if (s.stage === 'gazetteer') console.log(`gazetteer: ${formatGazetteerReport(s.report)}`);
          if (s.stage === 'citations') console.log(`citation check: ${formatCitationCheck(s.report)}`);
        },
      });
      return 0;
    } finally {
      await open.close();
    }
  } catch (err) {
    if (err instanceof SeedValidationError || err instanceof ConfigError) console.error(err.message);
    else logger.error({ err }, 'seeding failed');
    return 1;
  }
}

/** Prints every uncited fact by id and records the count for `stats`: exit code 1 if there is any, 2 if it could not run. */
export async function runCheck(): Promise<number> {
  try {
    const open = await openGraph(loadConfig(), { attach: true });
    try {
      const report = await checkCitations(open.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
      await recordCitationCheck(open.graph, report);
      console.log(`citation check: ${formatCitationCheck(report)}`);
      return report.uncited.length > 0 ? 1 : 0;
    } finally {
      await open.close();
    }
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else logger.error({ err }, 'the citation check could not run');
    return 2;
  }
}
