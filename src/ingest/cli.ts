// `npm run seed [-- --dir seeds] [--check] [--keep-stale] [--include-drafts]`: validates the seed
// folders and loads them into the configured Neo4j (the embedded one unless NEO4J_URI is set). The
// folders are the whole dataset: what they no longer hold is removed, unless --keep-stale. --check
// validates only, drafts included (it says how many await review); a load refuses drafts unless
// --include-drafts.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openGraph } from '../db/connect.js';
import { logger } from '../logger.js';
import { formatReport, SEEDS_DIR, seedGraph } from './seed.js';
import { gazetteerEdition } from '../gazetteer/division-list.js';
import { formatGazetteerReport, loadGazetteer } from '../gazetteer/load.js';
import { loadSeedFolders } from './validate.js';
import { SeedValidationError } from './dataset.js';
import { checkCitations, formatCitationCheck, recordCitationCheck } from './citation-check.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: SEEDS_DIR },
    check: { type: 'boolean', default: false },
    'keep-stale': { type: 'boolean', default: false },
    'include-drafts': { type: 'boolean', default: false },
  },
});

try {
  if (values.check) {
    const data = loadSeedFolders(values.dir, undefined, { includeDrafts: true });
    console.log(`seeds are valid: ${data.sources.length} sources, ${data.entities.length} entities, ${data.relationships.length} relationships, ${data.quantities.length} quantities, ${data.citations.length} citations`);
    if (data.drafts.length) console.log(`${data.drafts.length} of these records are drafts awaiting review (npm run source -- review <folder>): a load refuses them until they are confirmed`);
  } else {
    const open = await openGraph(loadConfig());
    try {
      const report = await seedGraph(open.graph, values.dir, {
        prune: !values['keep-stale'], includeDrafts: values['include-drafts'] || loadConfig().includeDrafts,
      });
      console.log(`seeded: ${formatReport(report)}`);
      const config = loadConfig();
      const gazetteer = await loadGazetteer(open.graph, gazetteerEdition(), config.gazetteer);
      console.log(`gazetteer: ${formatGazetteerReport(gazetteer)}`);
      const check = await checkCitations(open.graph, { seedsDir: values.dir, edition: gazetteerEdition() });
      await recordCitationCheck(open.graph, check);
      console.log(`citation check: ${formatCitationCheck(check)}`);
    } finally {
      await open.close();
    }
  }
} catch (err) {
  if (err instanceof SeedValidationError) console.error(err.message);
  else logger.error({ err }, 'seeding failed');
  process.exitCode = 1;
}
