// /reconcile: the W3C Entity Reconciliation API (0.2, as OpenRefine speaks it). GET without queries
// answers the service manifest; GET or POST with `queries` (a JSON object of named queries, form- or
// URL-encoded, or a JSON body) answers candidates for each, with scores, official codes and
// `match: true` only where one candidate is certain (modules/reconciliation/reconcile.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { z } from 'zod';
import { createRepositories } from '../api/context.js';
import type { Graph } from '../db/graph.js';
import { MAX_LIMIT, PARENT_PROPERTY, RECONCILE_TYPES, Reconciler, reconciliationQuerySchema, type ReconciliationQuery } from '../modules/reconciliation/reconcile.js';
import { baseUrl } from './linked-data.js';
import { sendError } from './replies.js';

/** Queries in one request: OpenRefine sends 10 at a time; a bigger batch is split by the client. */
export const MAX_QUERIES = 500;
const MAX_QUERY_CHARS = 200;
const CONCURRENCY = 4;

function manifest(base: string) {
  return {
    versions: ['0.2'],
    name: 'aidgraph: places, institutions, people and projects of paired assistance (对口支援)',
    identifierSpace: `${base}/id/`,
    schemaSpace: 'https://schema.org/',
    defaultTypes: RECONCILE_TYPES.filter((t) => ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE'].includes(t.id)),
    view: { url: `${base}/id/{{id}}` },
    batchSize: 10,
    // Beyond 0.2's manifest, for people reading it: the parent property, the types, the limits.
    properties: [PARENT_PROPERTY],
    types: RECONCILE_TYPES,
    limits: { queriesPerRequest: MAX_QUERIES, candidatesPerQuery: MAX_LIMIT, queryCharacters: MAX_QUERY_CHARS },
  };
}

type Parsed = { ok: true; queries: Array<[name: string, query: ReconciliationQuery]> } | { ok: false; message: string };

function parseQueries(raw: unknown): Parsed {
  let value = raw;
  if (typeof raw === 'string') {
    try { value = JSON.parse(raw); } catch { return { ok: false, message: '`queries` must be a JSON object of named queries, e.g. {"q0":{"query":"安多县"}}' }; }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: '`queries` must be a JSON object of named queries' };
  const entries = Object.entries(value);
  if (entries.length > MAX_QUERIES) return { ok: false, message: `at most ${MAX_QUERIES} queries a request (got ${entries.length})` };
  const queries: Array<[string, ReconciliationQuery]> = [];
  for (const [name, q] of entries) {
    const label = `query ${JSON.stringify(name.slice(0, 40))}`;
    const read = reconciliationQuerySchema.safeParse(q);
    if (!read.success) {
      const issue = read.error.issues[0];
      // Not an object, or no text to look for: the message people know; else the field and why.
      if (!issue || issue.path.length === 0 || issue.path[0] === 'query') return { ok: false, message: `${label} needs a "query" string` };
      return { ok: false, message: `${label}: ${issue.path.join('.')}: ${issue.message}` };
    }
    if (read.data.query.length > MAX_QUERY_CHARS) return { ok: false, message: `${label} is longer than ${MAX_QUERY_CHARS} characters` };
    queries.push([name, read.data]);
  }
  return { ok: true, queries };
}

/** Query-string or form parameters; a body that is no object (JSON text, none) adds nothing. */
const parameters = z.record(z.string(), z.unknown()).catch({});

/** The older single-query form: `query=安多县` or `query={"query":"安多县","type":"DISTRICT"}`. */
function singleQuery(text: string): string {
  return text.trim().startsWith('{') ? text : JSON.stringify({ query: text });
}

export function registerReconciliation(app: FastifyInstance, graph: Graph): void {
  // Form bodies only here: elsewhere (GraphQL at /) they stay unsupported.
  void app.register(async (scope) => {
    await scope.register(fastifyFormbody);
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const params = { ...parameters.parse(request.query), ...parameters.parse(request.body) };
      void reply.header('cache-control', 'no-store');
      const single = typeof params.query === 'string' ? params.query : undefined;
      if (params.queries === undefined && single === undefined) return manifest(baseUrl(request));
      const parsed = parseQueries(params.queries ?? `{"q0":${singleQuery(single!)}}`);
      if (!parsed.ok) return sendError(reply, 400, 'BAD_USER_INPUT', parsed.message);
      const reconciler = new Reconciler(createRepositories(graph.forRequest(request.id)));
      const entries = parsed.queries;
      const results: Record<string, { result: Awaited<ReturnType<Reconciler['reconcile']>> }> = {};
      for (let i = 0; i < entries.length; i += CONCURRENCY) {
        await Promise.all(entries.slice(i, i + CONCURRENCY).map(async ([name, q]) => {
          results[name] = { result: await reconciler.reconcile(q) };
        }));
      }
      return single !== undefined && params.queries === undefined ? results.q0 : results;
    };
    scope.get('/reconcile', handler);
    scope.post('/reconcile', handler);
  });
}
