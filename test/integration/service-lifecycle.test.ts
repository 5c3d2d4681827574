// `npm start` as a user runs it: a real child process that starts its own Neo4j, seeds it, serves
// GraphQL, and on SIGINT leaves no process behind; a second start finds the same graph.
import { TEST_GAZETTEER } from '../helpers/gazetteer-slice.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/db/local-neo4j.js';
import { gazetteerEdition, readLevel, readRecords } from '../../src/gazetteer/division-list.js';
import { DIVISION_LEVELS } from '../../src/domain/division-codes.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Service { child: ChildProcess; url: string; logs: Array<Record<string, any>>; neo4jPid?: number }

async function startService(env: Record<string, string>): Promise<Service> {
  const { NEO4J_URI: _ownUri, ...inherited } = process.env; // each case says which Neo4j it wants
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/serve.ts'], {
    cwd: ROOT,
    env: { ...inherited, CI: 'true', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const logs: Array<Record<string, any>> = [];
  const errors: string[] = [];
  child.stderr!.on('data', (d) => errors.push(String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${errors.join('')}`)), 150_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, any>;
      try { entry = JSON.parse(line); } catch { return; }
      logs.push(entry);
      if (entry.url && String(entry.msg).startsWith('aidgraph is serving')) {
        clearTimeout(timer);
        const up = logs.find((l) => l.msg === 'local Neo4j is up');
        resolve({ child, url: entry.url, logs, neo4jPid: up?.pid });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`service exited with ${code}:\n${errors.join('')}`)); });
  });
}

async function stopService(s: Service, signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill(signal);
  return exited;
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function post(url: string, query: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as any;
}

const STATS = '{ stats { entities relationships quantities citations sources } }';

/** Processes whose command line names this data folder (a leftover Neo4j would). */
function processesUsing(dir: string): string[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      return cmd.includes(dir) ? [`${pid}: ${cmd.slice(0, 120)}`] : [];
    } catch { return []; }
  });
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-start-'));
const started: ChildProcess[] = [];
afterAll(() => {
  // A failed or timed-out case must not leave its service (and so its Neo4j) running.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// With NEO4J_URI set, the run promises to start no Neo4j of its own: the embedded case waits for a run without it.
const embedded = !process.env.NEO4J_URI;
if (!embedded) console.log('[lifecycle] NEO4J_URI is set: the embedded-Neo4j start/stop case is skipped');

describe('npm start on the embedded default', () => {
  it.runIf(embedded)('starts Neo4j, seeds, serves search, and stops cleanly on SIGINT; a restart keeps the graph', async () => {
    // The gazetteer to county level for Tibet: the start loads it with progress lines, the restart skips it.
    const env = {
      AIDGRAPH_DATA_DIR: dataDir, PORT: String(await freePort()), AIDGRAPH_NEO4J_BOLT_PORT: String(await freePort()),
      AIDGRAPH_GAZETTEER: 'county', AIDGRAPH_GAZETTEER_PROVINCES: '54',
    };
    const first = await startService(env);
    expect(first.neo4jPid).toBeGreaterThan(0);
    expect(first.logs.find((l) => l.msg === 'connected to Neo4j')).toMatchObject({ embedded: true });

    const amdo = await post(first.url, '{ search(text: "安多") { id name nameZh } }');
    expect(amdo.data.search[0]).toMatchObject({ id: 'county:amdo', name: 'Amdo County', nameZh: '安多县' });
    const dalian = await post(first.url, '{ search(text: "Dalian") { id name } }');
    expect(dalian.data.search[0]).toMatchObject({ id: 'city:dalian', name: 'Dalian' });
    const counts1 = first.logs.find((l) => String(l.msg).startsWith('seeds loaded'))!.report;
    expect(counts1.entities.created).toBeGreaterThan(0);
    const gazetteer1 = first.logs.find((l) => l.gazetteer)!.gazetteer;
    expect(first.logs.some((l) => /^gazetteer: areas \d+ of \d+, [\d,]+\/s, about \d+ s left/.test(String(l.msg)))).toBe(true);
    expect(gazetteer1).toMatchObject({ skipped: false, depth: 'county', removed: 0 });
    const stats1 = (await post(first.url, STATS)).data.stats;
    // Seeds' places of Tibet are the gazetteer's own nodes: every place counted once.
    expect(stats1.entities).toBe(counts1.entities.created + gazetteer1.created);
    // Tibet, its 7 cities and 78 counties from the list, and every place the seeds name with its
    // official code (the seeds' places outside the slice, or below its depth).
    const tibet = new Set(DIVISION_LEVELS.filter((l) => l.digits <= 6).flatMap((l) => readLevel(gazetteerEdition(), l, ['54']).map((r) => r.code)));
    expect(tibet.size).toBe(1 + 7 + 78);
    const seeded = new Set(loadSeedFolders(SEEDS_DIR).entities.flatMap((e) => (typeof e.props.code === 'string' ? [e.props.code] : [])));
    // A seeded place below the slice's depth (a township) comes with its county, which it is part of.
    const listed = readRecords(gazetteerEdition(), [...seeded].flatMap((c) => (c.length > 6 ? [c, c.slice(0, 6)] : [c])));
    const places = new Set([...tibet, ...listed.keys()]);
    expect(gazetteer1.places).toBe(places.size);
    expect(gazetteer1.created).toBe([...tibet].filter((c) => !seeded.has(c)).length); // the seeds had claimed the rest already

    expect(await stopService(first)).toBe(0);
    expect(alive(first.neo4jPid!)).toBe(false);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'neo4j', 'launcher.pid'))).toBe(false);

    // Second start on the same data folder: everything already there, nothing created or changed.
    const second = await startService(env);
    const counts2 = second.logs.find((l) => String(l.msg).startsWith('seeds loaded'))!.report;
    for (const what of ['entities', 'relationships', 'quantities', 'citations', 'sources'] as const) {
      expect(counts2[what]).toEqual({ created: 0, updated: 0, unchanged: counts1[what].created, removed: 0 });
    }
    expect((await post(second.url, STATS)).data.stats).toEqual(stats1);
    expect(second.logs.find((l) => l.gazetteer)!.gazetteer).toMatchObject({ skipped: true, created: 0 });
    expect(await stopService(second, 'SIGTERM')).toBe(0);
    expect(alive(second.neo4jPid!)).toBe(false);
    expect(processesUsing(dataDir)).toEqual([]);
  }, 180_000); // two full starts and stops of a real Neo4j

  it('uses NEO4J_URI when set and starts no Neo4j of its own', async () => {
    const conn = inject('neo4j');
    const ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-uri-'));
    const s = await startService({
      NEO4J_URI: conn.uri, NEO4J_USERNAME: conn.username, NEO4J_PASSWORD: conn.password,
      ...(conn.database ? { NEO4J_DATABASE: conn.database } : {}),
      AIDGRAPH_DATA_DIR: ownDir, PORT: String(await freePort()),
      // The run's database already holds this slice: the service finds it loaded.
      AIDGRAPH_GAZETTEER: TEST_GAZETTEER.depth, AIDGRAPH_GAZETTEER_PROVINCES: TEST_GAZETTEER.provinces!.join(','),
      // The same outline, or the service would unload the rest of the country's counties.
      ...(TEST_GAZETTEER.outline ? { AIDGRAPH_GAZETTEER_OUTLINE: TEST_GAZETTEER.outline } : {}),
    });
    try {
      expect(s.neo4jPid).toBeUndefined();
      expect(s.logs.find((l) => l.msg === 'connected to Neo4j')).toMatchObject({ embedded: false, uri: conn.uri });
      expect(fs.existsSync(path.join(ownDir, 'neo4j'))).toBe(false);
      const res = await post(s.url, '{ search(text: "Naqu") { id } }');
      expect(res.data.search[0].id).toBe('city:nagqu');
    } finally {
      expect(await stopService(s)).toBe(0);
      fs.rmSync(ownDir, { recursive: true, force: true });
    }
  });
});
