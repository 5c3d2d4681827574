// Bulk export: the graph streamed out (export.repository.ts) into one of four formats.
// The order is fixed so that a reader meets every node before an edge that names it: sources, the
// gazetteer's load state, entities, their edges, quantities, citations with their QUOTES edges.
import type { Graph } from '../db/graph.js';
import { EntityRepository } from '../modules/entities/entities.repository.js';
import type { EntityKind } from '../domain/vocabulary.js';
import { EDGE_TYPES, ExportRepository, type EdgeRow, type NodeRow } from './export.repository.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'graphml', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type NodeSetName = 'source' | 'state' | 'entity' | 'quantity' | 'citation';

/** Where an export goes: one call per node and edge, in the order above. */
export interface ExportSink {
  node(set: NodeSetName, row: NodeRow): void | Promise<void>;
  edge(row: EdgeRow): void | Promise<void>;
  end(): Promise<void>;
}

export interface ExportSelection {
  kinds?: EntityKind[] | undefined;
  /** An entity id: it and what lies inside it. */
  under?: string | undefined;
}

export interface ExportCounts { sources: number; entities: number; relationships: number; quantities: number; citations: number }

export class ExportSelectionError extends Error {}

/** Places per page of a subtree (`--under`), read in code order from the code constraint. */
const PAGE = 10_000;
/** Ids per UNWIND when a selection is read by id. */
const CHUNK = 2_000;

const chunks = <T>(list: T[], size = CHUNK) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Rows are reported to the progress callback in bunches: a bar redrawn per row would cost more than the row. */
function progressInBunches(progress: (rows: number, phase: string) => void, bunch = 2_000) {
  let pending = 0;
  let current = '';
  const flush = () => { if (pending) progress(pending, current); pending = 0; };
  return {
    row(phase: string) {
      if (phase !== current) { flush(); current = phase; }
      if (++pending >= bunch) flush();
    },
    flush,
  };
}

/**
 * The whole graph, one stream per node set and per edge type, in the order that lets a reader meet
 * every node before an edge naming it.
 */
async function exportWhole(repo: ExportRepository, sink: ExportSink, counts: ExportCounts, tally: ReturnType<typeof progressInBunches>): Promise<void> {
  for await (const row of repo.allNodes('Source')) { await sink.node('source', row); counts.sources += 1; tally.row('sources'); }
  // The loaders' own state: how far the gazetteer is loaded, what the last citation check counted (`stats { uncitedFacts }`).
  for await (const row of repo.allNodes('GazetteerLoad')) await sink.node('state', row);
  for await (const row of repo.allNodes('CitationCheck')) await sink.node('state', row);
  for await (const row of repo.allNodes('Entity')) { await sink.node('entity', row); counts.entities += 1; tally.row('entities'); }
  for (const type of EDGE_TYPES) {
    if (type === 'QUOTES') continue; // after the citations it joins to their sources
    for await (const edge of repo.allEdges(type)) { await sink.edge(edge); counts.relationships += 1; tally.row('relationships'); }
  }
  for await (const row of repo.allNodes('Quantity')) { await sink.node('quantity', row); counts.quantities += 1; tally.row('quantities'); }
  for await (const row of repo.allNodes('Citation')) { await sink.node('citation', row); counts.citations += 1; tally.row('citations'); }
  for await (const edge of repo.allEdges('QUOTES')) { await sink.edge(edge); tally.row('citations'); }
}

/** Streams the (selected) graph into `sink`; `progress` hears of the rows written, in bunches. */
export async function exportGraph(graph: Graph, selection: ExportSelection, sink: ExportSink, progress: (rows: number, phase: string) => void = () => {}): Promise<ExportCounts> {
  const repo = new ExportRepository(graph);
  const counts: ExportCounts = { sources: 0, entities: 0, relationships: 0, quantities: 0, citations: 0 };
  const tally = progressInBunches(progress);
  if (selection.kinds?.length || selection.under) await exportSelection(repo, graph, selection, sink, counts, tally);
  else await exportWhole(repo, sink, counts, tally);
  tally.flush();
  await sink.end();
  return counts;
}

/**
 * A selection (kinds, a subtree), read by id: the entities, the edges with both ends in it, the
 * quantities and citations about them (or about those edges), and the citations' QUOTES edges.
 */
async function exportSelection(
  repo: ExportRepository, graph: Graph, selection: ExportSelection, sink: ExportSink, counts: ExportCounts, tally: ReturnType<typeof progressInBunches>,
): Promise<void> {
  const kinds = selection.kinds?.length ? new Set<string>(selection.kinds) : null;
  const keep = (row: NodeRow) => !kinds || kinds.has(String(row.props.kind));
  const pages = async function* (read: (after: string) => Promise<NodeRow[]>, key: string) {
    let after = '';
    for (;;) {
      const rows = await read(after);
      if (!rows.length) return;
      yield rows;
      if (rows.length < PAGE) return;
      after = String(rows.at(-1)!.props[key]);
    }
  };

  // Sources first, all of them: they are few, and every citation names one.
  for await (const row of repo.allNodes('Source')) { await sink.node('source', row); counts.sources += 1; tally.row('sources'); }

  const selected = new Set<string>();
  const emitEntities = async (rows: NodeRow[]) => {
    for (const row of rows) {
      const id = String(row.props.id);
      if (!keep(row) || selected.has(id)) continue;
      selected.add(id);
      await sink.node('entity', row);
      counts.entities += 1;
      tally.row('entities');
    }
  };
  if (selection.under) {
    const [root] = await new EntityRepository(graph).byIds([selection.under]);
    if (!root) throw new ExportSelectionError(`--under: no entity has the id ${JSON.stringify(selection.under)}`);
    if (root.code) {
      for await (const rows of pages((after) => repo.placesUnderPage(root.code!, after, PAGE), 'code')) await emitEntities(rows);
    } else {
      await emitEntities(await repo.entitiesByIds([root.id]));
    }
    await emitEntities(await repo.seededInside(root.id));
  } else {
    for await (const row of repo.allNodes('Entity')) await emitEntities([row]);
  }

  const edgeIds: string[] = [];
  for (const ids of chunks([...selected])) {
    for (const e of await repo.edgesOf(ids)) {
      if (!(selected.has(e.from) && selected.has(e.to))) continue;
      await sink.edge(e);
      counts.relationships += 1;
      tally.row('relationships');
      if (e.props.id) edgeIds.push(String(e.props.id));
    }
  }

  const quantityIds: string[] = [];
  for (const ids of chunks([...selected, ...edgeIds])) {
    for (const row of await repo.bySubject('Quantity', ids)) {
      quantityIds.push(String(row.props.id));
      await sink.node('quantity', row);
      counts.quantities += 1;
      tally.row('quantities');
    }
  }
  for (const ids of chunks([...selected, ...edgeIds, ...quantityIds])) {
    const rows = await repo.bySubject('Citation', ids);
    for (const row of rows) { await sink.node('citation', row); counts.citations += 1; tally.row('citations'); }
    for (const part of chunks(rows.map((r) => String(r.props.id)))) for (const e of await repo.quotesOf(part)) { await sink.edge(e); tally.row('citations'); }
  }
}
