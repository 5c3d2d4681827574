// Every operation the explorer sends is valid against the SDL and within the server's query limits
// (depth, tokens, cost), so no view of the page meets a refusal the API would give; it and the
// example operations in docs/queries/ ask by the API's current names, never a deprecated one.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, NoDeprecatedCustomRule, parse, validate, type ValidationRule } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs, QUERY_LIMITS } from '../../src/api/server.js';
import * as operations from '../../web/generated/graphql.js';

const schema = buildSchema(loadTypeDefs());
const rules = new ApolloArmor(QUERY_LIMITS).protect().validationRules as unknown as ValidationRule[];
const documents = Object.entries(operations).filter(([name]) => name.endsWith('Document'));
const EXAMPLES = path.resolve(import.meta.dirname, '../../docs/queries');
const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql')).map((f) => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')] as const);

describe('the explorer\'s operations', () => {
  it('are generated, one per view', () => {
    expect(documents.map(([name]) => name)).toEqual(expect.arrayContaining(['SearchDocument', 'EntityPageDocument', 'NeighborhoodDocument', 'ConnectionsDocument', 'SourcePageDocument', 'TwinningsDocument', 'AidSummaryDocument']));
  });
  it.each(documents)('%s passes the server\'s validation and query limits', (_name, doc) => {
    const errors = validate(schema, parse(String(doc)), [...rules, NoDeprecatedCustomRule]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});

describe('the example operations (docs/queries)', () => {
  it.each(examples)('%s is valid and asks by current names', (_file, text) => {
    const errors = validate(schema, parse(text), [...rules, NoDeprecatedCustomRule]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
  it('catches a deprecated name', () => {
    const errors = validate(schema, parse('{ supports { edges { node { beneficiary { id } } } } }'), [NoDeprecatedCustomRule]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/Support\.beneficiary is deprecated/)]);
  });
});
