// "Inside X" kept between requests. Most of what a page of twinnings or supports "inside Tibet"
// reads is finding what is inside Tibet (docs/performance.md), and that answer changes only when a
// load does. So the ids inside an anchor are kept with the data stamp they were read under
// (db/data-stamp.ts), and a statement uses them only when the graph still holds that stamp, which
// it reads itself, first; otherwise it finds them again with the one definition (inside.ts) and
// hands them back to be kept. Nothing here says what "inside" means: a kept list is that
// definition's answer, read earlier. A loader of a version before the stamp does not write it:
// load with a loader at least as new as the service.
import type { Driver } from 'neo4j-driver';
import type { Graph } from '../../db/graph.js';
import { READ_DATA_STAMP } from '../../db/data-stamp.js';
import { collectInside } from './inside.js';

/** Anchors kept at once: a list is a few hundred ids at national size, so a few megabytes at most. */
const MAX_ANCHORS = 512;

/** The ids inside each anchor asked lately, all read under one data stamp. */
export class InsideCache {
  private stamp: string | null = null;
  private readonly ids = new Map<string, string[]>();

  /** What a statement needs to use a kept list: its stamp and ids (none kept: a stamp nothing matches). */
  kept(anchorId: string): { insideStamp: string | null; insideIds: string[] } {
    const ids = this.ids.get(anchorId);
    if (!ids) return { insideStamp: null, insideIds: [] };
    // Most recently used last, so the oldest leaves first when the cache is full.
    this.ids.delete(anchorId);
    this.ids.set(anchorId, ids);
    return { insideStamp: this.stamp, insideIds: ids };
  }

  /** Keeps what a statement read (`readUnder`: the stamp it saw; null, before any load stamped the graph: not kept). */
  keep(anchorId: string, readUnder: string | null, ids: string[]): void {
    if (readUnder === null) return;
    if (readUnder !== this.stamp) {
      // Lists of another stamp can never be used again (a stamp is never written twice).
      this.ids.clear();
      this.stamp = readUnder;
    }
    this.ids.delete(anchorId);
    this.ids.set(anchorId, ids);
    if (this.ids.size > MAX_ANCHORS) this.ids.delete(this.ids.keys().next().value!);
  }
}

// One cache per database: per driver (every request's view of the graph shares its driver) and
// database name. Two graphs in one process (the scale bench's two stores) keep apart.
const caches = new WeakMap<Driver, Map<string, InsideCache>>();

export function insideCacheOf(graph: Graph): InsideCache {
  const byDatabase = caches.get(graph.driver) ?? new Map<string, InsideCache>();
  caches.set(graph.driver, byDatabase);
  const key = graph.options.database ?? '';
  const cache = byDatabase.get(key) ?? new InsideCache();
  byDatabase.set(key, cache);
  return cache;
}

/**
 * The opening of a statement that goes on from `sideIds`, the ids of everything inside the entity
 * whose id is `idExpr` (a parameter): the kept ones (`$insideStamp`, `$insideIds` from
 * InsideCache.kept) while the graph's stamp is theirs, else read now. Also binds what the caller
 * keeps: `stampNow`, `kept` (the kept ids were used) and `readIds` (the ids read now, or none).
 */
export const keptInside = (idExpr: string) => `${READ_DATA_STAMP}
  WITH stampNow, coalesce(stampNow = $insideStamp, false) AS kept
  CALL {
    WITH kept
    WITH kept WHERE NOT kept
    ${collectInside(idExpr, 'side', 'kept')}
    UNWIND side AS inner
    RETURN collect(inner.id) AS readIds
  }
  WITH stampNow, kept, readIds, CASE WHEN kept THEN $insideIds ELSE readIds END AS sideIds`;
