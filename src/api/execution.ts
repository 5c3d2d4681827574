// How operations run. An operation clients send again and again (the explorer's, another service's,
// a dashboard's) is compiled by graphql-jit, once it has run `compileAfter` times, into a plain
// function over the schema's own resolvers; until then graphql-js runs it, as Apollo would, so a
// one-off question never pays for compiling (milliseconds: many times what running it costs).
// Apollo lets another executor in only through its gateway hook; parsing, validation, the query
// limits and every plugin stay Apollo's.
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute, getNamedType, getVariableValues, GraphQLError, isAbstractType, isCompositeType, Kind, printSchema,
  type DocumentNode, type ExecutionResult, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { logger } from '../telemetry/logger.js';
import { operationsCompiled } from '../telemetry/metrics.js';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];

export interface ExecutionOptions {
  /** Runs of one operation after which it is compiled; 0 never compiles. */
  compileAfter: number;
  /** Compiled operations kept at most; the least recently run go first (and compile again if they come back). */
  maxCompiled?: number;
}

/**
 * The most fields an operation's compiled code may hold (see compiledFields), and all compiled
 * operations together. graphql-jit writes a field's code again for each type an abstract type
 * may be, level under level: five levels of `relationships { from { … } }` over Entity's types
 * would be 4.4 million fields of code, and compiling it ran the process out of memory. Measured
 * here, a field of compiled code costs 0.2–1 KB and 15–40 µs to compile (the county's walk: 749
 * fields, 160 KB, 13 ms; 2,341 fields once places had six types and names, locations and
 * programmes), so an operation compiles in well under 150 ms and all of them hold at most about 100 MB. Larger operations stay with graphql-js, which walks only the types the
 * answer holds.
 */
export const MAX_COMPILED_FIELDS = 3_000;
const MAX_COMPILED_FIELDS_HELD = 100_000;

/** One operation of one parsed document: how often it ran, and whether it can be compiled at all. */
interface Operation { runs: number; uncompilable?: true }

/**
 * How many fields graphql-jit's code for an operation holds, at most: each selected field counts
 * once for each type its parent may be. Counted by multiplying per level, not by enumerating, and
 * stopping past `limit`, so a deep operation costs no more to count than its text is long.
 */
export function compiledFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, limit = MAX_COMPILED_FIELDS): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const typesOf = (t: GraphQLNamedType) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 1);
  const count = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (n > limit) break;
      if (sel.kind === Kind.FIELD) {
        const field = isCompositeType(parent) && 'getFields' in parent ? parent.getFields()[sel.name.value] : undefined;
        const type = field ? getNamedType(field.type) : undefined;
        n += 1 + (sel.selectionSet && type ? typesOf(type) * count(sel.selectionSet, type) : 0);
      } else {
        const on = sel.kind === Kind.INLINE_FRAGMENT ? sel.typeCondition : fragments.get(sel.name.value)?.typeCondition;
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
        const type = on ? schema.getType(on.name.value) : parent;
        if (inner && type) n += count(inner, type);
      }
    }
    return Math.min(n, limit + 1);
  };
  const root = schema.getRootType(operation.operation);
  return root ? count(operation.selectionSet, root) : 0;
}

export function executionGateway(schema: GraphQLSchema, { compileAfter, maxCompiled = 500 }: ExecutionOptions): Gateway {
  // Apollo's document store hands back the same DocumentNode for the same query text, so counts
  // live as long as the parsed document; the compiled functions (tens of KB each) are bounded apart.
  const operations = new WeakMap<DocumentNode, Map<string | null, Operation>>();
  const compiled = new LRUCache<Operation, { query: CompiledQuery; fields: number }>({
    max: maxCompiled, maxSize: MAX_COMPILED_FIELDS_HELD, sizeCalculation: ({ fields }) => Math.max(1, fields),
  });

  const operationOf = (document: DocumentNode, name: string | null): Operation => {
    let byName = operations.get(document);
    if (!byName) operations.set(document, (byName = new Map()));
    let op = byName.get(name);
    if (!op) byName.set(name, (op = { runs: 0 }));
    return op;
  };

  const compiledFor = (op: Operation, document: DocumentNode, operation: OperationDefinitionNode, name: string | null): CompiledQuery | undefined => {
    const found = compiled.get(op);
    if (found || op.uncompilable) return found?.query;
    const fields = compiledFields(schema, document, operation);
    if (fields > MAX_COMPILED_FIELDS) {
      op.uncompilable = true;
      return undefined;
    }
    const made = compileQuery(schema, document, name ?? undefined);
    if (!isCompiledQuery(made)) {
      // Validation passed, so this is a limit of the compiler: graphql-js keeps running it.
      op.uncompilable = true;
      logger.warn({ operation: name, errors: made.errors?.map((e) => e.message) }, 'operation not compiled; graphql-js runs it');
      return undefined;
    }
    operationsCompiled.inc();
    compiled.set(op, { query: made, fields });
    return made;
  };

  // `name` is the operation Apollo resolved (null for a document's one unnamed operation).
  const run = async (document: DocumentNode, operation: OperationDefinitionNode, name: string | null, context: object,
    variables: Record<string, unknown> | undefined): Promise<ExecutionResult> => {
    const op = operationOf(document, name);
    op.runs += 1;
    const query = compileAfter > 0 && op.runs >= compileAfter ? compiledFor(op, document, operation, name) : undefined;
    if (!query) return execute({ schema, document, contextValue: context, variableValues: variables, operationName: name ?? undefined });
    // Variables are coerced by graphql-js, as for an operation not compiled: its errors name the
    // variable's definition, which Apollo answers as BAD_USER_INPUT with a 400, and it fills in an
    // input object's defaulted fields, which graphql-jit 0.8.9 refuses as missing. graphql-jit
    // checks the coerced values again; every input scalar of the schema (ID, String, Int, Float,
    // Boolean, enums without internal values) takes its own output unchanged.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, context, coerced.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    async load() {
      return {
        executor: ({ document, operation, operationName, context, request }) => run(document, operation, operationName, context, request.variables),
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors hold their message read-only, and plugins rewrite messages (Armor strips
 * field suggestions from every error): each becomes graphql-js's own error, with the same message,
 * locations, path, cause and extensions.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const plain = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  Object.defineProperty(plain, 'locations', { value: error.locations, enumerable: error.locations !== undefined, writable: true, configurable: true });
  return plain;
}
