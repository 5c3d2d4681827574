// HTTP-level refusals in the same shape as GraphQL errors ({ errors: [{ message, extensions.code }] }),
// so a client reads a 413, 429 or 503 the way it reads any other error. Each is counted by code.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { logger } from '../telemetry/logger.js';
import { rejections } from '../telemetry/metrics.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  rejections.inc({ code });
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** Fastify's and its plugins' errors (body limit, rate limit, load shedding, bad JSON) as GraphQL-shaped answers. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = err.statusCode ?? 500;
  if (status === 413) return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', `request body over ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  if (status === 429) return sendError(reply, 429, 'RATE_LIMITED', `too many requests from this client; retry after ${reply.getHeader('retry-after') ?? 60} s`);
  if (status === 503 && err.code === 'FST_UNDER_PRESSURE') {
    return sendError(reply, 503, 'OVERLOADED', `the server is overloaded; retry after ${reply.getHeader('retry-after')} s`);
  }
  if (status >= 400 && status < 500) return sendError(reply, status, 'BAD_REQUEST', err.message);
  logger.error({ reqId: request.id, err, url: request.url.slice(0, 200) }, 'HTTP request failed');
  return sendError(reply, 500, 'INTERNAL_SERVER_ERROR', 'Internal error');
}
