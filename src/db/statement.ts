// A named Cypher statement, its name written once: the comment it opens with (`// twinnings.page`).
// The name is what transaction metadata, slow-statement log lines and the EXPLAIN tests see, so it
// is read from the text itself; a second copy passed beside the text could (and once did) drift.

export interface Statement {
  /** The opening comment's text: `// search.by-name (many prefixes)` names `search.by-name (many prefixes)`. */
  readonly name: string;
  readonly cypher: string;
}

const OPENING_COMMENT = /^\s*\/\/[ \t]*([^\n]*?)[ \t]*(?:\n|$)/;

/** The name a statement's text gives itself, or undefined when it opens with no comment. */
export function nameOf(cypher: string): string | undefined {
  return OPENING_COMMENT.exec(cypher)?.[1] || undefined;
}

/**
 * A statement from its text. Build a fixed statement once, beside its repository; a statement
 * assembled per call (a cached variant, an appended tail) is built where it is assembled. A text
 * that does not open with its name is a bug, refused where it is built.
 */
export function statement(cypher: string): Statement {
  const name = nameOf(cypher);
  if (name === undefined) throw new Error(`a statement opens with a comment naming it (// area.what), not: ${cypher.trim().slice(0, 60)}`);
  return { name, cypher };
}
