// HTTP caching of GET answers. The graph changes only when a load commits (data-version.ts), so
// an answer is identified by the data version and what was asked (path and query string, and the
// media type asked for). A client that sends the ETag back gets 304 without the query running.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dataVersion } from '../api/data-version.js';

/** The ETag a GET answer to this request has at the current data version. */
export function etagFor(request: FastifyRequest): string {
  const asked = createHash('sha256').update(`${request.url}\n${request.headers.accept ?? ''}`).digest('base64url').slice(0, 22);
  return `W/"${dataVersion()}-${asked}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || `W/${tag}` === etag;
  });
}

/** preHandler for GraphQL GETs: answers 304 when the client already holds this answer at this data version. */
export function notModified(request: FastifyRequest, reply: FastifyReply, maxAgeS: number): boolean {
  if (request.method !== 'GET') return false;
  const etag = etagFor(request);
  if (!matches(request.headers['if-none-match'], etag)) return false;
  void reply.code(304).header('etag', etag).header('cache-control', cacheControl(maxAgeS)).header('vary', 'accept, accept-encoding').send();
  return true;
}

const cacheControl = (maxAgeS: number) => (maxAgeS > 0 ? `public, max-age=${maxAgeS}` : 'public, no-cache');

/**
 * After Apollo answered: a successful GET (200, no errors) is cacheable and tagged; anything else
 * (POST, errors, which may be passing, such as an unavailable database) is not stored.
 */
export function tagAnswer(request: FastifyRequest, reply: FastifyReply, body: unknown, maxAgeS: number): void {
  const ok = request.method === 'GET' && reply.statusCode === 200 && typeof body === 'string' && !hasErrors(body);
  if (!ok) {
    void reply.header('cache-control', 'no-store');
    return;
  }
  void reply.header('etag', etagFor(request)).header('cache-control', cacheControl(maxAgeS)).header('vary', 'accept, accept-encoding');
}

/**
 * Whether the answer holds errors, without parsing it (answers can be large): outside strings,
 * where quotes are escaped, `"errors":[` only appears as a key. A nested JSON property of that
 * name would only make an answer uncacheable.
 */
function hasErrors(body: string): boolean {
  return !body.startsWith('{"data"') || body.includes('"errors":[');
}
