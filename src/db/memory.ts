// Memory for the embedded Neo4j when AIDGRAPH_NEO4J_HEAP / AIDGRAPH_NEO4J_PAGECACHE are unset, in
// the spirit of `neo4j-admin server memory-recommendation`: the page cache holds the whole store
// with room to grow, the heap is a share of the machine; both leave most memory to the OS, Node
// and whatever else shares the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface MemoryPlan {
  heap: string;
  pageCache: string;
  /** What the plan was derived from, for the start-up log. */
  basis: { machineBytes: number; storeBytes: number };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
const toSetting = (bytes: number) => `${Math.max(1, Math.floor(bytes / MB))}m`;

/**
 * heap: an eighth of memory, at least 512m, at most 8g (large graphs here are big in the page
 * cache, not in transactions, since loads run in batches).
 * page cache: 1.5 × the store plus 64m, at least 128m, at most a quarter of memory.
 */
export function recommendMemory(machineBytes: number, storeBytes: number): MemoryPlan {
  const heap = clamp(machineBytes / 8, 512 * MB, 8 * GB);
  const pageCache = clamp(storeBytes * 1.5 + 64 * MB, 128 * MB, machineBytes / 4);
  return { heap: toSetting(heap), pageCache: toSetting(pageCache), basis: { machineBytes, storeBytes } };
}

/** The memory this process may use: a container's limit when there is one, else the machine's. */
export function machineMemory(): number {
  const limit = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const total = os.totalmem();
  return limit && limit > 0 && limit < total ? limit : total;
}

/** Bytes of every file under dir (0 when it does not exist yet). */
export function folderSize(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) total += folderSize(full);
    else if (e.isFile()) {
      try { total += fs.statSync(full).size; } catch { /* removed while we looked */ }
    }
  }
  return total;
}
