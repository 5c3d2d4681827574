// `aidgraph export` and `aidgraph import`: open the configured graph (NEO4J_URI, or the embedded
// Neo4j on AIDGRAPH_DATA_DIR), stream, report, close. A progress bar (cli-progress) on stderr.
import path from 'node:path';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../config.js';
import { openGraph, type OpenGraph } from '../db/connect.js';
import { logger } from '../logger.js';
import { ENTITY_KINDS, isEntityKind, isOneOf } from '../domain/vocabulary.js';
import { ExploreRepository } from '../modules/explore/explore.repository.js';
import { EXPORT_FORMATS, exportGraph, ExportSelectionError } from './export.js';
import { createSink } from './formats.js';
import { importJsonl, ImportError } from './import.js';

/** The options as commander read them: format and kinds are checked here. */
export interface ExportCliOptions { format: string; kinds?: string[]; under?: string; out: string; base: string; progress: boolean }

function bar(enabled: boolean, total: number) {
  const b = new cliProgress.SingleBar({
    format: '{phase} [{bar}] {percentage}% | {value}/{total} rows | {speed}/s | {duration}s',
    stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2_000, etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  if (enabled) b.start(total, 0, { phase: 'starting', speed: 0 });
  return {
    tick(rows: number, phase: string) {
      if (!enabled) return;
      b.increment(rows, { phase, speed: Math.round(b.getProgress() * total / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop() { if (enabled) b.stop(); },
  };
}

async function withGraph<T>(work: (open: OpenGraph) => Promise<T>): Promise<T> {
  const open = await openGraph(loadConfig());
  try { return await work(open); } finally { await open.close(); }
}

function fail(err: unknown): number {
  if (err instanceof ConfigError || err instanceof ExportSelectionError || err instanceof ImportError) console.error(err.message);
  else logger.error({ err }, 'failed');
  return 1;
}

export async function runExport(opts: ExportCliOptions): Promise<number> {
  const { format } = opts;
  if (!isOneOf(EXPORT_FORMATS, format)) {
    console.error(`--format: unknown format ${format}; one of ${EXPORT_FORMATS.join(', ')}`);
    return 2;
  }
  const unknown = (opts.kinds ?? []).filter((k) => !isEntityKind(k));
  if (unknown.length) {
    console.error(`--kinds: unknown kind ${unknown.join(', ')}; one or more of ${ENTITY_KINDS.join(', ')}`);
    return 2;
  }
  const kinds = opts.kinds?.filter(isEntityKind);
  try {
    return await withGraph(async ({ graph }) => {
      const stats = await new ExploreRepository(graph).stats();
      // Rows read: entities twice (nodes, then their edges) and every quantity, citation and source.
      const progress = bar(opts.progress, stats.entities * 2 + stats.quantities + stats.citations + stats.sources);
      const started = performance.now();
      const counts = await exportGraph(graph, { kinds, under: opts.under },
        createSink(format, path.resolve(opts.out), opts.base.replace(/\/+$/, '')), (rows, phase) => progress.tick(rows, phase))
        .finally(() => progress.stop()); // the bar's timer would keep a failed export running
      const seconds = (performance.now() - started) / 1000;
      console.error(`exported ${opts.format} to ${opts.out} in ${seconds.toFixed(1)} s: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.quantities} quantities, ${counts.citations} citations, ${counts.sources} sources`);
      return 0;
    });
  } catch (err) {
    return fail(err);
  }
}

export async function runImport(file: string, opts: { progress: boolean }): Promise<number> {
  try {
    return await withGraph(async ({ graph }) => {
      const started = performance.now();
      let rows = 0;
      const report = await importJsonl(graph, path.resolve(file), (n) => {
        rows += n;
        if (opts.progress && rows % 50_000 < n) console.error(`imported ${rows} rows`);
      });
      console.error(`imported ${report.nodes} nodes and ${report.relationships} relationships from ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    });
  } catch (err) {
    return fail(err);
  }
}
