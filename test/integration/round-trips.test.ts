// No N+1: a nested list costs no more Cypher statements for 50 items than for 5.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../../src/ingest/seed.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { NESTED_OPERATIONS, writeSyntheticSeeds } from '../helpers/synthetic.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
  await seedGraph(api.graph, writeSyntheticSeeds(60));
});
afterAll(async () => { await api?.close(); });

describe('Cypher round trips per request', () => {
  it.each(Object.keys(NESTED_OPERATIONS))('%s: 50 items cost no more statements than 5', async (name) => {
    const statements: number[] = [];
    for (const n of [5, 50]) {
      const res = await api.gql(NESTED_OPERATIONS[name]!, { n });
      expect(res.errors).toBeUndefined();
      const list = Object.values(res.data)[0] as any;
      expect((list.edges ?? list).length).toBe(n);
      statements.push(res.extensions!.cypherStatements);
    }
    console.log(`[round-trips] ${name}: ${statements[0]} statements for 5 items, ${statements[1]} for 50`);
    // Edges are read with their far ends, which can spare a larger answer an entity lookup, so the
    // count may fall with more items. It may also rise by one or two whatever the size: a loader's
    // batch holds the keys asked for before its tick ends, and when the parents' reads come back in
    // two ticks instead of one (a busy machine), one lookup becomes two batches. One statement per
    // item, the defect this guards against, would add 45.
    expect(statements[1]).toBeLessThanOrEqual(statements[0]! + 2);
    expect(statements[1]).toBeLessThan(25);
  });

  it('a page of twinnings with both ends, supports and projects is two statements, for 5 or 50', async () => {
    for (const n of [5, 50]) {
      const res = await api.gql(`query($n: Int!) { twinnings(first: $n, orderBy: { field: ID }) { edges { node {
        id supporter { name } recipient { name } supports { id } projects { id name } } } } }`, { n });
      expect(res.errors).toBeUndefined();
      const nodes = res.data.twinnings.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(n);
      // Every synthetic twinning has a support and a project under it, and names at both ends.
      for (const t of nodes) {
        expect([t.supporter.name, t.recipient.name].every(Boolean)).toBe(true);
        expect([t.supports.length, t.projects.length]).toEqual([expect.any(Number), expect.any(Number)]);
        expect(t.supports.length * t.projects.length).toBeGreaterThan(0);
      }
      // The page (with both ends of each edge) and the aid under the whole page.
      expect(res.extensions!.cypherStatements).toBe(2);
    }
  });
});
