// Bulk export: the graph streamed out page by page (export.repository.ts) into one of four formats.
// The order is fixed so that a reader meets every node before an edge that names it: sources, the
// gazetteer's load state, entities, their edges, quantities, citations with their QUOTES edges.
import type { Graph } from '../db/graph.js';
import { EntityRepository } from '../modules/entities/entities.repository.js';
import type { EntityKind } from '../domain/vocabulary.js';
import { ExportRepository, type EdgeRow, type NodeRow } from './export.repository.js';

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

const PAGE = 10_000;
/** Ids per UNWIND when a selection is read by id. */
const CHUNK = 2_000;

const chunks = <T>(list: T[], size = CHUNK) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Streams the (selected) graph into `sink`; `progress` hears of every row written. */
export async function exportGraph(graph: Graph, selection: ExportSelection, sink: ExportSink, progress: (rows: number, phase: string) => void = () => {}): Promise<ExportCounts> {
  const repo = new ExportRepository(graph);
  const counts: ExportCounts = { sources: 0, entities: 0, relationships: 0, quantities: 0, citations: 0 };
  const filtered = !!selection.kinds?.length || !!selection.under;
  const kinds = selection.kinds?.length ? new Set<string>(selection.kinds) : null;
  const keep = (row: NodeRow) => !kinds || kinds.has(String(row.props.kind));

  const pages = async function* (read: (after: string) => Promise<NodeRow[]>, key = 'id') {
    let after = '';
    for (;;) {
      const rows = await read(after);
      if (!rows.length) return;
      yield rows;
      if (rows.length < PAGE) return;
      after = String(rows.at(-1)!.props[key]);
    }
  };

  for await (const rows of pages((after) => repo.nodesPage('Source', after, PAGE))) {
    for (const row of rows) await sink.node('source', row);
    counts.sources += rows.length;
    progress(rows.length, 'sources');
  }

  // Entities: the whole set by id order, or a place's subtree by code order plus what sources put inside it.
  const selected = new Set<string>();
  const emitEntities = async (rows: NodeRow[]) => {
    let n = 0;
    for (const row of rows) {
      if (!keep(row) || (filtered && selected.has(String(row.props.id)))) continue;
      if (filtered) selected.add(String(row.props.id));
      await sink.node('entity', row);
      n += 1;
    }
    counts.entities += n;
    progress(rows.length, 'entities');
  };
  if (!selection.under) {
    if (!filtered) for await (const rows of pages((after) => repo.nodesPage('GazetteerLoad', after, PAGE))) for (const row of rows) await sink.node('state', row);
    for await (const rows of pages((after) => repo.nodesPage('Entity', after, PAGE))) await emitEntities(rows);
  } else {
    const [root] = await new EntityRepository(graph).byIds([selection.under]);
    if (!root) throw new ExportSelectionError(`--under: no entity has the id ${JSON.stringify(selection.under)}`);
    if (root.code) {
      for await (const rows of pages((after) => repo.placesUnderPage(root.code!, after, PAGE), 'code')) await emitEntities(rows);
    } else {
      await emitEntities(await repo.entitiesByIds([root.id]));
    }
    await emitEntities(await repo.seededInside(root.id));
  }

  // Edges between entities; in a selection, only those with both ends in it.
  const edgeIds: string[] = [];
  const emitEdges = async (edges: EdgeRow[]) => {
    for (const e of edges) {
      if (filtered && !(selected.has(e.from) && selected.has(e.to))) continue;
      await sink.edge(e);
      counts.relationships += 1;
      if (filtered && e.props.id) edgeIds.push(String(e.props.id));
    }
    progress(edges.length, 'relationships');
  };
  if (!filtered) {
    let after = '';
    for (;;) {
      const { edges, last, full } = await repo.edgesPage(after, PAGE);
      await emitEdges(edges);
      if (!full || !last) break;
      after = last;
    }
  } else {
    for (const ids of chunks([...selected])) await emitEdges(await repo.edgesOf(ids));
  }

  // Quantities and citations: all of them, or those about what was exported.
  const citationIds: string[] = [];
  const emitQuantities = async (rows: NodeRow[]) => {
    for (const row of rows) await sink.node('quantity', row);
    counts.quantities += rows.length;
    progress(rows.length, 'quantities');
  };
  const emitCitations = async (rows: NodeRow[]) => {
    for (const row of rows) await sink.node('citation', row);
    counts.citations += rows.length;
    for (const ids of chunks(rows.map((r) => String(r.props.id)))) for (const e of await repo.quotesOf(ids)) await sink.edge(e);
    progress(rows.length, 'citations');
  };
  if (!filtered) {
    for await (const rows of pages((after) => repo.nodesPage('Quantity', after, PAGE))) await emitQuantities(rows);
    for await (const rows of pages((after) => repo.nodesPage('Citation', after, PAGE))) await emitCitations(rows);
  } else {
    const quantityIds: string[] = [];
    for (const ids of chunks([...selected, ...edgeIds])) {
      const rows = await repo.bySubject('Quantity', ids);
      quantityIds.push(...rows.map((r) => String(r.props.id)));
      await emitQuantities(rows);
    }
    for (const ids of chunks([...selected, ...edgeIds, ...quantityIds])) {
      const rows = await repo.bySubject('Citation', ids);
      citationIds.push(...rows.map((r) => String(r.props.id)));
      await emitCitations(rows);
    }
  }
  await sink.end();
  return counts;
}
