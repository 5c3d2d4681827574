// Every argument of the schema that takes an id, found by walking the Query fields' arguments and
// the input types under them (so a new one cannot be forgotten: an unlisted one fails the test).
// Each accepts every id the API hands out for an entity (Liaoning is `province:liaoning` and
// `place:21` alike) and answers the same for both; an id that names nothing is BAD_USER_INPUT with
// the argument's name, or, for a lookup by id, null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType, getNullableType, isInputObjectType, isListType, isScalarType, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { apiSchema } from '../../src/api/server.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

/** An id-taking argument: the root field and the path to the argument inside its input objects. */
interface IdArgument { field: string; path: string[]; list: boolean }

const isIdType = (t: GraphQLInputType) => isScalarType(getNamedType(t)) && getNamedType(t).name === 'ID';

/** Walks every Query field's arguments, and input objects to any depth, for ID (and [ID]) inputs. */
function idArguments(schema: GraphQLSchema): IdArgument[] {
  const out: IdArgument[] = [];
  const visit = (field: string, path: string[], type: GraphQLInputType, seen: Set<string>) => {
    const named = getNamedType(type);
    if (isIdType(type)) out.push({ field, path, list: isListType(getNullableType(type)) });
    else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const f of Object.values(named.getFields())) visit(field, [...path, f.name], f.type, new Set([...seen, named.name]));
    }
  };
  for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
    for (const arg of field.args) visit(name, [arg.name], arg.type, new Set());
  }
  return out;
}

/**
 * What each argument names and how an unknown one is answered: an entity anchor or filter refuses
 * it; a lookup answers null. Sources and programmes have ids of their own (no `place:` alias).
 */
const EXPECTED: Record<string, { names: 'entity' | 'node' | 'source' | 'programme'; unknown: 'refused' | 'null' }> = {
  'entity.id': { names: 'entity', unknown: 'null' },
  'node.id': { names: 'node', unknown: 'null' },
  'nodes.ids': { names: 'node', unknown: 'null' },
  'neighborhood.id': { names: 'entity', unknown: 'refused' },
  'connections.from': { names: 'entity', unknown: 'refused' },
  'connections.to': { names: 'entity', unknown: 'refused' },
  'timeline.id': { names: 'entity', unknown: 'refused' },
  'twinnings.filter.supporter': { names: 'entity', unknown: 'refused' },
  'twinnings.filter.recipient': { names: 'entity', unknown: 'refused' },
  'partnerships.filter.supporter': { names: 'entity', unknown: 'refused' },
  'partnerships.filter.recipient': { names: 'entity', unknown: 'refused' },
  'supports.filter.supporter': { names: 'entity', unknown: 'refused' },
  'supports.filter.beneficiary': { names: 'entity', unknown: 'refused' },
  'supports.filter.recipient': { names: 'entity', unknown: 'refused' },
  'aidSummary.supporter': { names: 'entity', unknown: 'refused' },
  'aidSummary.recipient': { names: 'entity', unknown: 'refused' },
  'source.id': { names: 'source', unknown: 'null' },
  'programme.id': { names: 'programme', unknown: 'null' },
};

/** Arguments that take an id as a String, kept in this list by hand (the walk finds ID only). */
const STRING_IDS = ['twinnings.filter.programme', 'partnerships.filter.programme', 'supports.filter.programme'];

/** What to select, per root field (connections' other end is Nagqu). */
const SELECTION: Record<string, string> = {
  entity: '{ id name }', node: '{ id }', nodes: '{ id }', neighborhood: '{ center { id } totalNodes }', connections: '{ length }',
  timeline: '{ date }', twinnings: '{ totalCount edges { node { id } } }', partnerships: '{ totalCount edges { node { id } } }',
  supports: '{ totalCount edges { node { id } } }', aidSummary: '{ overall { supports projects } }', source: '{ id }', programme: '{ id }',
};

/** The query asking `a` with `value` at its path (nested in input objects), other arguments filled. */
function queryFor(a: IdArgument, value: string): string {
  const literal = a.list ? `[${JSON.stringify(value)}]` : JSON.stringify(value);
  const arg = a.path.slice().reverse().reduce((inner, key, i) => (i === 0 ? `${key}: ${inner}` : `${key}: { ${inner} }`), literal);
  const others = a.field === 'connections' ? (a.path[0] === 'from' ? 'to: "city:nagqu"' : 'from: "county:amdo"') : '';
  return `{ x: ${a.field}(${[arg, others].filter(Boolean).join(', ')}) ${SELECTION[a.field] ?? ''} }`;
}

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

describe('every argument that takes an id', () => {
  const found = idArguments(apiSchema());
  const key = (a: IdArgument) => [a.field, ...a.path].join('.');

  it('is known to this test: the walk finds exactly the listed arguments', () => {
    expect(found.map(key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers the same for an entity\'s own id and its official-list id, and something for it', async () => {
    for (const a of found.filter((x) => ['entity', 'node'].includes(EXPECTED[key(x)]!.names))) {
      // Liaoning gives; Nagqu (place:5406) receives.
      const receives = /recipient|beneficiary/.test(a.path.at(-1)!);
      const own = await api.gql(queryFor(a, receives ? 'city:nagqu' : 'province:liaoning'));
      const coded = await api.gql(queryFor(a, receives ? 'place:5406' : 'place:21'));
      expect([key(a), own.errors, coded.errors]).toEqual([key(a), undefined, undefined]);
      // The answers, not the statement counts (a `place:` id is one seek more).
      expect([key(a), coded.data]).toEqual([key(a), own.data]);
      // Not an empty answer that happens to agree: Liaoning is in each of these answers.
      expect([key(a), JSON.stringify(own.data)]).not.toEqual([key(a), expect.stringMatching(/^\{"x":(null|\[\]|\{"totalCount":0.*|\[null\])\}$/)]);
    }
  });

  it('refuses an id that names nothing with BAD_USER_INPUT and the argument\'s name, or answers null to a lookup', async () => {
    for (const a of found) {
      const expected = EXPECTED[key(a)]!;
      const nothing = expected.names === 'source' ? 'no-such-source' : expected.names === 'programme' ? 'programme:no-such' : 'place:99';
      const res = await api.gql(queryFor(a, nothing));
      if (expected.unknown === 'null') {
        expect([key(a), res.errors, res.data?.x]).toEqual([key(a), undefined, a.list ? [null] : null]);
      } else {
        expect([key(a), res.data?.x ?? null]).toEqual([key(a), null]);
        expect([key(a), res.errors?.[0]?.extensions]).toEqual([key(a), expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: a.path.join('.') })]);
      }
    }
  });

  it('takes a programme by its id or its Chinese name, and refuses one that names no programme', async () => {
    for (const field of STRING_IDS) {
      const [root, ...path] = field.split('.');
      const a = { field: root!, path, list: false };
      const byId = await api.gql(queryFor(a, 'programme:aid-tibet'));
      expect(byId.data.x.totalCount).toBeGreaterThan(0);
      expect(await api.gql(queryFor(a, '对口援藏'))).toEqual(byId);
      const none = await api.gql(queryFor(a, 'programme:no-such'));
      expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: path.join('.') });
    }
  });
});
