// One structured logger (pino) for the whole process; JSON in production, readable on a terminal.
import { pino } from 'pino';
import { requestScope } from './request-scope.js';

// Read before config.ts validates the environment, so an unknown level falls back rather than crash;
// loadConfig() then reports it.
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const level = LEVELS.includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : 'info';

export const logger = pino({
  level,
  base: { app: 'aidgraph' },
  // The request being served, if any, on every line (see request-scope.ts).
  mixin: () => {
    const scope = requestScope.getStore();
    return scope ? { reqId: scope.reqId } : {}; // a fresh object: pino merges into it
  },
  ...(process.stdout.isTTY && !process.env.CI
    ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } }
    : {}),
});
export type Logger = typeof logger;
