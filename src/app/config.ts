// Configuration, read once at start-up from the environment. Every variable is documented in the
// docs/operations.md and .env.example; a bad value stops the process with a message that says how to fix it.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_READ_CONCURRENCY } from '../db/graph.js';
import { GAZETTEER_DEPTHS, type GazetteerDepth } from '../domain/division-codes.js';

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int()
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

/** A whole number, 0 or more (0 turns the feature off where docs/operations.md says so). */
const count = (name: string, fallback: number) =>
  z.coerce.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`).default(fallback);

const EnvSchema = z.object({
  PORT: port('PORT', 4000),
  HOST: z.string().default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'NEO4J_URI must look like bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  AIDGRAPH_DATA_DIR: z.string().default('.data'),
  AIDGRAPH_NEO4J_BOLT_PORT: port('AIDGRAPH_NEO4J_BOLT_PORT', 7687),
  // Unset: derived from the machine's memory and the store's size (src/db/memory.ts).
  AIDGRAPH_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'AIDGRAPH_NEO4J_HEAP must look like 512m or 1g').optional(),
  AIDGRAPH_NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'AIDGRAPH_NEO4J_PAGECACHE must look like 256m').optional(),
  AIDGRAPH_SEED: z.enum(['true', 'false']).default('true'),
  AIDGRAPH_INCLUDE_DRAFTS: z.enum(['true', 'false']).default('false'),
  AIDGRAPH_GAZETTEER: z.enum(GAZETTEER_DEPTHS, {
    error: `AIDGRAPH_GAZETTEER must be one of ${GAZETTEER_DEPTHS.join(', ')}`,
  }).default('village'),
  // With AIDGRAPH_GAZETTEER_PROVINCES: the whole country down to this level beside them (off: none).
  AIDGRAPH_GAZETTEER_OUTLINE: z.enum(GAZETTEER_DEPTHS, {
    error: `AIDGRAPH_GAZETTEER_OUTLINE must be one of ${GAZETTEER_DEPTHS.join(', ')}`,
  }).optional(),
  AIDGRAPH_GAZETTEER_PROVINCES: z
    .string()
    .regex(/^(all|\d{2}(,\d{2})*)$/, 'AIDGRAPH_GAZETTEER_PROVINCES must be "all" or two-digit province codes, e.g. 54,21')
    .default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AIDGRAPH_RATE_LIMIT: count('AIDGRAPH_RATE_LIMIT', 1200),
  AIDGRAPH_SHED_LAG_MS: count('AIDGRAPH_SHED_LAG_MS', 1000),
  AIDGRAPH_CACHE_MAX_AGE_S: count('AIDGRAPH_CACHE_MAX_AGE_S', 60),
  AIDGRAPH_SLOW_STATEMENT_MS: count('AIDGRAPH_SLOW_STATEMENT_MS', 500),
  AIDGRAPH_COMPILE_AFTER: count('AIDGRAPH_COMPILE_AFTER', 20),
  AIDGRAPH_NEO4J_READ_CONCURRENCY: z.coerce
    .number({ error: 'AIDGRAPH_NEO4J_READ_CONCURRENCY must be a whole number' })
    .int('AIDGRAPH_NEO4J_READ_CONCURRENCY must be a whole number')
    .min(1, 'AIDGRAPH_NEO4J_READ_CONCURRENCY must be 1 or more')
    .default(DEFAULT_READ_CONCURRENCY),
  AIDGRAPH_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  AIDGRAPH_HIDE_UNCITED: z.enum(['true', 'false']).default('true'),
});

export interface Config {
  port: number;
  host: string;
  /** Set when the service uses a Neo4j it does not start itself. */
  neo4j: { uri: string; username: string; password: string; database?: string } | undefined;
  queryTimeoutMs: number;
  dataDir: string;
  /** Heap and page cache are undefined when they should be derived from the machine (src/db/memory.ts). */
  local: { boltPort: number; heap: string | undefined; pageCache: string | undefined };
  seedOnStart: boolean;
  /** Load seed records nobody has confirmed yet (`status: draft`); off, a load refuses them. */
  includeDrafts: boolean;
  /** How deep the official division list is loaded, and for which provinces (null: all). */
  gazetteer: { depth: GazetteerDepth; provinces: string[] | null };
  logLevel: string;
  http: HttpOptions;
  /** Statements slower than this are logged with their name, time and row count. */
  slowStatementMs: number;
  /** Read units of work sent to Neo4j at once; the rest wait their turn (src/db/graph.ts). */
  readConcurrency: number;
  /** Keep facts without the Cited marker out of API answers (src/domain/cited.ts). */
  hideUncited: boolean;
}

/** The HTTP layer's production settings; tests override them per server. */
export interface HttpOptions {
  /** Requests per minute per client (by IP); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Mean event-loop delay (ms) past which requests are shed with 503; 0 turns shedding off. */
  shedLagMs: number;
  /** max-age of cacheable GET answers (s); 0 asks clients to revalidate every time. */
  cacheMaxAgeS: number;
  /** Trust X-Forwarded-For (behind a reverse proxy), so the rate limit sees the real client. */
  trustProxy: boolean;
  /** Runs of one operation after which it runs compiled (src/api/execution.ts); 0 never compiles. */
  compileAfter: number;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = { rateLimitPerMinute: 1200, shedLagMs: 1000, cacheMaxAgeS: 60, trustProxy: false, compileAfter: 20 };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see docs/operations.md, "Configuration"):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    dataDir: path.resolve(e.AIDGRAPH_DATA_DIR),
    local: { boltPort: e.AIDGRAPH_NEO4J_BOLT_PORT, heap: e.AIDGRAPH_NEO4J_HEAP, pageCache: e.AIDGRAPH_NEO4J_PAGECACHE },
    seedOnStart: e.AIDGRAPH_SEED === 'true',
    includeDrafts: e.AIDGRAPH_INCLUDE_DRAFTS === 'true',
    gazetteer: {
      depth: e.AIDGRAPH_GAZETTEER,
      provinces: e.AIDGRAPH_GAZETTEER_PROVINCES === 'all' ? null : e.AIDGRAPH_GAZETTEER_PROVINCES.split(','),
      ...(e.AIDGRAPH_GAZETTEER_OUTLINE ? { outline: e.AIDGRAPH_GAZETTEER_OUTLINE } : {}),
    },
    logLevel: e.LOG_LEVEL,
    http: {
      rateLimitPerMinute: e.AIDGRAPH_RATE_LIMIT,
      shedLagMs: e.AIDGRAPH_SHED_LAG_MS,
      cacheMaxAgeS: e.AIDGRAPH_CACHE_MAX_AGE_S,
      trustProxy: e.AIDGRAPH_TRUST_PROXY === 'true',
      compileAfter: e.AIDGRAPH_COMPILE_AFTER,
    },
    slowStatementMs: e.AIDGRAPH_SLOW_STATEMENT_MS,
    readConcurrency: e.AIDGRAPH_NEO4J_READ_CONCURRENCY,
    hideUncited: e.AIDGRAPH_HIDE_UNCITED === 'true',
  };
}
