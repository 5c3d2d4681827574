// The version of the data the API serves. GET answers carry it in their ETag, so a client or CDN
// can keep an answer until the graph changes. The graph changes only when a load commits, and every
// load writes a new data stamp into the graph (db/data-stamp.ts), whichever process ran it: the
// service follows that stamp (followDataStamp) and bumps the version when it sees a new one, so a
// loader of its own beside a read-only service also makes stale ETags fail, within one interval.
// A load the service runs itself also calls bumpDataVersion() at once (the HTTP layer bumps it at
// start, after the start-up seed load).
import { randomBytes } from 'node:crypto';
import type { Graph } from '../db/graph.js';
import { READ_DATA_STAMP_ALONE } from '../db/data-stamp.js';
import { logger } from '../telemetry/logger.js';

let current = fresh();

function fresh(): string {
  // Time first so versions sort; random tail so two processes started together differ.
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** The version GET answers are tagged with now. */
export function dataVersion(): string {
  return current;
}

/** Marks every earlier answer stale (call after a load commits); returns the new version. */
export function bumpDataVersion(): string {
  current = fresh();
  return current;
}

/**
 * Reads the graph's data stamp every `everyMs` and bumps the data version when it differs from
 * the one seen before (the first read only notes it). One seek a few seconds apart, against ETags
 * that would otherwise outlive a load by another process until the service restarts. A failed read
 * (the database away) is logged once and tried again at the next tick.
 */
export function followDataStamp(graph: Graph, everyMs: number): { stop(): void } {
  let seen: string | null | undefined;
  let failing = false;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const [row] = await graph.read<{ stampNow: string | null }>(READ_DATA_STAMP_ALONE, {}, { timeoutMs: everyMs });
      const now = row?.stampNow ?? null;
      if (seen !== undefined && now !== seen) bumpDataVersion();
      seen = now;
      failing = false;
    } catch (err) {
      if (!failing) logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'the data stamp could not be read; ETags follow it again once it can');
      failing = true;
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
