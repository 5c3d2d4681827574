// The HTTP side, on Fastify: GraphQL at / (GET and POST; GET answers cacheable by data version),
// GET /health for probes, GET /metrics for Prometheus; security headers, compression, CORS, a 1 MB
// body limit, a per-client rate limit, load shedding when the event loop lags, a request id on
// every response and log line, and a stop that lets every accepted request finish (idle
// connections close at once; requests in flight get the query timeout plus a second).
//
// A browser's plain GET of / gets the explorer and of /graphql the GraphQL IDE (http/explorer.ts):
// only with `accept: text/html` and no `query` parameter, so GET queries at / keep working.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteGenericInterface } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyUnderPressure from '@fastify/under-pressure';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import helmet from 'helmet';
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from '../app/config.js';
import { createContext, type RequestContext } from '../api/context.js';
import { bumpDataVersion, followDataStamp } from '../api/data-version.js';
import type { Graph } from '../db/graph.js';
import { notModified } from './caching.js';
import { answerHead } from './answer-head.js';
import { pageFor, registerExplorerAssets, sendPage } from './explorer.js';
import { errorHandler, MAX_BODY_BYTES, sendError } from './replies.js';
import { registerServicesForOthers } from './for-services.js';
import { logger } from '../telemetry/logger.js';
import { registry } from '../telemetry/metrics.js';
import { createServer } from '../api/server.js';
import { CODE_VERSION, healthVersions } from '../api/version.js';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export interface ListenOptions extends HttpOptions {
  /** How long requests in flight may run on after a stop begins; then connections close. */
  drainMs: number;
  /** How often the event-loop delay is sampled for load shedding (ms); tests shorten it. */
  shedSampleMs: number;
  /** How often the graph's data stamp is read, so ETags change after a load by another process (ms). */
  stampFollowMs: number;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Security headers on every response, chosen by helmet, its middleware built once: the fastify
 * plugin built a new one for every request (4–7% of the Node CPU of a search, measured).
 */
const securityHeaders = helmet({
  // Answers that are not pages (JSON, JSON-LD, metrics) may load and run nothing at all; the
  // explorer's and GraphiQL's pages replace this with their own policy (http/explorer.ts).
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginEmbedderPolicy: false,
  // The data is public: other sites may load it.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
});
/** helmet 8 throws its errors (a bad option, at start-up) rather than passing them on. */
const noError = (): void => undefined;
/** Probes and scrapes: never rate-limited or shed, so they tell the truth under load. */
const OPERATIONAL = { rateLimit: false, pressureHandler: () => undefined } as const;

/** Requests received and not yet answered, and those whose connection closed before their answer was sent. */
interface InFlight { now: number; unfinished: number }

/**
 * Apollo's drain for Fastify: the listener closes, idle connections at once, in-flight requests
 * get drainMs. The log says how many requests were in flight and whether every one was answered.
 */
function drainPlugin(app: FastifyInstance, drainMs: number, inFlight: InFlight): ApolloServerPlugin<RequestContext> {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          const atStop = inFlight.now;
          const unfinishedBefore = inFlight.unfinished;
          logger.info({ inFlight: atStop }, 'draining HTTP');
          const timer = setTimeout(() => app.server.closeAllConnections(), drainMs);
          await app.close();
          clearTimeout(timer);
          const unfinished = inFlight.unfinished - unfinishedBefore;
          logger[unfinished ? 'warn' : 'info']({ inFlight: atStop, unfinished }, 'HTTP drained');
        },
      };
    },
  };
}

/** The explorer's scripts and styles (web/dist/assets); its pages are sent by the GraphQL routes. */
async function registerStatic(app: FastifyInstance): Promise<void> {
  await registerExplorerAssets(app);
}

export async function buildHttpApp(graph: Graph, opts: ListenOptions): Promise<{ app: FastifyInstance; apollo: ApolloServer<RequestContext> }> {
  const app = Fastify({
    logger: false, // one logger for the process: pino from logger.ts, request id mixed in
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: opts.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  // The request id: in a response header, and on every log line written while serving it (each
  // passes it along: the request's Graph view and context carry it).
  const inFlight: InFlight = { now: 0, unfinished: 0 };
  app.addHook('onRequest', (request, reply, done) => {
    inFlight.now += 1;
    reply.raw.once('close', () => {
      inFlight.now -= 1;
      if (!reply.raw.writableFinished) inFlight.unfinished += 1;
    });
    void reply.header('x-request-id', request.id);
    securityHeaders(request.raw, reply.raw, noError);
    done();
  });
  // The level is fixed for the process: below `info` no request line is written, and no hook runs.
  if (logger.isLevelEnabled('info')) {
    app.addHook('onResponse', (request, reply, done) => {
      logger.info({ reqId: request.id, method: request.method, url: request.url.slice(0, 200), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed');
      done();
    });
  }
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'NOT_FOUND', `nothing at ${request.method} ${request.url.split('?')[0]!.slice(0, 100)}`));

  await app.register(fastifyCors, { origin: '*', methods: ['GET', 'HEAD', 'POST'], exposedHeaders: ['etag', 'retry-after', 'x-request-id'], maxAge: 600 });
  await app.register(fastifyCompress, { threshold: 1024 });
  if (opts.shedLagMs > 0) {
    await app.register(fastifyUnderPressure, { maxEventLoopDelay: opts.shedLagMs, retryAfter: 5, sampleInterval: opts.shedSampleMs });
  }
  if (opts.rateLimitPerMinute > 0) {
    await app.register(fastifyRateLimit, { max: opts.rateLimitPerMinute, timeWindow: 60_000 });
  }
  await registerStatic(app);

  // answerHead last: it reads each answer after the other plugins have changed it (a list budget
  // run out turns it into an error, which no cache may keep).
  const apollo = createServer([drainPlugin(app, opts.drainMs, inFlight), answerHead(opts.cacheMaxAgeS)], { compileAfter: opts.compileAfter });
  await apollo.start();
  const answer = fastifyApolloHandler(apollo, { context: async (request) => createContext(graph, request.id) });

  app.get('/health', { config: OPERATIONAL }, async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    try {
      return { status: 'ok', neo4j: await graph.serverVersion(), ...(await healthVersions(graph)) };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'the graph database does not answer', version: CODE_VERSION });
    }
  });
  app.get('/metrics', { config: OPERATIONAL }, async (_request, reply) => {
    void reply.header('cache-control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });

  registerServicesForOthers(app, graph); // /id/{id} (linked data), /reconcile

  const graphqlRoute = {
    method: ['GET', 'POST'] satisfies Array<'GET' | 'POST'>,
    // A callback, not an async function: a POST (nearly every query) passes without a promise.
    preHandler: (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      // Apollo builds a URL from the Host header; one that cannot be a host is a bad request, not a crash.
      try {
        new URL(request.url, `${request.protocol}://${request.hostname}/`);
      } catch {
        void sendError(reply, 400, 'BAD_REQUEST', 'malformed Host header');
        return;
      }
      // Replying here ends the request: the route's handler does not run (and `done` is not called).
      const page = pageFor(request);
      if (page) void sendPage(reply, page);
      else if (!notModified(request, reply, opts.cacheMaxAgeS)) done();
    },
    // Status and cache headers come with Apollo's answer (answer-head.ts); an answer Apollo gives
    // before its pipeline runs (a CSRF refusal) keeps this `no-store`.
    handler: (request: FastifyRequest<GraphQLRoute>, reply: FastifyReply<GraphQLRoute>) => {
      void reply.header('cache-control', 'no-store');
      return answer.call(app, request, reply);
    },
  };
  app.route({ ...graphqlRoute, url: '/' });
  app.route({ ...graphqlRoute, url: '/graphql' });
  return { app, apollo };
}

/** The GraphQL route as @as-integrations/fastify types its handler: the answer is a string. */
interface GraphQLRoute extends RouteGenericInterface { Reply: string }

/** Where to listen, and the HTTP settings; what is not given takes its production default. */
export interface ListenConfig extends Partial<ListenOptions> {
  /** 0 picks a free port (tests, benchmarks). */
  port: number;
  host?: string;
}

export async function listen(graph: Graph, { port, host = '127.0.0.1', ...options }: ListenConfig): Promise<RunningServer> {
  // drainMs: every accepted request can finish, as its statements time out by then (the default
  // query timeout, 15 s, plus a second to answer); the service passes its configured timeout's.
  const opts: ListenOptions = { ...DEFAULT_HTTP_OPTIONS, shedSampleMs: 1_000, drainMs: 16_000, stampFollowMs: 5_000, ...options };
  const { app, apollo } = await buildHttpApp(graph, opts);
  await app.listen({ port, host });
  bumpDataVersion(); // start-up loads are done by now: answers from before are stale
  const stamp = followDataStamp(graph, opts.stampFollowMs);
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the HTTP server is not listening on a TCP port');
  return {
    url: `http://${address.address}:${address.port}/`,
    stop: () => {
      stamp.stop();
      return apollo.stop();
    },
  };
}
