// Errors are translated here, and only here: bad input names the argument and its allowed range;
// an unreachable or slow database gets a clear, retryable code; internals never reach clients.
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

export function badInput(argument: string, reason: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${reason}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument, reason },
  });
}

/** Checks an integer argument against its allowed range. */
export function requireRange(argument: string, value: number | null | undefined, min: number, max: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `must be between ${min} and ${max} (got ${value})`);
  }
  return value;
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** The database is down or restarting: nothing is wrong with the request, so the client may retry. */
export function databaseUnavailable(originalError?: Error): GraphQLError {
  return new GraphQLError('The graph database is unavailable; retry shortly.', {
    extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
    originalError,
  });
}

/** More statements are waiting for the database than it can answer in time: retry later. */
export function overloaded(waitedMs: number): GraphQLError {
  return new GraphQLError(`The graph database is busy (waited ${waitedMs} ms for a turn); retry shortly.`, {
    extensions: { code: 'OVERLOADED', retryable: true },
  });
}

export function translateNeo4jError(err: unknown): Error {
  if (err instanceof GraphQLError) return err;
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE.has(err.code)) return databaseUnavailable(err);
    if (err.code === 'Neo.ClientError.Transaction.TransactionTimedOut' || err.code.includes('TransactionTimedOut')) {
      return new GraphQLError('The query took too long and was stopped; narrow it (fewer hops, a smaller limit).', {
        extensions: { code: 'QUERY_TIMEOUT', retryable: false },
        originalError: err,
      });
    }
  }
  return err instanceof Error ? err : new Error(String(err));
}
