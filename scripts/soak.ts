// `npm run soak`: the service as `npm start` runs it (its own embedded Neo4j, seeded), under load
// for a while at a given concurrency, over a mix of every root field. Reports errors (must be 0),
// p50/p99 and the service's resident memory after warm-up and at the end (growth must stay < 10%).
//
//   npm run soak                               120 s of warm-up, then 60 s, at concurrency 50 (memory
//                                              is compared between the two ends of the 60 s; the
//                                              service's resident memory climbs to its working level
//                                              over the first 90 s or so as V8 sizes its heap)
//   npm run soak -- --duration 30 --concurrency 20
//   npm run soak -- --stop-at 20               SIGTERM mid-soak: every accepted request completes,
//                                              the service exits 0, no process is left behind
//   npm run soak -- --kill-db-at 20            kill -9 the Neo4j JVM mid-soak: errors only while it is
//                                              down, all DATABASE_UNAVAILABLE, then full recovery
//
// Exits 1 when a criterion fails, so it can run in CI or by hand.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { freePort } from '../src/db/local-neo4j.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '120' },
    'stop-at': { type: 'string' },
    'kill-db-at': { type: 'string' },
  },
});
const DURATION = Number(args.duration) * 1000;
const CONCURRENCY = Number(args.concurrency);
const WARMUP = Number(args.warmup) * 1000;
const STOP_AT = args['stop-at'] ? Number(args['stop-at']) * 1000 : undefined;
const KILL_AT = args['kill-db-at'] ? Number(args['kill-db-at']) * 1000 : undefined;

/** Every root field, with the arguments an analyst, a journalist or a service would send. */
const MIX: Array<[string, string, Record<string, unknown>?]> = [
  ['search', 'query Search($t: String!) { search(text: $t, first: 10) { id name nameZh ... on Place { parent { name } } } }', { t: '安多' }],
  ['search', 'query Search($t: String!) { search(text: $t, first: 10) { id name } }', { t: 'Nagqu' }],
  ['entity', '{ entity(id: "county:amdo") { id name ... on Place { twinnedBy { supporter { name } sources { quote } } } } }'],
  ['node', '{ node(id: "city:nagqu") { id ... on Entity { name } } }'],
  ['nodes', '{ nodes(ids: ["city:nagqu", "county:amdo", "province:liaoning", "nope:none"]) { id } }'],
  ['twinnings', '{ twinnings(first: 20) { totalCount edges { node { id supporter { name } recipient { name } supports { id } projects { id } people { id } sources { quote } } } } }'],
  ['supports', '{ supports(first: 20, filter: { supporter: "province:liaoning", includeDescendants: true }) { totalCount edges { node { id mode from } } } }'],
  ['aidSummary', '{ aidSummary(supporter: "province:liaoning", groupBy: MODE) { overall { supports projects people } groups { key supports } } }'],
  ['neighborhood', '{ neighborhood(id: "city:nagqu", depth: 2, limit: 100) { totalNodes nodes { id } edges { id } } }'],
  ['connections', '{ connections(from: "city:dalian", to: "county:amdo", maxHops: 4, first: 3) { length } }'],
  ['timeline', '{ timeline(id: "county:amdo", first: 20) { date } }'],
  ['sources', '{ sources { id citationCount claims(first: 20) { totalCount } } }'],
  ['source', 'query Source($id: ID!) { source(id: $id) { id title } }', { id: 'tibet-daily-2024-06-21-liaoning-nagqu' }],
  ['stats', '{ stats { entities relationships quantities citations sources } }'],
];

interface Sample { field: string; start: number; ms: number; outcome: string }

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-soak-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

console.log(`[soak] starting the service (data in ${dataDir}) …`);
const { NEO4J_URI: _ignored, ...env } = process.env;
const service = spawn(process.execPath, ['--import', 'tsx', 'src/app/serve.ts'], {
  cwd: ROOT,
  env: {
    // info with --stop-at: the service's own account of the drain is part of the verdict.
    ...env, CI: 'true', LOG_LEVEL: STOP_AT !== undefined ? 'info' : 'warn', AIDGRAPH_DATA_DIR: dataDir, PORT: String(port),
    AIDGRAPH_NEO4J_BOLT_PORT: String(await freePort()), AIDGRAPH_RATE_LIMIT: '0', AIDGRAPH_SLOW_STATEMENT_MS: '0',
    // The throwaway store gets the gazetteer to county level unless told otherwise (a village-level
    // first load takes minutes; AIDGRAPH_GAZETTEER=village npm run soak soaks at national size).
    AIDGRAPH_GAZETTEER: env.AIDGRAPH_GAZETTEER ?? 'county',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const logs: Array<Record<string, any>> = [];
readline.createInterface({ input: service.stdout! }).on('line', (l) => { try { logs.push(JSON.parse(l)); } catch { /* not JSON */ } });
const exited = new Promise<number | null>((resolve) => service.once('exit', (code) => resolve(code)));
const cleanup = () => { if (service.exitCode === null) service.kill('SIGKILL'); };
process.on('exit', cleanup);

for (let i = 0; ; i++) {
  if (service.exitCode !== null) {
    for (const l of logs.slice(-10)) console.error(JSON.stringify(l));
    throw new Error('the service exited during start-up (its last log lines are above)');
  }
  try { if ((await fetch(new URL('/health', url))).status === 200) break; } catch { /* not yet */ }
  if (i > 600) throw new Error('the service did not start within 5 minutes');
  await sleep(500);
}
const jvmPid = Number(fs.readFileSync(path.join(dataDir, 'neo4j', 'launcher.pid'), 'utf8'));
console.log(`[soak] serving at ${url} (Neo4j pid ${jvmPid}); ${WARMUP / 1000} s warm-up + ${DURATION / 1000} s at concurrency ${CONCURRENCY}`);

async function memory(): Promise<{ rss: number; heap: number; heapTotal: number; external: number }> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1]);
  return {
    rss: value('aidgraph_process_resident_memory_bytes'),
    heap: value('aidgraph_nodejs_heap_size_used_bytes'),
    heapTotal: value('aidgraph_nodejs_heap_size_total_bytes'),
    external: value('aidgraph_nodejs_external_memory_bytes'),
  };
}
let t0 = Date.now();
// Resident memory swings by 100 MB and more within one garbage-collection cycle (the heap in use
// climbs until a major collection), so one reading says little: memory is read every 2 s, and a
// point in time ("after warm-up", "at the end") is the median of the readings in the 20 s before it.
const readings: Array<{ at: number; rss: number; heap: number; heapTotal: number; external: number }> = [];
const sampler = setInterval(() => {
  memory().then((m) => readings.push({ at: Date.now() - t0, ...m }), () => undefined);
}, 2_000);
const WINDOW = 20_000;
function medianRss(endsAt: number): number {
  const values = readings.filter((r) => r.at > endsAt - WINDOW && r.at <= endsAt).map((r) => r.rss).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? NaN;
}
/** Every 10 s, printed with the report: growth that flattens is warm-up, growth that keeps on is a leak. */
function series(): string {
  return readings.filter((_, i) => i % 5 === 4)
    .map((r) => `${Math.round(r.at / 1000)}s ${mb(r.rss)}/${mb(r.heapTotal)}/${mb(r.heap)}/${mb(r.external)}`).join(', ');
}

/** The first message seen for each error code, printed with the report. */
const firstMessage = new Map<string, string>();

async function one(i: number): Promise<Sample> {
  const [field, query, variables] = MIX[i % MIX.length]!;
  const start = Date.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(process.env.SOAK_ENCODING ? { 'accept-encoding': process.env.SOAK_ENCODING } : {}) }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let outcome = res.status === 200 ? 'ok' : `HTTP ${res.status}`;
    try {
      const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      if (body.errors?.length) {
        outcome = String(body.errors[0]!.extensions?.code ?? 'ERROR');
        if (!firstMessage.has(outcome)) firstMessage.set(outcome, `${field}: ${(body.errors[0] as { message?: string }).message}`);
      }
    } catch {
      outcome = `unreadable (${res.status})`;
    }
    return { field, start, ms: Date.now() - start, outcome };
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    return { field, start, ms: Date.now() - start, outcome: code === 'ECONNREFUSED' ? 'refused' : `broken: ${code}` };
  }
}

t0 = Date.now();
const samples: Sample[] = [];
let stopped = false;
let killedAt: number | undefined;
let recoveredAt: number | undefined;

const timers: Array<Promise<void>> = [];
if (KILL_AT !== undefined) {
  timers.push(sleep(KILL_AT).then(async () => {
    killedAt = Date.now();
    console.log(`[soak] ${((killedAt - t0) / 1000).toFixed(1)} s: kill -9 Neo4j (pid ${jvmPid})`);
    process.kill(jvmPid, 'SIGKILL');
    await sleep(500);
    while ((await fetch(new URL('/health', url)).then((r) => r.status, () => 0)) !== 200) await sleep(200);
    recoveredAt = Date.now();
    console.log(`[soak] ${((recoveredAt - t0) / 1000).toFixed(1)} s: /health is 200 again (${((recoveredAt - killedAt) / 1000).toFixed(1)} s down)`);
  }));
}
if (STOP_AT !== undefined) {
  timers.push(sleep(STOP_AT).then(() => {
    console.log(`[soak] ${(STOP_AT / 1000).toFixed(1)} s: SIGTERM to the service`);
    stopped = true;
    service.kill('SIGTERM');
  }));
}

let next = 0;
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (Date.now() - t0 < WARMUP + DURATION) {
    const s = await one(next++);
    samples.push(s);
    if (stopped && s.outcome === 'refused') return; // the listener is gone: this worker is done
  }
}));
clearInterval(sampler);
const rssWarm = medianRss(WARMUP);
const rssEnd = stopped ? NaN : medianRss(Date.now() - t0);
await Promise.all(timers);

// ---- report
const ok = samples.filter((s) => s.outcome === 'ok');
const latencies = ok.map((s) => s.ms).sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const byOutcome = new Map<string, number>();
for (const s of samples) byOutcome.set(s.outcome, (byOutcome.get(s.outcome) ?? 0) + 1);
const errors = samples.filter((s) => s.outcome !== 'ok');
const failures: string[] = [];

const seconds = (Date.now() - t0) / 1000;
console.log(`\n[soak] ${samples.length} requests in ${seconds.toFixed(0)} s (${(samples.length / seconds).toFixed(0)}/s; ${WARMUP / 1000} s of them warm-up), concurrency ${CONCURRENCY}`);
console.log(`[soak] outcomes: ${JSON.stringify(Object.fromEntries(byOutcome))}`);
for (const [code, message] of firstMessage) console.log(`[soak] first ${code}: ${message}`);
const serviceErrors = new Map<string, number>();
for (const l of logs) if (l.level >= 50) {
  const key = `${l.msg}: ${String(l.err?.message ?? l.err?.type ?? '').slice(0, 300)}`;
  serviceErrors.set(key, (serviceErrors.get(key) ?? 0) + 1);
}
for (const [key, n] of serviceErrors) console.log(`[soak] the service logged ${n} × ${key}`);
console.log(`[soak] latency of answered requests: p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms`);
const perField = MIX.map(([f]) => f).filter((f, i, a) => a.indexOf(f) === i).map((f) => {
  const l = ok.filter((s) => s.field === f).map((s) => s.ms).sort((a, b) => a - b);
  return `${f} ${l[Math.floor(l.length / 2)]}/${l[Math.floor(l.length * 0.99)]}`;
});
console.log(`[soak] p50/p99 ms by root field: ${perField.join(', ')}`);
console.log(`[soak] service memory (resident/heap total/heap used/external): ${series()}`);

if (STOP_AT !== undefined) {
  const code = await exited;
  await sleep(500);
  const broken = samples.filter((s) => s.outcome.startsWith('broken') || s.outcome.startsWith('unreadable'));
  // A reset can be a request sent on a keep-alive connection at the moment the server closed it as
  // idle (never read, so never accepted) or one cut off mid-way: the server's count tells them apart.
  const drained = logs.find((l) => l.msg === 'HTTP drained');
  const leftovers = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try { return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dataDir); } catch { return false; }
  });
  console.log(`[soak] service: ${drained ? `${drained.inFlight} requests in flight at SIGTERM, ${drained.unfinished} left unanswered` : 'no drain report'}`);
  console.log(`[soak] stop: exit code ${code}; after SIGTERM: ${samples.filter((s) => s.start >= t0 + STOP_AT && s.outcome === 'ok').length} answered, ${byOutcome.get('refused') ?? 0} refused at connect, ${byOutcome.get('HTTP 503') ?? 0} told 503 while closing, ${broken.length} reset by the server closing kept-alive idle connections; Neo4j alive: ${alive(jvmPid)}; processes left: ${leftovers.length}`);
  if (code !== 0) failures.push(`the service exited with ${code}`);
  if (!drained || drained.unfinished !== 0) failures.push(`accepted requests did not complete (${drained?.unfinished ?? 'unknown'})`);
  if (broken.some((s) => !s.outcome.includes('ECONNRESET'))) failures.push('answers cut off mid-way');
  if (alive(jvmPid) || leftovers.length) failures.push('a process was left behind');
  const other = errors.filter((s) => !['refused', 'HTTP 503'].includes(s.outcome) && !s.outcome.startsWith('broken'));
  if (other.length) failures.push(`${other.length} errors other than refusals: ${[...new Set(other.map((s) => s.outcome))].join(', ')}`);
} else {
  const growth = (rssEnd - rssWarm) / rssWarm;
  console.log(`[soak] service resident memory (median of the last ${WINDOW / 1000} s): ${mb(rssWarm)} after warm-up, ${mb(rssEnd)} at the end (${(growth * 100).toFixed(1)}%)`);
  if (growth >= 0.1) failures.push(`memory grew ${(growth * 100).toFixed(1)}%`);
  if (KILL_AT !== undefined) {
    if (!recoveredAt) failures.push('the database did not come back');
    // Retryable: the database is down (DATABASE_UNAVAILABLE), or the service sheds load while it
    // catches up (OVERLOADED, 503 with Retry-After).
    const notRetryable = errors.filter((s) => s.outcome !== 'DATABASE_UNAVAILABLE' && s.outcome !== 'OVERLOADED');
    const late = errors.filter((s) => recoveredAt !== undefined && s.start > recoveredAt);
    const early = errors.filter((s) => killedAt !== undefined && s.start + s.ms < killedAt);
    console.log(`[soak] database restart: ${errors.length} errors, all while it was down: ${late.length === 0 && early.length === 0}; codes: ${[...new Set(errors.map((s) => s.outcome))].join(', ') || 'none'}; answered after recovery: ${ok.filter((s) => recoveredAt !== undefined && s.start > recoveredAt).length}`);
    if (notRetryable.length) failures.push(`${notRetryable.length} errors were not retryable (${[...new Set(notRetryable.map((s) => s.outcome))].join(', ')})`);
    if (late.length || early.length) failures.push(`${late.length + early.length} errors outside the outage`);
  } else if (errors.length) {
    failures.push(`${errors.length} errors`);
  }
  service.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) failures.push(`the service exited with ${code}`);
}
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(failures.length ? `[soak] FAILED: ${failures.join('; ')}` : '[soak] passed');
process.exit(failures.length ? 1 : 0);
