// Schema-aware fuzzing through real HTTP against the seeded graph (fast-check): operations built
// from the SDL with right and wrong arguments, variables of right and wrong types, unknown fields,
// huge and odd Unicode strings, nulls, fragments and deep selections within the limits, plus raw
// bodies that are not GraphQL requests at all. No answer may be a 5xx or INTERNAL_SERVER_ERROR, the
// server must be healthy afterwards, and each operation, compiled (graphql-jit) from its first run,
// gets the answer graphql-js gives it on a server that never compiles.
import fc from 'fast-check';
import {
  buildSchema, getNamedType, getNullableType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType,
  isObjectType, isScalarType, isUnionType, type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { loadTypeDefs } from '../../src/api/server.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
// The same graph behind a server that never compiles: graphql-js runs each operation there.
let interpreted: RunningServer;
beforeAll(async () => {
  api = await startTestApi();
  interpreted = await listen(api.graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0, compileAfter: 0 });
});
afterAll(async () => { await interpreted?.stop(); await api?.close(); });

const schema: GraphQLSchema = buildSchema(loadTypeDefs());
const KNOWN_IDS = ['city:nagqu', 'county:amdo', 'province:liaoning', 'city:dalian', 'city:shenyang', 'school:amdo-county-middle-school'];

/** Strings a client might send: real ids, short words, odd Unicode, Lucene and Cypher syntax, huge ones. */
const anyString = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...KNOWN_IDS, '', ' ', '安多', 'Nagqu', '那曲', 'a', '*', '"', '\\', '~', 'AND OR NOT', '+-&&||!(){}[]^"~*?:\\/', "') RETURN 1 //", '%', '\u0000', '\u202e', '🧭🇨🇳', 'city:', ':') },
  { weight: 30, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 10, arbitrary: fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);
// Mostly small (lists stay short, so the fuzz runs many operations), sometimes out of range or huge.
const anyInt = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53) },
);

/** A JSON value for an input type: usually of the right type, sometimes not (wrong types, nulls, junk). */
function jsonValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), anyInt, fc.boolean(), anyString, fc.constant({}), fc.constant([1, 'two']));
  const right = rightValue(type, depth);
  return fc.oneof({ weight: 8, arbitrary: right }, { weight: 2, arbitrary: wrong });
}
function rightValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return fc.array(jsonValue(t.ofType, depth + 1), { maxLength: depth > 1 ? 2 : 6 });
  if (isEnumType(t)) return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...t.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
  if (isInputObjectType(t)) {
    if (depth > 2) return fc.constant({});
    const fields = Object.values(t.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, jsonValue(f.type, depth + 1)])), { requiredKeys: [] });
  }
  switch ((t as GraphQLNamedType).name) {
    case 'Int': return anyInt;
    case 'Float': return fc.double();
    case 'Boolean': return fc.boolean();
    case 'JSONObject': return fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    default: return anyString; // ID, String, Date
  }
}

/** A JSON value written as a GraphQL literal (enum values bare). */
function literal(value: unknown, type: GraphQLInputType): string {
  const t = getNullableType(type) as GraphQLInputType;
  if (value === null || value === undefined) return 'null';
  if (isEnumType(t) && typeof value === 'string' && /^[A-Z_][A-Z0-9_]*$/.test(value)) return value;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(t) ? t.ofType : t)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(t) ? t.getFields() : {};
    return `{ ${Object.entries(value).filter(([k]) => /^[_A-Za-z]\w*$/.test(k)).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? t)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

interface Built { text: string; vars: Record<string, unknown>; defs: string[] }

const fieldName = (f: GraphQLField<unknown, unknown>) => f.name;

/** A selection set on a composite type, at most maxDepth levels deep. */
function selection(type: GraphQLNamedType, depth: number, maxDepth: number): fc.Arbitrary<Built> {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    const base = isInterfaceType(type) ? fields(type, depth, maxDepth) : fc.constant<Built>({ text: '__typename', vars: {}, defs: [] });
    return fc.tuple(base, fc.subarray(possible as GraphQLNamedType[], { maxLength: 2 })).chain(([b, types]) =>
      fc.tuple(...types.map((pt) => fields(pt, depth, maxDepth))).map((frags) => ({
        text: [b.text, ...frags.map((f, i) => `... on ${types[i]!.name} { ${f.text} }`)].join(' '),
        vars: Object.assign({}, b.vars, ...frags.map((f) => f.vars)),
        defs: [...b.defs, ...frags.flatMap((f) => f.defs)],
      })));
  }
  return fields(type, depth, maxDepth);
}

let varCounter = 0;
let aliasCounter = 0;
function fields(type: GraphQLNamedType, depth: number, maxDepth: number): fc.Arbitrary<Built> {
  if (!isObjectType(type) && !isInterfaceType(type)) return fc.constant({ text: '__typename', vars: {}, defs: [] });
  const all = Object.values(type.getFields());
  const one = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...all).chain((f) => field(f, depth, maxDepth)) },
    { weight: 1, arbitrary: fc.constantFrom('unknownField', 'id { deeper }', '__typename', '__schema { types { name } }', 'name(first: 1)').map((text) => ({ text, vars: {}, defs: [] })) },
  );
  return fc.array(one, { minLength: 1, maxLength: depth === 0 ? 2 : 3 }).map((parts) => ({
    // Unique aliases keep two picks of one field with different arguments from conflicting.
    text: parts.map((p) => (/^[a-z]\w*[ ({]|^[a-z]\w*$/i.test(p.text) ? `a${aliasCounter++}: ${p.text}` : p.text)).join(' '),
    vars: Object.assign({}, ...parts.map((p) => p.vars)),
    defs: parts.flatMap((p) => p.defs),
  }));
}

function field(f: GraphQLField<unknown, unknown>, depth: number, maxDepth: number): fc.Arbitrary<Built> {
  const args = f.args.map((a) =>
    fc.record({
      mode: fc.constantFrom('omit', 'literal', 'literal', 'variable'),
      value: jsonValue(a.type),
    }).map(({ mode, value }) => ({ name: a.name, type: a.type, mode: isNonNullType(a.type) && mode === 'omit' ? 'literal' : mode, value })));
  const named = getNamedType(f.type);
  const sub = isScalarType(named) || isEnumType(named)
    ? fc.constant<Built | undefined>(undefined)
    : depth + 1 >= maxDepth ? fc.constant<Built | undefined>({ text: '__typename', vars: {}, defs: [] }) : selection(named, depth + 1, maxDepth);
  return fc.tuple(fc.tuple(...args), sub).map(([argv, s]) => {
    const vars: Record<string, unknown> = { ...s?.vars };
    const defs = [...(s?.defs ?? [])];
    const written = argv.filter((a) => a.mode !== 'omit').map((a) => {
      if (a.mode === 'variable') {
        const v = `v${varCounter++}`;
        defs.push(`$${v}: ${a.type.toString()}`);
        vars[v] = a.value;
        return `${a.name}: $${v}`;
      }
      return `${a.name}: ${literal(a.value, a.type)}`;
    });
    const head = written.length ? `${fieldName(f)}(${written.join(', ')})` : fieldName(f);
    return { text: s ? `${head} { ${s.text} }` : head, vars, defs };
  });
}

/** One request body: mostly schema-shaped operations, some malformed ones. */
const operation: fc.Arbitrary<{ body: string; contentType: string; accept: string }> = fc.oneof(
  {
    weight: 17,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('application/json', 'application/graphql-response+json', '*/*'))
      .chain(([maxDepth, accept]) => selection(schema.getQueryType()!, 0, maxDepth).map((b) => ({
        body: JSON.stringify({ query: `query Fuzz${b.defs.length ? `(${b.defs.join(', ')})` : ''} { ${b.text} }`, variables: b.vars }),
        contentType: 'application/json',
        accept,
      }))),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.record({ query: fc.oneof(anyString, anyInt, fc.constant(null)), variables: fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyString), operationName: fc.oneof(anyString, fc.constant(null)) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }),
    ).map((body) => ({ body, contentType: 'application/json', accept: 'application/json' })),
  },
  { weight: 1, arbitrary: fc.tuple(anyString, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/graphql', 'multipart/form-data; boundary=x')).map(([body, contentType]) => ({ body, contentType, accept: '*/*' })) },
);

/**
 * Whether the compiled answer is graphql-js's. Byte for byte, except where an error nulls the whole
 * answer: graphql-js stops starting root fields at the first such error and graphql-jit does not,
 * so the compiled answer may name more errors (each one graphql-js would name for that field) and
 * count more statements.
 */
function sameAnswer(compiled: string, byGraphqlJs: string): boolean {
  if (compiled === byGraphqlJs) return true;
  const a: unknown = JSON.parse(compiled);
  const b: unknown = JSON.parse(byGraphqlJs);
  const nulled = (x: unknown): x is { data: null; errors: unknown[] } =>
    typeof x === 'object' && x !== null && 'data' in x && x.data === null && 'errors' in x && Array.isArray(x.errors);
  if (!nulled(a) || !nulled(b)) return sameButStatements(a, b);
  const named = new Set(a.errors.map((e) => JSON.stringify(e)));
  return b.errors.length > 0 && b.errors.every((e) => named.has(JSON.stringify(e)));
}

/**
 * An error that nulls part of the answer: the data and errors are the same, and only the statement
 * count differs, never lower compiled (graphql-jit may have started a sibling under the nulled
 * parent before the error, where graphql-js had not).
 */
function sameButStatements(a: unknown, b: unknown): boolean {
  const parts = (x: unknown) => {
    if (typeof x !== 'object' || x === null || !('errors' in x) || !('extensions' in x)) return undefined;
    const { extensions, ...rest } = x;
    if (typeof extensions !== 'object' || extensions === null || !('cypherStatements' in extensions)) return undefined;
    const { cypherStatements, ...others } = extensions;
    return { statements: Number(cypherStatements), rest: JSON.stringify({ ...rest, extensions: others }) };
  };
  const [pa, pb] = [parts(a), parts(b)];
  return !!pa && !!pb && pa.rest === pb.rest && pa.statements >= pb.statements;
}

const BATCH = 20;
const RUNS = 500; // 10,000 operations

describe('fuzzing the API', () => {
  it(`answers ${BATCH * RUNS} generated operations without a 5xx or INTERNAL_SERVER_ERROR, compiled as graphql-js answers them, and stays healthy`, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: BATCH, maxLength: BATCH }), async (ops) => {
        const answers = await Promise.all(ops.map(async (op) => {
          const ask = async (url: string) => {
            const res = await fetch(url, { method: 'POST', headers: { 'content-type': op.contentType, accept: op.accept }, body: op.body });
            return { status: res.status, text: await res.text() };
          };
          const [compiled, byGraphqlJs] = await Promise.all([ask(api.url), ask(interpreted.url)]);
          return { op, ...compiled, byGraphqlJs };
        }));
        sent += answers.length;
        for (const a of answers) {
          statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
          const what = `${a.status} for ${a.op.body.slice(0, 500)}\n→ ${a.text.slice(0, 500)}`;
          if (a.status >= 500) throw new Error(`5xx: ${what}`);
          if (a.text.includes('INTERNAL_SERVER_ERROR')) throw new Error(`INTERNAL_SERVER_ERROR: ${what}`);
          JSON.parse(a.text); // every answer is JSON
          // Compiled or not, an operation gets the same answer.
          if (a.status !== a.byGraphqlJs.status || !sameAnswer(a.text, a.byGraphqlJs.text)) {
            throw new Error(`compiled and graphql-js answers differ: ${what}\ngraphql-js: ${a.byGraphqlJs.status} ${a.byGraphqlJs.text.slice(0, 500)}`);
          }
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20260901), endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    console.log(`[fuzz] ${sent} operations; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    // Some operations ran (200), some were refused (400, 413, 415): the fuzz reaches both sides.
    expect(statuses.get(200)).toBeGreaterThan(500);
    expect(statuses.get(400)).toBeGreaterThan(100);

    const health = await fetch(new URL('/health', api.url));
    expect(health.status).toBe(200);
    const res = await api.gql('{ entity(id: "county:amdo") { id name } }');
    expect(res.data.entity).toEqual({ id: 'county:amdo', name: 'Amdo County' });
  }, 300_000); // about a minute on a quiet 2-core machine; room for a busy one
});
