// Relay connections over a stable order. Cursors are opaque to clients: base64 of a position.
import { badInput, requireRange } from '../domain/errors.js';

/** Far beyond any list here, and within what Cypher list slicing takes. */
const MAX_OFFSET = 1_000_000;

export const cursor = {
  encode: (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url'),
  /** The offset of the item after `after` (0 without one). */
  decode(after: string | null | undefined): number {
    if (!after) return 0;
    const m = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64url').toString());
    const offset = m ? Number(m[1]) : NaN;
    if (!Number.isSafeInteger(offset) || offset >= MAX_OFFSET) throw badInput('after', 'is not a cursor from this API (use pageInfo.endCursor)');
    return offset + 1;
  },
};

/** The window a Relay page asks for: `first` checked against 1..100, `after` turned into an offset. */
export function pageWindow(first: number | null | undefined, after: string | null | undefined, fallback: number): { offset: number; first: number } {
  return { offset: cursor.decode(after), first: requireRange('first', first ?? fallback, 1, 100) ?? fallback };
}

export function connectionOf<T>(page: T[], total: number, offset: number) {
  return {
    edges: page.map((node, i) => ({ cursor: cursor.encode(offset + i), node })),
    totalCount: total,
    pageInfo: {
      hasNextPage: offset + page.length < total,
      hasPreviousPage: offset > 0,
      startCursor: page.length ? cursor.encode(offset) : null,
      endCursor: page.length ? cursor.encode(offset + page.length - 1) : null,
    },
  };
}
