// Configuration, read once at start-up from the environment. Every variable is documented in the
// README and .env.example; a bad value stops the process with a message that says how to fix it.
import path from 'node:path';
import { z } from 'zod';
import { GAZETTEER_DEPTHS, type GazetteerDepth } from './gazetteer/division-list.js';

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int()
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

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
  AIDGRAPH_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'AIDGRAPH_NEO4J_HEAP must look like 512m or 1g').default('512m'),
  AIDGRAPH_NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'AIDGRAPH_NEO4J_PAGECACHE must look like 256m').default('256m'),
  AIDGRAPH_SEED: z.enum(['true', 'false']).default('true'),
  AIDGRAPH_GAZETTEER: z.enum(GAZETTEER_DEPTHS as [GazetteerDepth, ...GazetteerDepth[]], {
    error: `AIDGRAPH_GAZETTEER must be one of ${GAZETTEER_DEPTHS.join(', ')}`,
  }).default('village'),
  AIDGRAPH_GAZETTEER_PROVINCES: z
    .string()
    .regex(/^(all|\d{2}(,\d{2})*)$/, 'AIDGRAPH_GAZETTEER_PROVINCES must be "all" or two-digit province codes, e.g. 54,21')
    .default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Set when the service uses a Neo4j it does not start itself. */
  neo4j: { uri: string; username: string; password: string; database?: string } | undefined;
  queryTimeoutMs: number;
  dataDir: string;
  local: { boltPort: number; heap: string; pageCache: string };
  seedOnStart: boolean;
  /** How deep the official division list is loaded, and for which provinces (null: all). */
  gazetteer: { depth: GazetteerDepth; provinces: string[] | null };
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see README, "Configuration"):\n${lines.join('\n')}`);
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
    gazetteer: {
      depth: e.AIDGRAPH_GAZETTEER,
      provinces: e.AIDGRAPH_GAZETTEER_PROVINCES === 'all' ? null : e.AIDGRAPH_GAZETTEER_PROVINCES.split(','),
    },
    logLevel: e.LOG_LEVEL,
  };
}
