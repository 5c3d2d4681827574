// The production HTTP layer, through real HTTP against the seeded graph: spec status codes, GET
// with CSRF prevention, caching by data version, APQ, headers, compression, rate limit, load
// shedding and metrics.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpDataVersion } from '../../src/api/data-version.js';
import { freshDataStamp, WRITE_DATA_STAMP } from '../../src/db/data-stamp.js';
import { DatabaseAccess, Graph } from '../../src/db/graph.js';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { QUERY_LIMITS } from '../../src/api/server.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { seedSources } from '../helpers/sources.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const ENTITY = 'query Entity($id: ID!) { entity(id: $id) { id name } }';
function getUrl(base: string, query: string, variables?: object): string {
  const u = new URL(base);
  u.searchParams.set('query', query);
  if (variables) u.searchParams.set('variables', JSON.stringify(variables));
  return u.toString();
}
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe('GraphQL over HTTP status codes', () => {
  it('answers 400 to a syntax or validation error asked as application/graphql-response+json', async () => {
    for (const query of ['{ stats { entities ', '{ noSuchField }', '{ entity(id: true) { id } }']) {
      const res = await post(api.url, { query }, { accept: 'application/graphql-response+json' });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      const body = (await res.json()) as any;
      expect(body.data).toBeUndefined();
      expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(body.errors[0].extensions.code);
    }
  });

  it('answers 400, never a 5xx, to a document over the token limit, whatever was asked for', async () => {
    const query = `{ ${Array.from({ length: QUERY_LIMITS.maxTokens.n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const res = await post(api.url, { query }, { accept });
      expect(res.status, accept).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as any;
      expect(body.data).toBeUndefined();
      expect(body.errors[0]).toMatchObject({ message: expect.stringContaining(`${QUERY_LIMITS.maxTokens.n} tokens`), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    }
  });

  it('keeps 200 for an unknown persisted query asked as plain JSON (APQ clients expect it), 400 as application/graphql-response+json', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('{ nothing }').digest('hex') } };
    const plain = await post(api.url, { extensions });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-store');
    const spec = await post(api.url, { extensions }, { accept: 'application/graphql-response+json' });
    expect(spec.status).toBe(400);
    expect(spec.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await spec.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('answers 200 with data when the document is valid, whatever was asked for', async () => {
    const res = await post(api.url, { query: '{ entity(id: "nope:none") { id } }' }, { accept: 'application/graphql-response+json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { entity: null } });
  });
});

describe('GET queries and caching by data version', () => {
  it('answers a GET with variables, with an ETag; the same GET with If-None-Match gets 304 until the data changes', async () => {
    const url = getUrl(api.url, ENTITY, { id: 'city:nagqu' });
    const first = await fetch(url, { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ data: { entity: { id: 'city:nagqu', name: 'Nagqu' } } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');

    const again = await fetch(url, { headers: { ...PREFLIGHT, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);

    // Other variables are another answer.
    const other = await fetch(getUrl(api.url, ENTITY, { id: 'city:dalian' }), { headers: { ...PREFLIGHT, 'if-none-match': etag } });
    expect(other.status).toBe(200);

    bumpDataVersion(); // what a load calls after it commits
    const afterLoad = await fetch(url, { headers: { ...PREFLIGHT, 'if-none-match': etag } });
    expect(afterLoad.status).toBe(200);
    expect(afterLoad.headers.get('etag')).not.toBe(etag);
  });

  it('changes the ETag after a load by another process: the service follows the graph\'s data stamp', async () => {
    const server = await listen(api.graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0, stampFollowMs: 50 });
    try {
      const url = getUrl(server.url, ENTITY, { id: 'city:nagqu' });
      const etag = (await fetch(url, { headers: PREFLIGHT })).headers.get('etag')!;
      // Several intervals with the stamp unchanged: the answer is still the one the client holds.
      await new Promise((r) => setTimeout(r, 300));
      expect((await fetch(url, { headers: { ...PREFLIGHT, 'if-none-match': etag } })).status).toBe(304);
      // What a loader of its own writes with its load (db/data-stamp.ts), not through this process.
      await api.graph.write(WRITE_DATA_STAMP, freshDataStamp());
      let status = 304;
      for (let waited = 0; status === 304 && waited < 10_000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await fetch(url, { headers: { ...PREFLIGHT, 'if-none-match': etag } })).status;
      }
      expect(status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('keeps CSRF prevention: a GET without a preflight-forcing header is refused', async () => {
    const res = await fetch(getUrl(api.url, ENTITY, { id: 'city:nagqu' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/CSRF/);
  });

  it('does not let caches keep POST answers or answers with errors', async () => {
    const res = await post(api.url, { query: '{ stats { entities } }' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    const bad = await fetch(getUrl(api.url, '{ search(text: "a", first: 0) { id } }'), { headers: PREFLIGHT });
    expect(bad.headers.get('etag')).toBeNull();
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});

describe('automatic persisted queries', () => {
  it('asks for the document once, then answers by hash alone, by POST and by GET', async () => {
    const query = '{ stats { sources } }';
    const ext = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    // The seed sources and the official division list (the run's gazetteer slice).
    const sources = seedSources().length + 1;
    const unknown = (await (await post(api.url, { extensions: ext })).json()) as any;
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await (await post(api.url, { query, extensions: ext })).json()) as any).toMatchObject({ data: { stats: { sources } } });
    expect((await (await post(api.url, { extensions: ext })).json()) as any).toMatchObject({ data: { stats: { sources } } });
    const u = new URL(api.url);
    u.searchParams.set('extensions', JSON.stringify(ext));
    const byGet = await fetch(u, { headers: PREFLIGHT });
    expect(byGet.status).toBe(200);
    expect(byGet.headers.get('etag')).toBeTruthy();
  });
});

describe('headers', () => {
  it('sets security headers, a request id (its own or the client\'s), and compresses large answers', async () => {
    const res = await post(api.url, { query: '{ search(text: "Nagqu", first: 50) { id name nameZh aliases } }' }, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    // An answer that is not a page may load and run nothing (the pages have their own policy).
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as any).data.search.length).toBeGreaterThan(0);
    const given = await post(api.url, { query: '{ stats { sources } }' }, { 'x-request-id': 'trace-42' });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
    const odd = await post(api.url, { query: '{ stats { sources } }' }, { 'x-request-id': 'no spaces <allowed>' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a CORS preflight for any origin', async () => {
    const res = await fetch(api.url, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/);
  });

  it('answers unknown paths 404 and malformed JSON 400, in the errors shape', async () => {
    const missing = await fetch(new URL('/nothing-here', api.url));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const broken = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('per-client rate limit and load shedding', () => {
  let limited: RunningServer | undefined;
  afterAll(async () => { await limited?.stop(); });

  it('answers 429 with Retry-After past the limit, and never limits /health or /metrics', async () => {
    limited = await listen(api.graph, { port: 0, rateLimitPerMinute: 3, shedLagMs: 0 });
    for (let i = 0; i < 3; i++) expect((await post(limited.url, { query: '{ stats { sources } }' })).status).toBe(200);
    const refused = await post(limited.url, { query: '{ stats { sources } }' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 5; i++) expect((await fetch(new URL('/health', limited.url))).status).toBe(200);
    const metrics = await (await fetch(new URL('/metrics', limited.url))).text();
    expect(metrics).toMatch(/aidgraph_http_rejections_total\{code="RATE_LIMITED"\} [1-9]/);
  });

  it('sheds requests with 503 and Retry-After while the event loop lags, then serves again', async () => {
    const shedding = await listen(api.graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 50, shedSampleMs: 20 });
    try {
      // Block the event loop for 100 ms in every 10 ms, as a CPU-bound burst would, for as long as
      // the request takes: a single block would be sampled once and forgotten at the next 20 ms
      // sample, before a request on a busy machine reaches the server.
      const burst = setInterval(() => { const until = Date.now() + 100; while (Date.now() < until) { /* busy */ } }, 10);
      let res: Response;
      try {
        await new Promise((r) => setTimeout(r, 250));
        res = await post(shedding.url, { query: '{ stats { sources } }' });
      } finally {
        clearInterval(burst);
      }
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('OVERLOADED');
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await post(shedding.url, { query: '{ stats { sources } }' })).status;
      }
      expect(status).toBe(200);
    } finally {
      await shedding.stop();
    }
  });
});

describe('turns for the database', () => {
  it('refuses reads that waited too long for a turn as OVERLOADED, retryable, and answers the rest', async () => {
    // One read at a time, and a wait of 1 ms at most: concurrent requests find the turn taken.
    const narrow = new Graph(api.graph.driver, api.graph.options, new DatabaseAccess(1, 1));
    const server = await listen(narrow, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 });
    try {
      const bodies = await Promise.all(Array.from({ length: 12 }, () =>
        post(server.url, { query: '{ search(text: "那曲", first: 5) { id } }' }).then((r) => r.json() as Promise<any>)));
      const codes = bodies.flatMap((b) => (b.errors ?? []).map((e: any) => e.extensions));
      expect(codes.length).toBeGreaterThan(0);
      for (const c of codes) expect(c).toMatchObject({ code: 'OVERLOADED', retryable: true });
      expect(bodies.filter((b) => !b.errors && b.data.search.length > 0).length).toBeGreaterThan(0);
      const metrics = await (await fetch(new URL('/metrics', server.url))).text();
      expect(metrics).toMatch(/aidgraph_neo4j_reads_waiting 0/);
    } finally {
      await server.stop();
    }
  });
});

describe('GET /metrics', () => {
  it('shows the request histogram by operation and outcome, statements per request and connections in use', async () => {
    await post(api.url, { query: 'query MetricsProbe { stats { entities } }' });
    await post(api.url, { query: 'query MetricsProbe { search(text: "a", first: 0) { id } }' });
    const res = await fetch(new URL('/metrics', api.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/aidgraph_graphql_request_duration_seconds_count\{operation="MetricsProbe",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/aidgraph_graphql_request_duration_seconds_count\{operation="MetricsProbe",outcome="BAD_USER_INPUT"\} [1-9]/);
    expect(text).toMatch(/aidgraph_cypher_statements_per_request_count [1-9]/);
    expect(text).toMatch(/aidgraph_neo4j_pool_in_use 0/);
    expect(text).toMatch(/aidgraph_neo4j_restarts_total 0/);
  });
});
