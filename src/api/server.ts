// createServer() builds the Apollo server: schema, limits, error masking, accounting. http.ts
// serves it; tests start it on a free port against their own Neo4j.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { addResolversToSchema, buildSubgraphSchema } from '@apollo/subgraph';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, getNullableType, GraphQLError, isListType, parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './context.js';
import { executionGateway, type ExecutionOptions } from './execution.js';
import { FEDERATION_TYPE_DEFS, referenceResolvers } from './federation.js';
import { MAX_LIST_ITEMS } from './list-budget.js';
import { logger } from '../telemetry/logger.js';
import { operationLabel, requestDuration, statementsPerRequest } from '../telemetry/metrics.js';
import { resolvers } from './resolvers.js';
import { CODE_VERSION } from './version.js';

export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

/** The SDL, base first, then each domain file. */
export function loadTypeDefs(): string {
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).sort((a, b) =>
    a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b));
  return files.map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')).join('\n');
}

const tooLarge = () =>
  new GraphQLError(`The answer would hold more than ${MAX_LIST_ITEMS} list items; ask for fewer levels, use first/limit, or filter.`, {
    extensions: { code: 'RESULT_TOO_LARGE', maxListItems: MAX_LIST_ITEMS },
  });

/** A list's items, spent from the request's budget (a list past it is an error). */
function spent(ctx: RequestContext, result: unknown): unknown {
  if (Array.isArray(result) && !ctx.listBudget.spend(result.length)) throw tooLarge();
  return result;
}

/**
 * Wraps every list-returning field (ours and default ones) to count its items against the request's
 * budget. A list at hand stays at hand: a walk read ahead answers its levels without a promise.
 */
function withListBudget(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      if (!isListType(getNullableType(field.type))) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, ctx: RequestContext, info) => {
          if (ctx.listBudget.exceeded) return [];
          const result: unknown = resolve(source, args, ctx, info);
          return result instanceof Promise ? result.then((list: unknown) => spent(ctx, list)) : spent(ctx, result);
        },
      };
    },
  });
}

/** Per-request accounting: Cypher statements run (`extensions.cypherStatements`), the list budget, and the code version. */
const requestAccounting: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (contextValue.listBudget.exceeded) {
          // No partial answer: the whole response is the one error.
          result.data = null;
          result.errors = [tooLarge().toJSON()];
        }
        result.extensions = { ...result.extensions, cypherStatements: contextValue.graph.statements, version: CODE_VERSION };
      },
    };
  },
};

/** Prometheus: duration by operation and outcome (after accounting, so RESULT_TOO_LARGE counts as such), statements per request. */
const requestMetrics: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ request, operationName, response, contextValue }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const outcome = errors?.length ? String(errors[0]!.extensions?.code ?? 'ERROR') : 'ok';
        requestDuration.observe({ operation: operationLabel(operationName ?? request.operationName), outcome }, (performance.now() - started) / 1000);
        statementsPerRequest.observe(contextValue.graph.statements);
      },
    };
  },
};

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'RESULT_TOO_LARGE', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT',
  'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'OVERLOADED',
]);

/** Expected errors pass through; anything else reaches the client without internals (unexpectedErrors logs it). */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) return formatted;
  return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs what formatError masks, with the request's id (formatError is not told which request it serves). */
const unexpectedErrors: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (PUBLIC_CODES.has(String(error.extensions?.code ?? ''))) continue;
          logger.error({ reqId: contextValue.reqId, err: unwrapResolverError(error), path: error.path }, 'unexpected error');
        }
      },
    };
  },
};

/**
 * The SDL as a federation subgraph (federation.ts), with every module's resolvers attached in turn,
 * so two modules may each resolve fields of one type (Query, GraphStats, …), then the entity types'
 * reference resolvers.
 */
function subgraphSchema(): GraphQLSchema {
  const schema = buildSubgraphSchema(parse(`${loadTypeDefs()}\n${FEDERATION_TYPE_DEFS}`));
  for (const moduleResolvers of [...resolvers, referenceResolvers]) addResolversToSchema(schema, moduleResolvers);
  return schema;
}

/** The schema as served: the subgraph with every list field counted against the request's budget. */
export const apiSchema = (): GraphQLSchema => withListBudget(subgraphSchema());

/**
 * Query limits: depth, aliases, directives, tokens and cost are all bounded. GraphQL Armor checks
 * all but tokens; the token bound is graphql-js's own (parseOptions below): Armor's Apollo plugin
 * counts them with a second parse, in a hook whose refusal escapes Apollo's request pipeline as a
 * 500 that no plugin sees, where graphql-js refuses inside the parse as a syntax error (a 400).
 */
export const QUERY_LIMITS = {
  maxDepth: { n: 12 },
  maxAliases: { n: 30 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 2000 },
  costLimit: { maxCost: 20000 },
};

export function createServer(extraPlugins: ApolloServerPlugin<RequestContext>[], execution: ExecutionOptions): ApolloServer<RequestContext> {
  const armor = new ApolloArmor({ ...QUERY_LIMITS, maxTokens: { ...QUERY_LIMITS.maxTokens, enabled: false } });
  const protection = armor.protect();
  return new ApolloServer<RequestContext>({
    // A federation subgraph that also serves clients directly, as before; hot operations run compiled.
    gateway: executionGateway(apiSchema(), execution),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    parseOptions: { maxLexicalTokens: QUERY_LIMITS.maxTokens.n },
    // Armor ships CJS typings of Apollo's plugin type; the runtime objects are the same.
    // Status and cache headers are the HTTP layer's (http/answer-head.ts: by data version), not per-field hints.
    // No landing page: Apollo's loads from a CDN; browsers get the explorer and GraphiQL (http/explorer.ts).
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      requestAccounting, requestMetrics, unexpectedErrors, ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(),
      // A subgraph would otherwise trace every request for a gateway's usage reporting, which we do not run.
      ApolloServerPluginInlineTraceDisabled(), ...extraPlugins,
    ],
    validationRules: protection.validationRules,
  });
}
