// No N+1: a nested list costs the same number of Cypher statements for 5 items as for 50.
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
  it.each(Object.keys(NESTED_OPERATIONS))('%s: 5 items and 50 items cost the same', async (name) => {
    const statements: number[] = [];
    for (const n of [5, 50]) {
      const res = await api.gql(NESTED_OPERATIONS[name]!, { n });
      expect(res.errors).toBeUndefined();
      const list = Object.values(res.data)[0] as any;
      expect((list.edges ?? list).length).toBe(n);
      statements.push(res.extensions!.cypherStatements);
    }
    console.log(`[round-trips] ${name}: ${statements[0]} statements for 5 items, ${statements[1]} for 50`);
    expect(statements[1]).toBe(statements[0]);
    expect(statements[0]).toBeLessThan(25);
  });
});
