// The status code and cache headers of a GraphQL answer, set from the result Apollo holds (an
// Apollo plugin's willSendResponse), never by reading the serialised answer back.
//
// Status codes per the GraphQL-over-HTTP spec. A request error (the answer has no `data`: the
// document did not parse or validate, so nothing ran) is a client error: 400 for
// `application/graphql-response+json` (the spec's MUST: 4xx or 5xx, never 200), and never a 5xx
// whatever was asked for (GraphQL Armor's token limit, run at parse time, comes out of Apollo as one).
//
// Caching: a successful GET (200, no errors) is cacheable and tagged by data version (caching.ts);
// anything else (POST, errors, which may be passing, such as an unavailable database) is not stored.
// Answers Apollo gives before its request pipeline starts (a CSRF refusal, a body that is not
// JSON) pass no plugin: the route sends those with the `no-store` it sets first.
import Negotiator from 'negotiator';
import type { ApolloServerPlugin, GraphQLRequestListener, GraphQLResponse, HTTPGraphQLRequest } from '@apollo/server';
import type { RequestContext } from '../api/context.js';
import { cacheControl, etagFor, VARY } from './caching.js';

const CLIENT_FAULTS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** The media types Apollo chooses among for a single answer, as it writes them, in its order. */
const JSON_MEDIA = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_MEDIA = 'application/graphql-response+json; charset=utf-8';
const SINGLE_ANSWER_MEDIA = [JSON_MEDIA, GRAPHQL_RESPONSE_MEDIA, 'application/json; callbackSpec=1.0; charset=utf-8'];

/**
 * The media type the answer goes out as: one already chosen, else Apollo's choice for the `accept`
 * asked (plain JSON when none). Returned so the caller sets it: what is sent is what was decided on.
 */
function mediaOf(http: HTTPGraphQLRequest | undefined, chosen: string | undefined): string | undefined {
  if (chosen) return chosen;
  const accept = http?.headers.get('accept');
  if (!accept) return JSON_MEDIA;
  return new Negotiator({ headers: { accept } }).mediaType(SINGLE_ANSWER_MEDIA);
}

function setStatus(http: HTTPGraphQLRequest | undefined, response: GraphQLResponse): void {
  const result = response.body?.kind === 'single' ? response.body.singleResult : undefined;
  // `data` absent (not null): the answer is a request error.
  if (!result || result.data !== undefined || !result.errors?.length) return;
  const status = response.http.status ?? 200;
  if (status !== 200 && status < 500) return;
  const clientFault = result.errors.every((e) => CLIENT_FAULTS.has(String(e.extensions?.code)));
  if (status >= 500) {
    if (clientFault) response.http.status = 400;
    return;
  }
  // PERSISTED_QUERY_NOT_FOUND keeps 200 with plain JSON (APQ clients expect it), but not here.
  const media = mediaOf(http, response.http.headers.get('content-type'));
  if (media?.startsWith('application/graphql-response+json')) {
    response.http.headers.set('content-type', media);
    response.http.status = clientFault ? 400 : 500;
  }
}

function setCacheHeaders(http: HTTPGraphQLRequest | undefined, response: GraphQLResponse, maxAgeS: number): void {
  const single = response.body?.kind === 'single' ? response.body.singleResult : undefined;
  const ok = http?.method === 'GET' && (response.http.status ?? 200) === 200 && single !== undefined && !single.errors?.length;
  if (!ok) {
    response.http.headers.set('cache-control', 'no-store');
    return;
  }
  response.http.headers
    .set('etag', etagFor(http.search, http.headers.get('accept')))
    .set('cache-control', cacheControl(maxAgeS))
    .set('vary', VARY);
}

/** The plugin: one listener for every request (it keeps no state of its own). */
export function answerHead(cacheMaxAgeS: number): ApolloServerPlugin<RequestContext> {
  const listener: GraphQLRequestListener<RequestContext> = {
    async willSendResponse({ request, response }) {
      setStatus(request.http, response);
      setCacheHeaders(request.http, response, cacheMaxAgeS);
    },
  };
  return { requestDidStart: async () => listener };
}
