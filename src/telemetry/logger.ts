// One structured logger (pino) for the whole process; JSON in production, readable on a terminal.
import { pino } from 'pino';

// Read before config.ts validates the environment, so an unknown level falls back rather than crash;
// loadConfig() then reports it.
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const level = LEVELS.includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : 'info';

export const logger = pino({
  level,
  base: { app: 'aidgraph' },
  // A line written while serving a request names it (`reqId`): the request, its Graph view and its
  // context carry the id to each place that logs (src/http/listen.ts, src/db/graph.ts, src/api/server.ts).
  ...(process.stdout.isTTY && !process.env.CI
    ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } }
    : {}),
});
export type Logger = typeof logger;
