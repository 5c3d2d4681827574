// `aidgraph export` and `aidgraph import`: open the configured graph (NEO4J_URI, the Neo4j of the
// `npm start` holding AIDGRAPH_DATA_DIR, or an embedded one started here), stream, report, close.
// A progress bar (cli-progress) on stderr.
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../app/config.js';
import { GraphUnreachableError, openGraph, type OpenGraph } from '../db/connect.js';
import { StoreBusyError } from '../db/local-neo4j.js';
import { logger } from '../telemetry/logger.js';
import { ENTITY_KINDS, isEntityKind, isOneOf } from '../domain/vocabulary.js';
import { ExploreRepository } from '../modules/explore/explore.repository.js';
import { EXPORT_FORMATS, exportGraph, ExportSelectionError } from './export.js';
import { createSink } from './formats.js';
import { importJsonl, ImportError } from './import.js';

/** The options as commander read them: format and kinds are checked here. */
export interface ExportCliOptions { format: string; kinds?: string[]; under?: string; out: string; base: string; progress: boolean }

function bar(enabled: boolean, total: number, unit = 'rows') {
  const b = new cliProgress.SingleBar({
    format: `{phase} [{bar}] {percentage}% | {value}/{total} ${unit} | {speed}/s | {duration}s`,
    stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2_000, etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  if (enabled) b.start(total, 0, { phase: 'starting', speed: 0 });
  return {
    tick(rows: number, phase: string) {
      if (!enabled) return;
      const perSecond = b.getProgress() * total / Math.max(0.001, (Date.now() - started) / 1000);
      b.increment(rows, { phase, speed: perSecond >= 100 ? Math.round(perSecond) : perSecond.toFixed(1) });
    },
    stop() { if (enabled) b.stop(); },
  };
}

/** This process's own peak (an embedded Neo4j is a process of its own): flat memory is part of the promise. */
const peakMemory = () => `peak memory of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;

/** While `npm start` holds the data folder's store, the tools use its Neo4j instead of starting their own. */
async function withGraph<T>(work: (open: OpenGraph) => Promise<T>): Promise<T> {
  const open = await openGraph(loadConfig(), { attach: true });
  try { return await work(open); } finally { await open.close(); }
}

function fail(err: unknown): number {
  const expected = [ConfigError, ExportSelectionError, ImportError, StoreBusyError, GraphUnreachableError];
  if (err instanceof Error && expected.some((kind) => err instanceof kind)) console.error(err.message);
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
      // Rows written: every node and edge, a citation's QUOTES edge included (the whole graph's; a selection stops short).
      const progress = bar(opts.progress, stats.sources + stats.entities + stats.relationships + stats.quantities + stats.citations * 2);
      const started = performance.now();
      const counts = await exportGraph(graph, { kinds, under: opts.under },
        createSink(format, path.resolve(opts.out), opts.base.replace(/\/+$/, '')), (rows, phase) => progress.tick(rows, phase))
        .finally(() => progress.stop()); // the bar's timer would keep a failed export running
      const seconds = (performance.now() - started) / 1000;
      console.error(`exported ${opts.format} to ${opts.out} in ${seconds.toFixed(1)} s: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.quantities} quantities, ${counts.citations} citations, ${counts.sources} sources; ${peakMemory()}`);
      return 0;
    });
  } catch (err) {
    return fail(err);
  }
}

export async function runImport(file: string, opts: { progress: boolean }): Promise<number> {
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file (an export written by \`aidgraph export --format jsonl\`)`);
    return 2;
  }
  try {
    const size = fs.statSync(path.resolve(file)).size;
    return await withGraph(async ({ graph }) => {
      const started = performance.now();
      // The bar counts the file's megabytes read: the number of rows is not known before the end.
      const progress = bar(opts.progress, Math.max(1, Math.round(size / 1e6)), 'MB');
      let shown = 0;
      const report = await importJsonl(graph, path.resolve(file), (_rows, bytesRead) => {
        const mb = Math.round(bytesRead / 1e6);
        progress.tick(mb - shown, 'importing');
        shown = mb;
      }).finally(() => progress.stop());
      console.error(`imported ${report.nodes} nodes and ${report.relationships} relationships from ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${peakMemory()}`);
      return 0;
    });
  } catch (err) {
    return fail(err);
  }
}
