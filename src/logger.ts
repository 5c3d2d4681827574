// One structured logger (pino) for the whole process; JSON in production, readable on a terminal.
import { pino } from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'aidgraph' },
  ...(process.stdout.isTTY && !process.env.CI
    ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } }
    : {}),
});
export type Logger = typeof logger;
