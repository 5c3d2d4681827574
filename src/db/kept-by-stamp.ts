// Answers kept between requests, each with the data stamp (data-stamp.ts) it was read under. What
// the graph holds changes only when a load writes a new stamp, so a kept answer is the graph's
// answer exactly while the graph still holds its stamp. Whoever uses one reads the stamp in the
// same statement that relies on the kept answer (never in a statement of its own before it), so a
// load by any process between two requests is seen by the next one. What a kept value means is its
// user's: "inside X" (modules/places/inside-cache.ts), a page's order (modules/twinnings).
import type { Driver } from 'neo4j-driver';
import type { Graph } from './graph.js';

/** How many stamps a store remembers having left behind (a slow statement may still report one). */
const RETIRED_STAMPS = 16;

/**
 * Values kept under one stamp, the least recently asked leaving first beyond `capacity` values or,
 * with `weigh`, beyond `maxWeight` in all (a page's order weighs its ids).
 */
export class KeptByStamp<V> {
  private stamp: string | null = null;
  private readonly values = new Map<string, V>();
  private readonly retired: string[] = [];
  private weight = 0;

  constructor(private readonly capacity: number, private readonly weigh: (value: V) => number = () => 0, private readonly maxWeight = Infinity) {}

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
    // A statement that read under a stamp already left behind finished after one that read under
    // the next: what it read can never be used, and must not push the newer values out.
    if (readUnder === null || this.retired.includes(readUnder)) return;
    if (readUnder !== this.stamp) {
      // Values of another stamp can never be used again: a stamp is never written twice.
      if (this.stamp !== null) this.retired.push(this.stamp);
      if (this.retired.length > RETIRED_STAMPS) this.retired.shift();
      this.values.clear();
      this.weight = 0;
      this.stamp = readUnder;
    }
    this.drop(key);
    this.values.set(key, value);
    this.weight += this.weigh(value);
    while (this.values.size > this.capacity || (this.weight > this.maxWeight && this.values.size > 1)) this.drop(this.values.keys().next().value!);
  }

  private drop(key: string): void {
    const value = this.values.get(key);
    if (value === undefined) return;
    this.weight -= this.weigh(value);
    this.values.delete(key);
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
