// Every statement a bulk export runs, EXPLAINed against the real Neo4j. A selection's reads start
// from an index (a seek or an ordered range on an id or code constraint, a subject index), never from
// a scan. The whole graph's streams are the scans they should be, one label or one relationship
// type each, and nothing in them sorts or buffers (Sort, Eager, aggregation): Neo4j hands rows out
// as it reads them, so neither it nor the export holds the graph in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph, type ExportSink } from '../../src/export/export.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { RecordingGraph, type Ran } from '../helpers/recording-graph.js';

interface PlanNode { operatorType: string; arguments: Record<string, unknown>; children: PlanNode[] }
const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
const SCANS = /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|NodeIndexScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan)$/;
const BUFFERS = /^(Sort|PartialSort|Top|Eager|EagerAggregation|OrderedAggregation|Distinct|OrderedDistinct|NodeHashJoin|ValueHashJoin)$/;

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const discard: ExportSink = { node: () => undefined, edge: () => undefined, end: async () => undefined };

describe('export statements start from an index', () => {
  it('for the whole graph and for selections', async () => {
    const ran: Ran[] = [];
    const graph = new RecordingGraph(api.graph, ran);
    await exportGraph(graph, {}, discard);
    await exportGraph(graph, { under: 'city:nagqu', kinds: ['DISTRICT', 'HOSPITAL'] }, discard);
    await exportGraph(graph, { under: 'org:liaoning-aid-team' }, discard).catch(() => undefined); // an id with no code, if the seeds hold it
    // Each statement once, with the largest list of ids it was given: on an empty list the planner
    // estimates no rows, and any plan, a scan included, costs nothing.
    const size = (r: Ran) => (Array.isArray(r.params.ids) ? r.params.ids.length : 0);
    const byName = new Map<string, Ran>();
    for (const r of ran) if (r.name.startsWith('export.') && size(r) >= size(byName.get(r.name) ?? r)) byName.set(r.name, r);
    const distinct = [...byName.values()];
    expect(distinct.map((r) => r.name)).toEqual(expect.arrayContaining([
      'export.all-nodes (Entity)', 'export.all-nodes (Source)', 'export.all-nodes (Citation)', 'export.all-edges (PART_OF)',
      'export.all-edges (QUOTES)', 'export.places-under-page', 'export.edges-of-ids', 'export.by-subject (Citation)', 'export.seeded-inside',
    ]));
    const session = api.graph.driver.session();
    try {
      for (const r of distinct) {
        const plan = (await session.run(`EXPLAIN ${r.cypher}`, r.params)).summary.plan as unknown as PlanNode;
        const ops = operators(plan);
        const scans = ops.filter((o) => SCANS.test(o));
        if (r.name.startsWith('export.all-nodes')) {
          expect(scans, `${r.name}: ${ops.join(' < ')}`).toEqual(['NodeByLabelScan']);
        } else if (r.name.startsWith('export.all-edges')) {
          expect(scans, `${r.name}: ${ops.join(' < ')}`).toEqual(['DirectedRelationshipTypeScan']);
        } else {
          // The seeded entities inside a place are read from the Seeded label, which holds what the sources describe.
          const allowed = r.name === 'export.seeded-inside' ? scans.filter((o) => o !== 'NodeByLabelScan' && o !== 'IntersectionNodeByLabelsScan') : scans;
          expect(allowed, `${r.name}: ${ops.join(' < ')}`).toEqual([]);
        }
        if (r.name.startsWith('export.all-')) expect(ops.filter((o) => BUFFERS.test(o)), `${r.name}: ${ops.join(' < ')}`).toEqual([]);
      }
    } finally {
      await session.close();
    }
  }, 300_000);
});
