// Validate every seed folder, then write the dataset in one transaction.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Graph } from '../db/graph.js';
import { applySchema } from '../db/schema.js';
import { loadDataset, type LoadReport } from './load.js';
import { loadSeedFolders } from './validate.js';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');

/** Validates the seed folders, then makes the graph hold exactly them (or, with prune: false, at least them). */
export async function seedGraph(graph: Graph, seedsDir = SEEDS_DIR, opts: { prune?: boolean; includeDrafts?: boolean } = {}): Promise<LoadReport> {
  // Throws SeedValidationError before anything is written, drafts included unless asked for.
  const data = loadSeedFolders(seedsDir, undefined, { includeDrafts: opts.includeDrafts ?? false });
  await applySchema(graph);
  return loadDataset(graph, data, opts);
}

export function formatReport(report: LoadReport): string {
  return Object.entries(report)
    .map(([what, t]) => `${what}: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.removed} removed`)
    .join('; ');
}
