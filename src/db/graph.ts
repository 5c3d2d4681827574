// The one choke-point through which every Cypher statement runs: one driver per process, one
// session per unit of work, read or write transaction chosen explicitly (a cluster routes reads to
// readers), the configured database, a timeout, and transaction metadata naming the statement.
import os from 'node:os';
import neo4j, { isRetryableError, Neo4jError, type Config, type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import pLimit, { type LimitFunction } from 'p-limit';
import { databaseUnavailable, overloaded, translateNeo4jError } from '../domain/errors.js';
import { logger } from '../telemetry/logger.js';
import { sessionsInUse, statementsWaiting } from '../telemetry/metrics.js';
import { nameOf, statement, type Statement } from './statement.js';

/**
 * The driver captures a stack trace for every result it creates, in case the result fails; at a few
 * thousand reads a second that is measurable CPU for traces nobody reads (failures are translated
 * into our own errors anyway).
 */
function withoutStackCapture<R>(call: () => R): R {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Driver error codes of a statement that never reached the database. */
const NOT_REACHED = new Set(['ServiceUnavailable', 'SessionExpired']);

/** The name of a statement run inside a unit of work: the comment it opens with, else the unit's. */
function statementName(cypher: unknown, fallback: string): string {
  return (typeof cypher === 'string' ? nameOf(cypher) : undefined) ?? fallback;
}

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database?: string | undefined;
}

/** How long the driver waits and retries; a test of an unreachable database sets these to fail at once. */
export type DriverTiming = Pick<Config, 'maxTransactionRetryTime' | 'connectionTimeout' | 'connectionAcquisitionTimeout'>;

export function createDriver(conn: Neo4jConnection, timing: DriverTiming = {}): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.username, conn.password), {
    // Plain JS numbers: our integers (years, counts) are far below 2^53.
    disableLosslessIntegers: true,
    userAgent: 'aidgraph/0.1',
    connectionAcquisitionTimeout: 20_000,
    // Managed transactions retry transient failures; an API caller should hear back within seconds.
    maxTransactionRetryTime: 5_000,
    ...timing,
  });
}

/** Read units of work sent to Neo4j at once, by default: a few per core keeps its CPUs busy without thrashing. */
export const DEFAULT_READ_CONCURRENCY = 4 * os.availableParallelism();

/**
 * What every view of one database shares: whether it is up, and the turns for read units of work.
 * Reads beyond the limit wait here, outside Neo4j, where the clock of a transaction's timeout has
 * not started: under a burst (or right after a restart, on a cold JVM) statements then finish in
 * their time instead of all timing out together. A read that waits longer than its timeout is
 * refused as OVERLOADED, which a client may retry.
 */
export class DatabaseAccess {
  private downSince: number | undefined;
  private readonly turns: LimitFunction;

  /** maxWaitMs: how long a read may wait for its turn (default: its own timeout). */
  constructor(readConcurrency = DEFAULT_READ_CONCURRENCY, private readonly maxWaitMs?: number) {
    this.turns = pLimit(readConcurrency);
  }

  /** The database is gone (its process exited): fail at once instead of waiting for connections. */
  markDown(): void {
    this.downSince ??= Date.now();
  }

  markUp(): void {
    this.downSince = undefined;
  }

  get isDown(): boolean {
    return this.downSince !== undefined;
  }

  /** Runs a read when its turn comes, or refuses it after its wait (by default its timeout) in the queue. */
  async takeTurn<R>(timeoutMs: number, work: () => Promise<R>): Promise<R> {
    const maxWaitMs = this.maxWaitMs ?? timeoutMs;
    if (this.turns.activeCount < this.turns.concurrency) return this.turns(work);
    const queuedAt = Date.now();
    let expired = false;
    statementsWaiting.inc();
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        expired = true;
        statementsWaiting.dec();
        reject(overloaded(Date.now() - queuedAt));
      }, maxWaitMs);
      void this.turns(async () => {
        if (expired) return; // refused already: give the turn to the next in line
        clearTimeout(timer);
        statementsWaiting.dec();
        await work().then(resolve, reject);
      });
    });
  }
}

export interface GraphOptions {
  database?: string | undefined;
  timeoutMs: number;
  slowStatementMs?: number;
  /** Refuse write units of work (the API's view: see forRequest). */
  readOnly?: boolean;
  /**
   * Let reads see facts without the Cited marker (AIDGRAPH_HIDE_UNCITED=false). Every read gets it
   * as `$showUncited`, the switch in the CITED predicate (src/domain/cited.ts).
   */
  showUncited?: boolean;
  /** How long a lone read retries transient failures (default 5 s, as the driver's managed transactions). */
  readRetryMs?: number;
}

/** A write asked of a read-only view: a bug in the code, never a user's doing. */
export class ReadOnlyGraphError extends Error {
  constructor(name: string) {
    super(`${name}: the API's view of the graph is read-only; only the loaders write`);
  }
}

const SERVER_VERSION = statement(`// dbms.version
  CALL dbms.components() YIELD name, versions, edition
  WHERE name = 'Neo4j Kernel'
  RETURN versions[0] AS version, edition`);

/** Runs statements; `statements` counts them so a request can report (and tests can bound) its round trips. */
export class Graph {
  statements = 0;
  /** The request this view serves, named on its log lines (see forRequest). */
  reqId: string | undefined;

  constructor(
    readonly driver: Driver,
    protected readonly opts: GraphOptions,
    readonly access: DatabaseAccess = new DatabaseAccess(),
  ) {}

  get options(): GraphOptions {
    return this.opts;
  }

  /**
   * A view sharing the driver and its access with its own statement counter (one per GraphQL
   * request). It is read-only twice over: it refuses write units of work, and its read transactions
   * run in READ access mode, in which the database itself refuses a write. Its slow-statement log
   * lines name the request (`reqId`): passed along rather than kept in an AsyncLocalStorage, whose
   * promise hooks would cost every promise of every request.
   */
  forRequest(reqId?: string): Graph {
    const view = new Graph(this.driver, { ...this.opts, readOnly: true }, this.access);
    view.reqId = reqId;
    return view;
  }

  private txConfig(name: string, timeoutMs = this.opts.timeoutMs) {
    return { timeout: timeoutMs, metadata: { app: 'aidgraph', statement: name } };
  }

  /**
   * Runs one named read statement and returns its records as plain objects. A lone read runs as an
   * auto-commit transaction: one round trip (RUN and PULL) instead of a managed transaction's two
   * (BEGIN, RUN, PULL, then COMMIT), which a request of a few short reads pays for each of them.
   * Transient failures are retried within the budget a managed transaction has (readRetryMs).
   */
  async read<T extends RecordShape = RecordShape>(
    stmt: Statement, params: Record<string, unknown> = {}, opts: { timeoutMs?: number } = {},
  ): Promise<T[]> {
    if (this.access.isDown) throw databaseUnavailable();
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs;
    return this.access.takeTurn(timeoutMs, () => this.autoCommitRead<T>(stmt, params, timeoutMs));
  }

  private async autoCommitRead<T extends RecordShape>({ name, cypher }: Statement, params: Record<string, unknown>, timeoutMs: number): Promise<T[]> {
    const started = performance.now();
    const retryMs = this.opts.readRetryMs ?? 5_000;
    const withSwitch = { ...params, showUncited: this.opts.showUncited ?? false };
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
      sessionsInUse.inc();
      try {
        const res: QueryResult<T> = await withoutStackCapture(() => session.run<T>(cypher, withSwitch, this.txConfig(name, timeoutMs)));
        this.statements += 1;
        const ms = Math.round(performance.now() - started);
        const slowMs = this.opts.slowStatementMs ?? 500;
        if (slowMs > 0 && ms >= slowMs) logger.warn({ reqId: this.reqId, statement: name, ms, rows: res.records.length }, 'slow statement');
        return res.records.map((r) => r.toObject());
      } catch (err) {
        if (this.access.isDown) throw databaseUnavailable();
        const retryable = err instanceof Error && isRetryableError(err);
        if (!retryable || performance.now() - started >= retryMs) {
          // A statement Neo4j ran (and failed) counts; one that never reached it does not.
          if (!(err instanceof Neo4jError && NOT_REACHED.has(err.code))) this.statements += 1;
          throw translateNeo4jError(err);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * 2 ** attempt)));
      } finally {
        sessionsInUse.dec();
        await session.close();
      }
    }
  }

  /**
   * Streams one named read's records as Neo4j produces them, for bulk reads (an export) too large
   * to hold: the driver pulls `fetchSize` records at a time and stops pulling while the consumer
   * (a file being written) is behind, so memory stays flat whatever the graph's size. It runs as
   * one auto-commit read with its own timeout (a read holds no locks, however long it runs), and
   * takes no turn: bulk reads belong to tools, not to the API's request path.
   */
  async *stream<T extends RecordShape = RecordShape>(
    { name, cypher }: Statement, params: Record<string, unknown> = {}, opts: { timeoutMs: number; fetchSize?: number },
  ): AsyncGenerator<T> {
    if (this.access.isDown) throw databaseUnavailable();
    const session = this.driver.session({
      database: this.opts.database, defaultAccessMode: neo4j.session.READ, fetchSize: opts.fetchSize ?? 5_000,
    });
    sessionsInUse.inc();
    try {
      const result = session.run<T>(cypher, { ...params, showUncited: this.opts.showUncited ?? false }, this.txConfig(name, opts.timeoutMs));
      this.statements += 1;
      try {
        for await (const record of result) yield record.toObject();
      } catch (err) {
        throw translateNeo4jError(err);
      }
    } finally {
      sessionsInUse.dec();
      await session.close();
    }
  }

  /** Runs one named write statement. */
  async write<T extends RecordShape = RecordShape>({ name, cypher }: Statement, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.unitOfWork('WRITE', name, async (tx) => {
      const res: QueryResult<T> = await tx.run<T>(cypher, params);
      return res.records.map((r) => r.toObject());
    });
  }

  /** Several statements in one transaction: all of them commit, or none does. */
  async unitOfWork<R>(
    mode: 'READ' | 'WRITE', name: string, work: (tx: ManagedTransaction) => Promise<R>, opts: { timeoutMs?: number } = {},
  ): Promise<R> {
    if (mode === 'WRITE' && this.opts.readOnly) throw new ReadOnlyGraphError(name);
    if (this.access.isDown) throw databaseUnavailable();
    if (mode === 'WRITE') return this.session(mode, name, work, opts);
    return this.access.takeTurn(opts.timeoutMs ?? this.opts.timeoutMs, () => this.session(mode, name, work, opts));
  }

  private async session<R>(
    mode: 'READ' | 'WRITE', name: string, work: (tx: ManagedTransaction) => Promise<R>, opts: { timeoutMs?: number },
  ): Promise<R> {
    const showUncited = this.opts.showUncited ?? false;
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    sessionsInUse.inc();
    // What users wait on: reads. A load's batches are long by design and would flood the log.
    const slowMs = mode === 'READ' ? this.opts.slowStatementMs ?? 500 : 0;
    try {
      const counted = async (tx: ManagedTransaction) => {
        const run = tx.run.bind(tx);
        const wrapped = Object.create(tx) as ManagedTransaction;
        wrapped.run = ((...args: Parameters<typeof tx.run>) => {
          this.statements += 1;
          const started = performance.now();
          // The driver types a statement's parameters as any: spreading them needs no cast.
          if (mode === 'READ') args[1] = { ...args[1], showUncited };
          const result = run(...args);
          // Every caller awaits the whole result, so observing it here adds no work.
          result.then((res) => {
            const ms = Math.round(performance.now() - started);
            if (slowMs > 0 && ms >= slowMs) {
              logger.warn({ reqId: this.reqId, statement: statementName(args[0], name), ms, rows: res.records.length }, 'slow statement');
            }
          }, () => { /* the caller handles failures */ });
          return result;
        }) as typeof tx.run;
        return work(wrapped);
      };
      return mode === 'READ'
        ? await session.executeRead(counted, this.txConfig(name, opts.timeoutMs))
        : await session.executeWrite(counted, this.txConfig(name, opts.timeoutMs));
    } catch (err) {
      throw translateNeo4jError(err);
    } finally {
      sessionsInUse.dec();
      await session.close();
    }
  }

  async serverVersion(): Promise<string> {
    const rows = await this.read<{ version: string; edition: string }>(SERVER_VERSION);
    return rows[0] ? `${rows[0].version} ${rows[0].edition}` : 'unknown';
  }
}
