// The one load pipeline, for `serve` (when it seeds on start) and `seed`: validate the seed folders,
// apply the schema once, write the seeds, then the official division list (after the seeds, so the
// places they claim keep the seeds' ids), then check every fact's citation and record the count.
import type { Graph } from '../db/graph.js';
import { applySchema } from '../db/schema.js';
import { gazetteerEdition, type GazetteerEdition } from '../gazetteer/division-list.js';
import { loadGazetteer, type GazetteerReport, type GazetteerSelection } from '../gazetteer/load.js';
import { checkCitations, recordCitationCheck, type CitationCheckReport } from './citation-check.js';
import { loadDataset, type LoadReport } from './load.js';
import { SEEDS_DIR } from './seed.js';
import { loadSeedFolders } from './validate.js';

export interface LoadAllOptions {
  seedsDir?: string;
  /** Remove what the folders no longer hold (the default); false keeps it. */
  prune?: boolean;
  /** Load records nobody has confirmed yet (`status: draft`); otherwise a folder holding any is refused. */
  includeDrafts?: boolean;
  gazetteer: GazetteerSelection;
  edition?: GazetteerEdition;
  /** Told each stage's report as it finishes, for the caller's own log line or console line. */
  onStage?: (stage: LoadStage) => void;
}

export type LoadStage =
  | { stage: 'seeds'; report: LoadReport }
  | { stage: 'gazetteer'; report: GazetteerReport }
  | { stage: 'citations'; report: CitationCheckReport };

export interface LoadAllReport { seeds: LoadReport; gazetteer: GazetteerReport; citations: CitationCheckReport }

/** Throws SeedValidationError before anything is written when a seed folder is refused. */
export async function loadAll(graph: Graph, opts: LoadAllOptions): Promise<LoadAllReport> {
  const seedsDir = opts.seedsDir ?? SEEDS_DIR;
  const edition = opts.edition ?? gazetteerEdition();
  const data = loadSeedFolders(seedsDir, edition, { includeDrafts: opts.includeDrafts ?? false });
  await applySchema(graph);
  const seeds = await loadDataset(graph, data, { prune: opts.prune ?? true });
  opts.onStage?.({ stage: 'seeds', report: seeds });
  const gazetteer = await loadGazetteer(graph, edition, opts.gazetteer);
  opts.onStage?.({ stage: 'gazetteer', report: gazetteer });
  // Whatever reached the graph by another route than the loaders is found here, by id.
  const citations = await checkCitations(graph, { seedsDir, edition });
  await recordCitationCheck(graph, citations);
  opts.onStage?.({ stage: 'citations', report: citations });
  return { seeds, gazetteer, citations };
}
