// The turns and the down state every view of one database shares (src/db/graph.ts): reads beyond
// the limit wait outside Neo4j and are refused as OVERLOADED when they wait too long; while the
// embedded database restarts, units of work fail at once as DATABASE_UNAVAILABLE.
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createDriver, DatabaseAccess, Graph } from '../../src/db/graph.js';
import { statement } from '../../src/db/statement.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { open, opened };
}

describe('database access', () => {
  it('runs at most its concurrency of reads at once, in order, and the rest after', async () => {
    const access = new DatabaseAccess(2);
    const g = gate();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (i: number) => access.takeTurn(5_000, async () => {
      running += 1;
      most = Math.max(most, running);
      await g.opened;
      order.push(i);
      running -= 1;
      return i;
    });
    const all = Promise.all([1, 2, 3, 4, 5].map(work));
    await sleep(20);
    expect(running).toBe(2);
    g.open();
    expect(await all).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it('refuses a read that waited longer than its limit as OVERLOADED, retryable, and never runs it', async () => {
    const access = new DatabaseAccess(1);
    const g = gate();
    const first = access.takeTurn(5_000, () => g.opened.then(() => 'first'));
    let ranLate = false;
    const late = access.takeTurn(50, async () => { ranLate = true; return 'late'; });
    const err = await late.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions).toMatchObject({ code: 'OVERLOADED', retryable: true });
    g.open();
    expect(await first).toBe('first');
    // The refused read's turn passed on: the next one runs.
    expect(await access.takeTurn(1_000, async () => 'next')).toBe('next');
    expect(ranLate).toBe(false);
  });

  it('fails every unit of work at once while the database is down, and lets them through once it is up', async () => {
    // Nothing listens on port 1: a statement that got through would fail differently, after the driver's timeouts.
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: '' });
    try {
      const loader = new Graph(driver, { timeoutMs: 1_000 });
      const graph = loader.forRequest(); // a request's view: reads only, sharing the loader's access
      graph.access.markDown();
      const started = Date.now();
      for (const [g, mode] of [[graph, 'READ'], [loader, 'WRITE']] as const) {
        const err = await g.unitOfWork(mode, 'probe', async () => 1).then(() => undefined, (e: unknown) => e);
        expect((err as GraphQLError).extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
      }
      expect(Date.now() - started).toBeLessThan(500);
      expect(graph.statements).toBe(0);
      graph.access.markUp();
      const err = await graph.read(statement('// probe\nRETURN 1')).then(() => undefined, (e: unknown) => e);
      expect((err as GraphQLError).extensions?.code).toBe('DATABASE_UNAVAILABLE'); // now from the driver: nothing is there
      expect(graph.statements).toBe(0);
    } finally {
      await driver.close();
    }
  });
});
