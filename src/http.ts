// The HTTP side: GraphQL on any path (as Apollo's standalone server does), GET /health for
// probes, CORS for browser clients, a body-size limit, and a stop that does not linger.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import bodyParser from 'body-parser';
import cors from 'cors';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createContext, type RequestContext } from './context.js';
import type { Graph } from './db/graph.js';
import { logger } from './logger.js';
import { createServer } from './server.js';
import { CODE_VERSION, healthVersions } from './version.js';

/** A GraphQL document with its variables fits easily; anything bigger is refused with 413. */
const MAX_BODY = '1mb';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

type Next = (err?: unknown) => void;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function health(graph: Graph, res: http.ServerResponse): Promise<void> {
  try {
    sendJson(res, 200, { status: 'ok', neo4j: await graph.serverVersion(), ...(await healthVersions(graph)) });
  } catch {
    sendJson(res, 503, { status: 'unavailable', reason: 'the graph database does not answer', version: CODE_VERSION });
  }
}

async function graphql(apollo: ApolloServer<RequestContext>, graph: Graph, req: http.IncomingMessage & { body?: unknown }, res: http.ServerResponse) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: new URL(req.url ?? '/', 'http://localhost').search,
      body: req.body,
    },
    context: async () => createContext(graph),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export async function listen(graph: Graph, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const corsHandler = cors();
  const jsonHandler = bodyParser.json({ limit: MAX_BODY });
  let apollo: ApolloServer<RequestContext> | undefined;

  const httpServer = http.createServer((req, res) => {
    const fail = (err: unknown) => {
      const status = (err as { status?: number }).status ?? 500;
      if (status >= 500) logger.error({ err }, 'HTTP request failed');
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: status === 413 ? `request body over ${MAX_BODY}` : 'bad request', extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
      else res.end();
    };
    corsHandler(req, res, ((err?: unknown) => {
      if (err) return fail(err);
      if (req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === '/health') {
        return void health(graph, res);
      }
      jsonHandler(req, res, ((err2?: unknown) => {
        if (err2) return fail(err2);
        graphql(apollo!, graph, req, res).catch(fail);
      }) as Next);
    }) as Next);
  });

  // Drain: in-flight requests get a moment to finish, idle keep-alive connections close at once.
  apollo = createServer([ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3_000 })]);
  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/`,
    stop: () => apollo!.stop(),
  };
}
