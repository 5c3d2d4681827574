// A statement's name is read from its opening comment, the one place it is written: the name that
// transaction metadata, slow-statement logs and the EXPLAIN tests see is the text's own.
import { describe, expect, it } from 'vitest';
import { nameOf, statement } from '../../src/db/statement.js';

describe('statement names', () => {
  it('is the whole opening comment, qualifier included', () => {
    expect(statement('// search.looser (short text)\n  CALL {}').name).toBe('search.looser (short text)');
    expect(statement('\n    // twinnings.page (by recipient)   \n MATCH (a)').name).toBe('twinnings.page (by recipient)');
    expect(statement('// dbms.version').name).toBe('dbms.version');
    const text = '// places.children\nUNWIND $ids AS id RETURN id';
    expect(statement(text)).toEqual({ name: 'places.children', cypher: text });
  });

  it('refuses a statement that does not open with its name', () => {
    expect(() => statement('MATCH (n) RETURN n')).toThrow(/opens with a comment naming it/);
    expect(() => statement('//\nMATCH (n) RETURN n')).toThrow(/opens with a comment naming it/);
    expect(() => statement('MATCH (n) // places.children\nRETURN n')).toThrow();
    expect(nameOf('RETURN 1')).toBeUndefined();
  });
});
