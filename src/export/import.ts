// Loads a JSONL export (formats.ts) into a database that holds no entities yet: nodes in batches
// grouped by their labels, then edges in batches grouped by type, each batch one short transaction.
// One batch is written while the next is read and parsed, so Node's core and Neo4j's both work.
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';
import type { Graph } from '../db/graph.js';
import { applySchema } from '../db/schema.js';
import { freshDataStamp, WRITE_DATA_STAMP } from '../db/data-stamp.js';
import { ExportRepository } from './export.repository.js';
import { untaggedProperties } from './temporal.js';

const BATCH = 5_000;

export class ImportError extends Error {}

// A line as formats.ts writes it (the Neo4j APOC JSON shape); anything else is refused by line number.
const properties = z.record(z.string(), z.unknown());
const end = z.object({ id: z.string(), labels: z.array(z.string()) });
const exportLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('node'), labels: z.array(z.string()), properties }),
  z.object({ type: z.literal('relationship'), label: z.string(), properties, start: end, end }),
]);

export interface ImportReport { nodes: number; relationships: number }

/** `progress` hears of each batch written: its rows, and how many bytes of the file are read so far. */
export async function importJsonl(graph: Graph, file: string, progress: (rows: number, bytesRead: number) => void = () => {}): Promise<ImportReport> {
  const repo = new ExportRepository(graph);
  await applySchema(graph);
  const present = await repo.entityCount();
  if (present > 0) throw new ImportError(`the database already holds ${present} entities; import needs an empty one (or a fresh AIDGRAPH_DATA_DIR)`);

  const nodes = new Map<string, { labels: string[]; rows: Array<Record<string, unknown>> }>();
  const edges = new Map<string, { type: string; from: string; to: string; rows: Array<{ from: string; to: string; props: Record<string, unknown> }> }>();
  const report: ImportReport = { nodes: 0, relationships: 0 };

  const input = fs.createReadStream(file, 'utf8');
  // At most one batch in flight: the next waits for it, so writes keep the file's order (an edge's
  // ends are written before it) and memory holds two batches at most.
  let inFlight: Promise<void> = Promise.resolve();
  const submit = async (write: () => Promise<void>) => {
    await inFlight;
    inFlight = write();
    inFlight.catch(() => { /* rethrown by the next submit or the final await */ });
  };

  const flushNodes = async (key?: string) => {
    for (const [k, batch] of nodes) {
      if (key !== undefined && k !== key) continue;
      nodes.delete(k);
      await submit(async () => {
        await repo.createNodes(batch.labels, batch.rows);
        report.nodes += batch.rows.length;
        progress(batch.rows.length, input.bytesRead);
      });
    }
  };
  const flushEdges = async (key?: string) => {
    for (const [k, batch] of edges) {
      if (key !== undefined && k !== key) continue;
      edges.delete(k);
      await submit(async () => {
        const written = await repo.createEdges(batch.type, batch.from, batch.to, batch.rows);
        if (written !== batch.rows.length) {
          throw new ImportError(`${batch.rows.length - written} of ${batch.rows.length} ${batch.type} edges name a node the file does not hold before them`);
        }
        report.relationships += written;
        progress(written, input.bytesRead);
      });
    }
  };

  let lineNo = 0;
  try {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      lineNo += 1;
      if (!line.trim()) continue;
      let json: unknown;
      try { json = JSON.parse(line); } catch { throw new ImportError(`${file}:${lineNo}: not a JSON line`); }
      const read = exportLine.safeParse(json);
      if (!read.success) {
        const type = typeof json === 'object' && json !== null && 'type' in json ? json.type : undefined;
        if (type !== 'node' && type !== 'relationship') throw new ImportError(`${file}:${lineNo}: a line of type ${JSON.stringify(type)}; expected node or relationship`);
        const issue = read.error.issues[0];
        throw new ImportError(`${file}:${lineNo}: a ${type} line${issue?.path.length ? ` with a bad ${issue.path.join('.')}` : ''}: ${issue?.message}`);
      }
      const rec = read.data;
      try {
        rec.properties = untaggedProperties(rec.properties);
      } catch (err) {
        throw new ImportError(`${file}:${lineNo}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (rec.type === 'node') {
        const labels = [...rec.labels].sort();
        const key = labels.join(':');
        const batch = nodes.get(key) ?? { labels, rows: [] };
        batch.rows.push(rec.properties);
        nodes.set(key, batch);
        if (batch.rows.length >= BATCH) await flushNodes(key);
      } else {
        await flushNodes(); // an edge's ends are written before it
        const [from, to] = [rec.start.labels[0] ?? '', rec.end.labels[0] ?? ''];
        const key = `${rec.label}:${from}:${to}`;
        const batch = edges.get(key) ?? { type: rec.label, from, to, rows: [] };
        batch.rows.push({ from: rec.start.id, to: rec.end.id, props: rec.properties });
        edges.set(key, batch);
        if (batch.rows.length >= BATCH) await flushEdges(key);
      }
    }
    await flushNodes();
    await flushEdges();
    await inFlight;
    // What the API kept of the graph before (db/data-stamp.ts) is not this graph.
    await graph.write(WRITE_DATA_STAMP, freshDataStamp());
  } catch (err) {
    await inFlight.catch(() => undefined); // no write left running behind the error
    throw err;
  } finally {
    input.destroy();
  }
  return report;
}
