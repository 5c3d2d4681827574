// The version of the data the API serves. GET answers carry it in their ETag, so a client or CDN
// can keep an answer until the graph changes; the graph changes only when a load commits, and
// whatever commits a load calls bumpDataVersion() afterwards (the HTTP layer bumps it once at
// start, after the start-up seed load).
import { randomBytes } from 'node:crypto';

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
