// Answers kept between requests, each with the data stamp (data-stamp.ts) it was read under. What
// the graph holds changes only when a load writes a new stamp, so a kept answer is the graph's
// answer exactly while the graph still holds its stamp. Whoever uses one reads the stamp in the
// same statement that relies on the kept answer (never in a statement of its own before it), so a
// load by any process between two requests is seen by the next one. What a kept value means is its
// user's: "inside X" (modules/places/inside-cache.ts), a page's order (modules/twinnings).
import type { Driver } from 'neo4j-driver';
import type { Graph } from './graph.js';

/** Values kept under one stamp, the least recently asked leaving first beyond `capacity`. */
export class KeptByStamp<V> {
  private stamp: string | null = null;
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The stamp every kept value was read under (null: none kept yet). */
  get keptStamp(): string | null {
    return this.stamp;
  }

  /** The value kept for `key`, now the most recently asked; undefined when none is. */
  get(key: string): V | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    this.values.delete(key);
    this.values.set(key, value);
    return value;
  }

  /**
   * Keeps what a statement read under the stamp `readUnder` (null, before any load stamped the
   * graph: not kept, as no later statement could tell whether it still holds).
   */
  keep(key: string, readUnder: string | null, value: V): void {
    if (readUnder === null) return;
    if (readUnder !== this.stamp) {
      // Values of another stamp can never be used again: a stamp is never written twice.
      this.values.clear();
      this.stamp = readUnder;
    }
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value!);
  }
}

/**
 * One of what `make` makes per database: per driver (every request's view of the graph shares its
 * driver) and database name, so two graphs in one process (the scale bench's two stores) keep apart.
 */
export function perDatabase<T>(make: () => T): (graph: Graph) => T {
  const byDriver = new WeakMap<Driver, Map<string, T>>();
  return (graph) => {
    const byDatabase = byDriver.get(graph.driver) ?? new Map<string, T>();
    byDriver.set(graph.driver, byDatabase);
    const database = graph.options.database ?? '';
    const found = byDatabase.get(database);
    if (found !== undefined) return found;
    const made = make();
    byDatabase.set(database, made);
    return made;
  };
}
