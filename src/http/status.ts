// Status codes per the GraphQL-over-HTTP spec. A request error (the answer has no "data": the
// document did not parse or validate, so nothing ran) is a client error: 400 for
// `application/graphql-response+json` (the spec's MUST: 4xx or 5xx, never 200), and never a 5xx
// whatever was asked for (GraphQL Armor's token limit, run at parse time, surfaces as one).
import type { FastifyReply } from 'fastify';

const CLIENT_FAULTS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

export function fixRequestErrorStatus(reply: FastifyReply, body: unknown): void {
  if (typeof body !== 'string' || (reply.statusCode !== 200 && reply.statusCode < 500)) return;
  if (body.startsWith('{"data"')) return; // Apollo writes data first: the common case costs no parse
  let parsed: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return;
  }
  if ('data' in parsed || !parsed.errors?.length) return;
  const clientFault = parsed.errors.every((e) => CLIENT_FAULTS.has(String(e.extensions?.code)));
  const media = String(reply.getHeader('content-type') ?? '');
  if (reply.statusCode >= 500 && clientFault) void reply.code(400);
  else if (reply.statusCode === 200 && media.startsWith('application/graphql-response+json')) {
    // PERSISTED_QUERY_NOT_FOUND keeps 200 with plain JSON (APQ clients expect it) but not here.
    void reply.code(clientFault ? 400 : 500);
  }
}
