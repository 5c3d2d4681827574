// Memory defaults for the embedded Neo4j, its class-data archives, and the new configuration variables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classDataArchive, pruneClassData } from '../../src/db/local-neo4j.js';
import { ConfigError, loadConfig } from '../../src/app/config.js';
import { recommendMemory } from '../../src/db/memory.js';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

describe('recommendMemory', () => {
  it('gives a small machine the floors', () => {
    expect(recommendMemory(2 * GB, 0)).toMatchObject({ heap: '512m', pageCache: '128m' });
  });
  it('gives the heap an eighth of memory, capped at 8g', () => {
    expect(recommendMemory(16 * GB, 0).heap).toBe('2048m');
    expect(recommendMemory(256 * GB, 0).heap).toBe('8192m');
  });
  it('sizes the page cache to the store with room to grow, at most a quarter of memory', () => {
    expect(recommendMemory(16 * GB, 1 * GB).pageCache).toBe(`${1.5 * 1024 + 64}m`);
    expect(recommendMemory(8 * GB, 100 * GB).pageCache).toBe('2048m');
    expect(recommendMemory(16 * GB, 10 * MB).pageCache).toBe('128m');
  });
});

describe('class-data archives', () => {
  it('keeps the current archive and removes earlier ones, nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-class-data-test-'));
    try {
      const current = path.join(dir, path.basename(classDataArchive('a classpath')));
      const earlier = path.join(dir, path.basename(classDataArchive('an earlier classpath')));
      const others = ['neo4j-0123456789abcdef.jsa.4242.partial', 'notes.txt', 'neo4j.jsa'];
      for (const f of [current, earlier, ...others.map((o) => path.join(dir, o))]) fs.writeFileSync(f, 'x');
      expect(pruneClassData(current, dir)).toEqual([path.basename(earlier)]);
      expect(fs.readdirSync(dir).sort()).toEqual([path.basename(current), ...others].sort());
      expect(pruneClassData(current, dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('configuration', () => {
  it('leaves heap and page cache to be derived unless set, and has generous HTTP defaults', () => {
    const c = loadConfig({});
    expect(c.local).toMatchObject({ heap: undefined, pageCache: undefined });
    expect(c.http).toEqual({ rateLimitPerMinute: 1200, shedLagMs: 1000, cacheMaxAgeS: 60, trustProxy: false, compileAfter: 20 });
    expect(c.slowStatementMs).toBe(500);
    expect(loadConfig({ AIDGRAPH_NEO4J_HEAP: '2g' }).local.heap).toBe('2g');
  });
  it('reads the new variables and refuses malformed ones, naming them', () => {
    const c = loadConfig({
      AIDGRAPH_RATE_LIMIT: '0', AIDGRAPH_SHED_LAG_MS: '250', AIDGRAPH_CACHE_MAX_AGE_S: '0', AIDGRAPH_TRUST_PROXY: 'true', AIDGRAPH_SLOW_STATEMENT_MS: '50',
      AIDGRAPH_COMPILE_AFTER: '0',
    });
    expect(c.http).toEqual({ rateLimitPerMinute: 0, shedLagMs: 250, cacheMaxAgeS: 0, trustProxy: true, compileAfter: 0 });
    expect(c.slowStatementMs).toBe(50);
    expect(() => loadConfig({ AIDGRAPH_RATE_LIMIT: 'lots' })).toThrow(/AIDGRAPH_RATE_LIMIT/);
    expect(() => loadConfig({ AIDGRAPH_SHED_LAG_MS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ AIDGRAPH_NEO4J_HEAP: '2 GB' })).toThrow(/AIDGRAPH_NEO4J_HEAP/);
    expect(() => loadConfig({ AIDGRAPH_COMPILE_AFTER: 'soon' })).toThrow(/AIDGRAPH_COMPILE_AFTER/);
  });
});
