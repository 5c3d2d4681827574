// The explorer and the GraphQL IDE, built by `npm run build:web` into web/dist (see
// scripts/build-web.ts), served from the API's own origin. A browser's GET of / or /graphql with
// no query gets a page; every other request at those URLs is GraphQL, as before.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { logger } from '../telemetry/logger.js';
import { sendError } from './replies.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Pages load nothing from elsewhere, and run no script or style written into the page: scripts and
 * styles come from the service's own files only (no 'unsafe-inline', no 'unsafe-eval'). The policy
 * says so, and a browser enforces it; the browser test fails on any violation.
 */
const PAGE_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'self'",
].join('; ');

let built = false;

/** Scripts and styles under /assets/, one route per built file (no wildcard to shadow other routes). */
export async function registerExplorerAssets(app: FastifyInstance): Promise<void> {
  built = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (!built) {
    logger.warn({ dir: WEB_DIST }, 'the explorer is not built (npm run build:web); / and /graphql answer GraphQL only');
    return;
  }
  // Built files keep their names from build to build: browsers revalidate (ETag) rather than cache blindly.
  await app.register(fastifyStatic, { root: path.join(WEB_DIST, 'assets'), prefix: '/assets/', wildcard: false, index: false, cacheControl: true, maxAge: 0 });
}

/** The page a browser asks for with a plain GET (no `query` parameter, HTML accepted); undefined for API requests. */
export function pageFor(request: FastifyRequest): 'index.html' | 'graphiql.html' | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const query: unknown = request.query;
  if (typeof query === 'object' && query !== null && 'query' in query) return undefined;
  if (!(request.headers.accept ?? '').includes('text/html')) return undefined;
  return request.url.split('?')[0] === '/graphql' ? 'graphiql.html' : 'index.html';
}

export function sendPage(reply: FastifyReply, page: 'index.html' | 'graphiql.html'): FastifyReply {
  if (!built) return sendError(reply, 503, 'EXPLORER_NOT_BUILT', 'the explorer is not built: run `npm run build:web` (npm start does)');
  void reply.header('content-security-policy', PAGE_POLICY).header('cache-control', 'no-cache');
  return reply.sendFile(page, WEB_DIST);
}
