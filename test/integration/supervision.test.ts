// The embedded Neo4j under supervision, as `npm start` runs it: kill its JVM and the service says
// so and recovers (health and queries) without restarting; when it cannot restart Neo4j three
// times in a row, the process exits non-zero. Also: every request's log lines carry its id.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { classDataArchive, freePort, resolveClasspath } from '../../src/db/local-neo4j.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-supervised-'));
let child: ChildProcess | undefined;
let blocker: net.Server | undefined;
afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  blocker?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(250);
  }
}

const SEARCH = '{ search(text: "Nagqu") { id } }';

async function health(url: string): Promise<number> {
  try { return (await fetch(new URL('/health', url))).status; } catch { return 0; }
}

// With NEO4J_URI set, the run promises to start no Neo4j of its own.
describe.runIf(!process.env.NEO4J_URI)('the supervised embedded Neo4j', () => {
  it('recovers from a killed JVM without a restart of the service, then exits 1 when restarts keep failing', async () => {
    const boltPort = await freePort();
    const { NEO4J_URI: _own, ...inherited } = process.env;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/app/serve.ts'], {
      cwd: ROOT,
      env: {
        ...inherited, CI: 'true', LOG_LEVEL: 'info', AIDGRAPH_SEED: 'false', AIDGRAPH_DATA_DIR: dataDir,
        PORT: String(await freePort()), AIDGRAPH_NEO4J_BOLT_PORT: String(boltPort),
        AIDGRAPH_NEO4J_HEAP: '512m', AIDGRAPH_NEO4J_PAGECACHE: '64m', AIDGRAPH_SLOW_STATEMENT_MS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: Array<Record<string, any>> = [];
    readline.createInterface({ input: child.stdout! }).on('line', (line) => { try { logs.push(JSON.parse(line)); } catch { /* not JSON */ } });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const serving = await waitFor('the service to serve', 150_000, () => logs.find((l) => String(l.msg).startsWith('aidgraph is serving')));
    const url: string = serving.url;
    const firstPid: number = logs.find((l) => l.msg === 'local Neo4j is up')!.pid;
    // The JVM started from the class-data archive: it maps the file rather than loading each class.
    const archive = classDataArchive(resolveClasspath());
    expect(fs.existsSync(archive)).toBe(true);
    expect(fs.readFileSync(`/proc/${firstPid}/maps`, 'utf8')).toContain(archive);

    // A request's id is in its response header and on every line logged while serving it.
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'probe-1' }, body: JSON.stringify({ query: SEARCH }) });
    expect(res.headers.get('x-request-id')).toBe('probe-1');
    await waitFor('the request log line', 5_000, () => logs.find((l) => l.msg === 'request completed' && l.reqId === 'probe-1'));
    // AIDGRAPH_SLOW_STATEMENT_MS=1: the search statement is "slow", logged with its name, time, rows and request id.
    expect(logs.find((l) => l.msg === 'slow statement' && l.reqId === 'probe-1')).toMatchObject({ statement: expect.stringMatching(/^[a-z]+\.[\w.-]+( \(.+\))?$/), ms: expect.any(Number), rows: expect.any(Number) });

    // Kill the JVM: the log says so, and health and queries come back on their own.
    process.kill(firstPid, 'SIGKILL');
    const down = await waitFor('the exit to be logged', 10_000, () => logs.find((l) => String(l.msg).startsWith('local Neo4j exited unexpectedly')));
    expect(down).toMatchObject({ signal: 'SIGKILL', pid: firstPid });
    expect(down.debugLog.length).toBeGreaterThan(0);
    // Until the new JVM answers (its start takes seconds), requests fail at once with a retryable code.
    const asked = Date.now();
    const during = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEARCH }) })).json()) as any;
    expect(during.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(Date.now() - asked).toBeLessThan(5_000); // not the driver's 20 s wait for a connection
    expect(await health(url)).toBe(503);
    await waitFor('health 200 again', 90_000, async () => ((await health(url)) === 200 ? true : undefined));
    const after = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEARCH }) })).json()) as any;
    expect(after.errors).toBeUndefined();
    expect(after.data.search).toEqual([]); // AIDGRAPH_SEED=false: an empty graph, answering
    const restarted = logs.find((l) => String(l.msg).startsWith('local Neo4j restarted'))!;
    expect(restarted.pid).not.toBe(firstPid);
    expect(alive(firstPid)).toBe(false);
    expect(fs.readFileSync(`/proc/${restarted.pid}/maps`, 'utf8')).toContain(archive); // and so does each restart
    expect(await (await fetch(new URL('/metrics', url))).text()).toMatch(/aidgraph_neo4j_restarts_total 1/);

    // Now make every restart fail (another process takes the Bolt port): three failures, exit 1.
    process.kill(restarted.pid, 'SIGKILL');
    await waitFor('the second exit', 10_000, () => logs.filter((l) => String(l.msg).startsWith('local Neo4j exited unexpectedly')).length === 2 || undefined);
    blocker = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => blocker!.listen(boltPort, '127.0.0.1', resolve));
    expect(await exited).toBe(1);
    expect(logs.filter((l) => /^restart \d of 3 of the local Neo4j failed/.test(String(l.msg)))).toHaveLength(3);
    expect(logs.find((l) => l.msg === 'giving up on the local Neo4j')).toBeDefined();
    expect(alive(restarted.pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'neo4j', 'launcher.pid'))).toBe(false);
  }, 300_000);
});
