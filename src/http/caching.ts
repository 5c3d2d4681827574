// HTTP caching of GET answers. The graph changes only when a load commits (data-version.ts), so
// an answer is identified by the data version and what was asked (the query string, and the media
// type asked for). A client that sends the ETag back gets 304 without the query running.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dataVersion } from '../api/data-version.js';

/**
 * The ETag of a GET answer at the current data version. `search` is the query string as Apollo
 * reads it (`new URL(url).search`): the Fastify side (notModified) and Apollo's side (answer-head.ts)
 * compute it from the same string.
 */
export function etagFor(search: string, accept: string | undefined): string {
  const asked = createHash('sha256').update(`${search}\n${accept ?? ''}`).digest('base64url').slice(0, 22);
  return `W/"${dataVersion()}-${asked}"`;
}

/** The query string of a request as Apollo's Fastify integration hands it to Apollo. */
const searchOf = (request: FastifyRequest): string => new URL(request.url, 'http://localhost/').search;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || `W/${tag}` === etag;
  });
}

export const cacheControl = (maxAgeS: number): string => (maxAgeS > 0 ? `public, max-age=${maxAgeS}` : 'public, no-cache');
/** Caches keep one answer per media type and encoding asked for. */
export const VARY = 'accept, accept-encoding';

/** preHandler for GraphQL GETs: answers 304 when the client already holds this answer at this data version. */
export function notModified(request: FastifyRequest, reply: FastifyReply, maxAgeS: number): boolean {
  if (request.method !== 'GET') return false;
  const etag = etagFor(searchOf(request), request.headers.accept);
  if (!matches(request.headers['if-none-match'], etag)) return false;
  void reply.code(304).header('etag', etag).header('cache-control', cacheControl(maxAgeS)).header('vary', VARY).send();
  return true;
}
