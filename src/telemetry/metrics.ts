// The process's Prometheus metrics (prom-client), served at GET /metrics. One registry per process:
// the database supervisor, the statement choke-point and the HTTP layer all count into it.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'aidgraph_' });

export const requestDuration = new Histogram({
  name: 'aidgraph_graphql_request_duration_seconds',
  help: 'GraphQL requests by operation name and outcome ("ok" or the first error code)',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const statementsPerRequest = new Histogram({
  name: 'aidgraph_cypher_statements_per_request',
  help: 'Cypher statements one GraphQL request ran',
  buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89],
  registers: [registry],
});

export const sessionsInUse = new Gauge({
  name: 'aidgraph_neo4j_pool_in_use',
  help: 'Neo4j connections in use: open units of work, each holding one pooled connection while it runs',
  registers: [registry],
});

export const statementsWaiting = new Gauge({
  name: 'aidgraph_neo4j_reads_waiting',
  help: 'Read units of work waiting for a turn (at most AIDGRAPH_NEO4J_READ_CONCURRENCY run at once)',
  registers: [registry],
});

export const databaseRestarts = new Counter({
  name: 'aidgraph_neo4j_restarts_total',
  help: 'Times the supervisor restarted the embedded Neo4j after it exited unexpectedly',
  registers: [registry],
});

export const operationsCompiled = new Counter({
  name: 'aidgraph_graphql_operations_compiled_total',
  help: 'Operations compiled (graphql-jit) after running AIDGRAPH_COMPILE_AFTER times; again after leaving the compiled cache',
  registers: [registry],
});

export const rejections = new Counter({
  name: 'aidgraph_http_rejections_total',
  help: 'Requests refused before or instead of running, by code (RATE_LIMITED, OVERLOADED, PAYLOAD_TOO_LARGE, BAD_REQUEST, …)',
  labelNames: ['code'] as const,
  registers: [registry],
});

// Operation names come from clients: keep the label set bounded.
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();

/** The operation label for a name a client chose: itself while the set is small, else "other". */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}
