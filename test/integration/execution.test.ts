// Hot operations run compiled (src/api/execution.ts): graphql-js runs an operation until it has run
// `compileAfter` times, graphql-jit from then on. The counter at /metrics shows when an operation is
// compiled; the answers before and after must be the same, errors and status included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let server: RunningServer;
const COMPILE_AFTER = 3;
beforeAll(async () => {
  api = await startTestApi();
  server = await listen(api.graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0, compileAfter: COMPILE_AFTER });
});
afterAll(async () => { await server?.stop(); await api?.close(); });

async function post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, text: await res.text() };
}

async function compiledSoFar(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', server.url))).text();
  const m = /^aidgraph_graphql_operations_compiled_total (\d+)$/m.exec(text);
  if (!m) throw new Error('no aidgraph_graphql_operations_compiled_total at /metrics');
  return Number(m[1]);
}

/** Runs one operation `times` times; the answers, and the compiled count after each run. */
async function runs(times: number, query: string, variables?: Record<string, unknown>) {
  const answers: Array<{ status: number; text: string }> = [];
  const counts: number[] = [];
  for (let i = 0; i < times; i++) {
    answers.push(await post(query, variables));
    counts.push(await compiledSoFar());
  }
  return { answers, counts };
}

// A county's walk with citations, twinnings and their supporters: lists, abstract types, nested refs.
const WALK = `query Walk($id: ID!) {
  entity(id: $id) {
    id name __typename sources { quote }
    ... on Place { children { id name nameZh kind children { id name } } parent { id name parent { name } }
      twinnedBy { id supporter { name ... on Place { code } } sources { quote } } }
  }
}`;

describe('hot operations run compiled', () => {
  it('is compiled on its third run, once, and answers as graphql-js did before', async () => {
    const before = await compiledSoFar();
    const { answers, counts } = await runs(5, WALK, { id: 'county:amdo' });
    expect(counts.map((c) => c - before)).toEqual([0, 0, 1, 1, 1]);
    const first = JSON.parse(answers[0]!.text) as { data: { entity: { children: unknown[]; twinnedBy: unknown[] } } };
    expect(first.data.entity.children.length).toBeGreaterThan(5);
    expect(first.data.entity.twinnedBy.length).toBeGreaterThan(0);
    // Runs 1–2 were graphql-js's, 3–5 compiled: one answer, to the byte.
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('counts each operation of a document apart, and other variables run the same compiled operation', async () => {
    const doc = `query A($id: ID!) { entity(id: $id) { id name } } query B { search(text: "安多", first: 3) { id } }`;
    const before = await compiledSoFar();
    for (let i = 0; i < COMPILE_AFTER; i++) {
      const a = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: doc, operationName: 'A', variables: { id: 'city:nagqu' } }) });
      expect(a.status).toBe(200);
    }
    expect(await compiledSoFar()).toBe(before + 1); // A only
    const other = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: doc, operationName: 'A', variables: { id: 'county:amdo' } }) });
    expect(JSON.parse(await other.text()).data.entity).toEqual({ id: 'county:amdo', name: 'Amdo County' });
    expect(await compiledSoFar()).toBe(before + 1);
  });

  it('keeps variable errors BAD_USER_INPUT with a 400, and fills an input object\'s defaults, when compiled', async () => {
    const ORDERED = 'query Ordered($order: TwinningOrder) { twinnings(orderBy: $order, first: 2) { totalCount edges { node { id } } } }';
    // `field` is left to its default (SUPPORTER_NAME), which graphql-jit alone would refuse as missing.
    const before = await compiledSoFar();
    const ordered = await runs(COMPILE_AFTER + 1, ORDERED, { order: { direction: 'DESC' } });
    expect(ordered.counts.at(-1)).toBe(before + 1); // the last two runs were compiled
    expect(ordered.answers[0]!.status).toBe(200);
    expect(JSON.parse(ordered.answers[0]!.text).data.twinnings.edges).toHaveLength(2);
    for (const a of ordered.answers) expect(a).toEqual(ordered.answers[0]);

    const BAD = 'query Bad($id: ID!) { entity(id: $id) { id } }';
    expect((await runs(COMPILE_AFTER, BAD, { id: 'county:amdo' })).counts.at(-1)).toBe(before + 2);
    const bad = await post(BAD, { id: null });
    expect(bad.status).toBe(400);
    const body = JSON.parse(bad.text) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toMatch(/\$id/);
  });

  it('answers a resolver\'s error with its code, path and locations, compiled as before', async () => {
    const OUT_OF_RANGE = '{ sources(first: 0) { id } }';
    const before = await compiledSoFar();
    const { answers, counts } = await runs(COMPILE_AFTER + 1, OUT_OF_RANGE);
    expect(counts.at(-1)).toBe(before + 1);
    const body = JSON.parse(answers[0]!.text) as { errors: Array<{ path: string[]; locations: unknown[]; extensions: { code: string; argumentName: string } }> };
    expect(body.errors[0]).toMatchObject({ path: ['sources'], locations: [{ line: 1, column: 3 }], extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('leaves an operation too large to compile with graphql-js, which still answers it', async () => {
    // Each level may be any of Entity's types: graphql-jit's code would repeat per type, level under level.
    const nest = (levels: number): string => (levels === 0 ? 'id' : `id relationships { from { ${nest(levels - 1)} } to { id } }`);
    const before = await compiledSoFar();
    const { answers, counts } = await runs(COMPILE_AFTER + 1, `{ entity(id: "city:nagqu") { ${nest(2)} } }`);
    expect(counts.every((c) => c === before)).toBe(true);
    expect(JSON.parse(answers[0]!.text).data.entity.relationships.length).toBeGreaterThan(10);
    for (const a of answers) expect(a).toEqual(answers[0]);
  });
});
