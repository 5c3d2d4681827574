// The executor behind Apollo's gateway hook (src/api/execution.ts), on a small schema of its own: when
// operations compile, and that the compiled ones are bounded.
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { assertAbstractType, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledFields, executionGateway, MAX_COMPILED_FIELDS } from '../../src/api/execution.js';
import { apiSchema } from '../../src/api/server.js';
import { operationsCompiled } from '../../src/telemetry/metrics.js';

const schema = makeExecutableSchema({
  typeDefs: 'type Query { greeting(name: String! = "world"): String! twice(n: Int!): Int! }',
  resolvers: { Query: { greeting: (_: unknown, { name }: { name: string }) => `hello ${name}`, twice: (_: unknown, { n }: { n: number }) => 2 * n } },
});

async function executorOf(compileAfter: number, maxCompiled?: number) {
  const { executor } = await executionGateway(schema, { compileAfter, maxCompiled }).load({ apollo: {} });
  if (!executor) throw new Error('no executor');
  return (text: string, variables?: Record<string, unknown>) => {
    const document = documents.get(text) ?? parse(text);
    documents.set(text, document); // as Apollo's document store: one parsed document per text
    const operation = document.definitions[0] as OperationDefinitionNode;
    return executor({ document, operation, operationName: operation.name?.value ?? null, context: {}, request: { query: text, variables } } as unknown as GatewayGraphQLRequestContext);
  };
}
const documents = new Map<string, ReturnType<typeof parse>>();
const compiledCount = async () => (await operationsCompiled.get()).values[0]?.value ?? 0;

describe('the executor', () => {
  it('compiles an operation on its compileAfter-th run and never with 0', async () => {
    const run = await executorOf(2);
    const before = await compiledCount();
    expect(await run('{ greeting }')).toEqual({ data: { greeting: 'hello world' } });
    expect(await compiledCount()).toBe(before);
    expect(await run('{ greeting }')).toEqual({ data: { greeting: 'hello world' } });
    expect(await compiledCount()).toBe(before + 1);
    expect(await run('query Q($n: Int!) { twice(n: $n) }', { n: 21 })).toEqual({ data: { twice: 42 } });

    const never = await executorOf(0);
    for (let i = 0; i < 5; i++) expect(await never('{ a: greeting(name: "x") }')).toEqual({ data: { a: 'hello x' } });
    expect(await compiledCount()).toBe(before + 1);
  });

  it('keeps at most maxCompiled operations; one that comes back is compiled again', async () => {
    const run = await executorOf(1, 2);
    const before = await compiledCount();
    for (const name of ['a', 'b', 'c']) await run(`{ greeting(name: "${name}") }`);
    expect(await compiledCount()).toBe(before + 3);
    await run('{ greeting(name: "c") }'); // still held
    expect(await compiledCount()).toBe(before + 3);
    expect(await run('{ greeting(name: "a") }')).toEqual({ data: { greeting: 'hello a' } }); // left, compiled again
    expect(await compiledCount()).toBe(before + 4);
  });

  it('answers a variable error as graphql-js does, naming the variable, when compiled', async () => {
    const run = await executorOf(1);
    const result = await run('query Q($n: Int!) { twice(n: $n) }', { n: 'two' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "two"/);
    expect(result.errors?.[0]?.nodes?.[0]?.kind).toBe('VariableDefinition');
  });
});

describe('what is compiled at all', () => {
  const api = apiSchema();
  const fieldsOf = (text: string, limit?: number) => {
    const document = parse(text);
    return compiledFields(api, document, document.definitions[0] as OperationDefinitionNode, limit);
  };
  const nest = (levels: number): string => (levels === 0 ? 'id' : `id relationships { from { ${nest(levels - 1)} } to { id } }`);

  it('counts a field once for each type its parent may be, through fragments', () => {
    const entityTypes = api.getPossibleTypes(assertAbstractType(api.getType('Entity'))).length;
    expect(entityTypes).toBeGreaterThan(5);
    // entity: 1; under it, id and name once per Entity type.
    expect(fieldsOf('{ entity(id: "x") { id name } }')).toBe(1 + 2 * entityTypes);
    expect(fieldsOf('query { entity(id: "x") { ...names } } fragment names on Entity { id name }')).toBe(1 + 2 * entityTypes);
    // The county's walk, as the bench asks it, is within the bound (six Place types since Corps
    // divisions joined the five levels of the official list: 1,210 fields).
    expect(fieldsOf('{ entity(id: "county:amdo") { id name ... on Place { children { id name children { id name } } } } }')).toBeLessThan(MAX_COMPILED_FIELDS * 0.7);
  });

  it('stops counting past the bound, however deep the operation', () => {
    expect(fieldsOf(`{ entity(id: "x") { ${nest(2)} } }`)).toBeGreaterThan(MAX_COMPILED_FIELDS);
    const started = performance.now();
    expect(fieldsOf(`{ entity(id: "x") { ${nest(40)} } }`)).toBe(MAX_COMPILED_FIELDS + 1);
    expect(performance.now() - started).toBeLessThan(1_000); // linear in the text, not 15^40
  });
});

