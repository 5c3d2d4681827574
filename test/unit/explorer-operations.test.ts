// Every operation the explorer sends is valid against the SDL and within the server's query limits
// (depth, tokens, cost), so no view of the page meets a refusal the API would give.
import { buildSchema, parse, validate, type ValidationRule } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs, QUERY_LIMITS } from '../../src/api/server.js';
import * as operations from '../../web/generated/graphql.js';

const schema = buildSchema(loadTypeDefs());
const rules = new ApolloArmor(QUERY_LIMITS).protect().validationRules as unknown as ValidationRule[];
const documents = Object.entries(operations).filter(([name]) => name.endsWith('Document'));

describe('the explorer\'s operations', () => {
  it('are generated, one per view', () => {
    expect(documents.map(([name]) => name)).toEqual(expect.arrayContaining(['SearchDocument', 'EntityPageDocument', 'NeighborhoodDocument', 'ConnectionsDocument', 'SourcePageDocument', 'TwinningsDocument', 'AidSummaryDocument']));
  });
  it.each(documents)('%s passes the server\'s validation and query limits', (_name, doc) => {
    const errors = validate(schema, parse(String(doc)), rules);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
