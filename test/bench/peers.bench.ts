// `npm run bench:peers`: aidgraph beside the generic tool and the floor, on one Neo4j, in one run.
// One throwaway Neo4j holds the seeds and the whole official division list (665,276 places); three
// servers answer the same questions over it:
//   (a) aidgraph, as `npm start` serves it (rate limit and load shedding off: one client asks as
//       fast as it can);
//   (b) @neo4j/graphql 7.6.3 with type definitions over the same labels and edges (what a user
//       pointing the generic tool at this database gets: one generated Cypher per root field);
//   (c) the floor: one hand-written Cypher statement per question behind plain node:http.
// Each question runs on the three, alternately (six slices, one in each order of the three, after
// a warm-up of every question on every server), at concurrency 1 and 10 (autocannon); the table
// gives requests/s, p50 and p99 and the two ratios of throughput. The machine is shared and noisy:
// the ratios, measured side by side, are what count.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { formatGazetteerReport, loadGazetteer } from '../../src/gazetteer/load.js';
import { seedGraph } from '../../src/ingest/seed.js';
import { listen } from '../../src/http/listen.js';
import { collectInside, isInside } from '../../src/modules/places/inside.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 9);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/**
 * The first warm-up goes round every question on every server until the JVM's JIT compilers are
 * quiet: under a share of a core (`BENCH_QUIET_JIT`, default 2%) over a round, at most
 * `BENCH_WARMUP_ROUNDS` rounds (default 8). Measured here: the compiler threads used 2.2 ms a
 * search request in its first 11 s, 0.26 ms at 30–38 s, none after two minutes; a short warm-up
 * measured the JIT, on whichever server ran while it compiled.
 */
const QUIET_JIT = Number(process.env.BENCH_QUIET_JIT ?? 0.02);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 8);
/** `village` (the whole list, default) or `county` for a quick try of the bench itself. */
const DEPTH = (process.env.BENCH_GAZETTEER ?? 'village') as 'village' | 'county';
/**
 * A data folder to keep (and find again): the first run loads the list into it, later runs start
 * on it in seconds. Without it, a throwaway folder is loaded and removed.
 */
const KEEP_DIR = process.env.BENCH_DATA_DIR;
/** Run only the questions whose key is listed (comma-separated), e.g. `BENCH_ONLY=children,chain`. */
const ONLY = process.env.BENCH_ONLY?.split(',');

// The generic tool's view of the same graph: the labels and edges as they are stored. Places carry
// both labels so its generated MATCH can use the unique index on Entity.id, as ours does.
const PEER_TYPE_DEFS = /* GraphQL */ `
  type Place @node(labels: ["Place", "Entity"]) {
    id: ID!
    name: String!
    nameZh: String
    parent: [Place!]! @relationship(type: "PART_OF", direction: OUT)
    children: [Place!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    nameZh: String
    searchText: String
  }
`;

interface Question {
  key: string;
  title: string;
  aidgraph: string;
  /** The peer's query, or why its schema cannot ask the question. */
  peer: string | { cannot: string };
  /** One hand-written statement; the floor server returns its rows as JSON. */
  floor: { cypher: string; params: Record<string, unknown> };
}

const QUESTIONS: Question[] = [
  {
    key: 'place',
    title: 'one place by id (id, name, nameZh)',
    aidgraph: '{ entity(id: "county:amdo") { id name nameZh } }',
    peer: '{ places(where: { id: { eq: "county:amdo" } }) { id name nameZh } }',
    floor: {
      cypher: 'MATCH (p:Entity {id: $id}) RETURN p.id AS id, p.name AS name, p.nameZh AS nameZh',
      params: { id: 'county:amdo' },
    },
  },
  {
    key: 'children',
    title: 'a county, its townships, their villages',
    aidgraph: '{ entity(id: "county:amdo") { id name ... on Place { children { id name children { id name } } } } }',
    peer: '{ places(where: { id: { eq: "county:amdo" } }) { id name children { id name children { id name } } } }',
    floor: {
      cypher: `MATCH (c:Entity {id: $id})
               RETURN c.id AS id, c.name AS name,
                      [(c)<-[:PART_OF]-(t:Place) | t {.id, .name, children: [(t)<-[:PART_OF]-(v:Place) | v {.id, .name}]}] AS children`,
      params: { id: 'county:amdo' },
    },
  },
  {
    key: 'chain',
    title: "a township's parent chain up 3 levels",
    aidgraph: '{ entity(id: "township:zharen") { id name ... on Place { parent { id name parent { id name parent { id name } } } } } }',
    peer: '{ places(where: { id: { eq: "township:zharen" } }) { id name parent { id name parent { id name parent { id name } } } } }',
    floor: {
      cypher: `MATCH (t:Entity {id: $id})
               OPTIONAL MATCH (t)-[:PART_OF]->(p1:Place)
               OPTIONAL MATCH (p1)-[:PART_OF]->(p2:Place)
               OPTIONAL MATCH (p2)-[:PART_OF]->(p3:Place)
               RETURN t.id AS id, t.name AS name, p1 {.id, .name} AS p1, p2 {.id, .name} AS p2, p3 {.id, .name} AS p3`,
      params: { id: 'township:zharen' },
    },
  },
  {
    key: 'search',
    title: 'search by name (安多, first 10)',
    aidgraph: '{ search(text: "安多", first: 10) { id name nameZh } }',
    // Its nearest question: a substring of the same search keys, through the same text index, unranked.
    peer: '{ entities(where: { searchText: { contains: "|安多" } }, limit: 10) { id name nameZh } }',
    floor: {
      cypher: `MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix
               RETURN e.id AS id, e.name AS name, e.nameZh AS nameZh
               ORDER BY CASE WHEN e.searchText CONTAINS $exact THEN 0 ELSE 1 END, e.id LIMIT 10`,
      params: { prefix: '|安多', exact: '|安多|' },
    },
  },
  {
    key: 'cited',
    title: 'a place with its twinnings, supports and their citations',
    aidgraph: `{ entity(id: "county:amdo") { id name sources { quote } ... on Place {
      twinnedBy { id supporter { name } sources { quote } }
      supportsReceived { id mode supporter { name } sources { quote } } } } }`,
    peer: { cannot: 'citations join their subject by id, not by an edge' },
    floor: {
      cypher: `MATCH (p:Entity {id: $id})
               RETURN p.id AS id, p.name AS name,
                      [(c:Citation {subjectId: p.id})-[:QUOTES]->(:Source) | c.quote] AS sources,
                      [(a:Entity)-[r:TWINNED_WITH]->(p) | {id: r.id, supporter: a.name,
                        sources: [(c:Citation {subjectId: r.id})-[:QUOTES]->(:Source) | c.quote]}] AS twinnedBy,
                      [(a:Entity)-[r:SUPPORTS]->(p) | {id: r.id, mode: r.mode, supporter: a.name,
                        sources: [(c:Citation {subjectId: r.id})-[:QUOTES]->(:Source) | c.quote]}] AS supportsReceived`,
      params: { id: 'county:amdo' },
    },
  },
  {
    key: 'twinnings',
    title: 'twinnings under a province, first 20, with supporter, recipient, projects',
    aidgraph: `{ twinnings(filter: { recipient: "province:tibet", includeDescendants: true }, first: 20) {
      edges { node { id supporter { name } recipient { name } projects { id name } } } } }`,
    peer: { cannot: 'no filter for "anywhere below" a place (a walk of any depth)' },
    floor: {
      cypher: `${collectInside('$recipient', 'side')}
               UNWIND side AS b
               MATCH (a:Entity)-[r:TWINNED_WITH]->(b)
               WITH a, r, b ORDER BY a.name, r.id LIMIT 20
               CALL {
                 WITH a, b
                 ${collectInside('b.id', 'recipientSide', 'b')}
                 UNWIND recipientSide AS y
                 OPTIONAL MATCH (benefiting:Project)-[:BENEFITS]->(y)
                 WITH a, [p IN collect(benefiting) + collect(y) WHERE p:Project] AS candidates
                 UNWIND candidates AS p
                 MATCH (x:Entity)-[:PARTICIPATES_IN]->(p) WHERE ${isInside('x', 'a.id')}
                 RETURN collect(DISTINCT p {.id, .name}) AS projects
               }
               RETURN r.id AS id, a.name AS supporter, b.name AS recipient, projects`,
      params: { recipient: 'province:tibet' },
    },
  },
  {
    key: 'neighborhood',
    title: 'neighborhood of a county, depth 2',
    aidgraph: '{ neighborhood(id: "county:amdo", depth: 2, limit: 100) { nodes { id name } edges { id } } }',
    peer: { cannot: 'no walk over every edge type to a given depth' },
    floor: {
      cypher: `MATCH path = (c:Entity {id: $id})-[*1..2]-(n:Entity)
               WITH n, min(length(path)) AS distance ORDER BY distance, n.id LIMIT 100
               WITH collect(n) AS found
               MATCH (c:Entity {id: $id})
               WITH [c] + found AS nodes
               UNWIND nodes AS x
               OPTIONAL MATCH (x)-[r]->(y) WHERE y IN nodes
               RETURN [n IN nodes | n {.id, .name}] AS nodes, collect(DISTINCT r.id) AS edges`,
      params: { id: 'county:amdo' },
    },
  },
].filter((q) => !ONLY || ONLY.includes(q.key));

/** The floor: one statement per question, its rows as JSON; nothing else between HTTP and Neo4j. */
async function startFloor(driver: Driver): Promise<{ url: string; close(): Promise<void> }> {
  const byKey = new Map(QUESTIONS.map((q) => [q.key, q.floor]));
  const server = http.createServer((req, res) => {
    const floor = byKey.get((req.url ?? '').slice(1));
    req.resume();
    if (!floor) { res.writeHead(404).end(); return; }
    driver.executeQuery(floor.cypher, floor.params, { routing: neo4j.routing.READ })
      .then((r) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: r.records.map((x) => x.toObject()) }));
      })
      .catch((err: unknown) => { res.writeHead(500).end(String(err)); });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function startPeer(driver: Driver): Promise<{ url: string; close(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(apollo, { listen: { port: await freePort(), host: '127.0.0.1' } });
  return { url, close: () => apollo.stop() };
}

/**
 * CPU time (s) the JVM's JIT compiler threads (HotSpot's "C1/C2 CompilerThread") have used, from
 * /proc; null where there is no /proc (then the warm-up runs all its rounds).
 */
function jitSeconds(pid: number): number | null {
  const tasks = `/proc/${pid}/task`;
  if (!fs.existsSync(tasks)) return null;
  let ticks = 0;
  for (const task of fs.readdirSync(tasks)) {
    try {
      if (!/^C\d CompilerThre/.test(fs.readFileSync(`${tasks}/${task}/comm`, 'utf8'))) continue;
      // utime and stime: the 14th and 15th fields, after the command name in parentheses.
      const fields = fs.readFileSync(`${tasks}/${task}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch { /* a compiler thread that ended between the listing and the read */ }
  }
  return ticks / 100; // USER_HZ
}

interface Target { name: string; url: string; body?: string }
interface Measured { rps: number; p50: number; p99: number }

/** One answer, checked for errors; its count of `id` fields shows the three answer the same. */
async function ask(t: Target): Promise<number> {
  const res = await fetch(t.url, { method: t.body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: t.body });
  const text = await res.text();
  if (!res.ok || /"errors"\s*:/.test(text)) throw new Error(`${t.name}: ${res.status} ${text.slice(0, 500)}`);
  return (text.match(/"id":/g) ?? []).length;
}

async function load(t: Target, connections: number, seconds: number): Promise<Measured> {
  const r = await autocannon({
    url: t.url, method: t.body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: t.body,
    connections, duration: seconds,
    // The load generator in a thread of its own: on the servers' thread it took a share of every
    // request's time that the floor, which has little else to do, felt least.
    workers: 1,
  });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${t.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

const mean = (ms: Measured[]): Measured => {
  const avg = (f: (m: Measured) => number) => ms.reduce((sum, m) => sum + f(m), 0) / ms.length;
  return { rps: avg((m) => m.rps), p50: avg((m) => m.p50), p99: avg((m) => m.p99) };
};
/** Every order of the three servers (ours 0, the peer 1, the floor 2): one slice each. */
const ORDERS = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [0, 2, 1], [2, 0, 1], [1, 0, 2]] as const;
const cell = (m: Measured | null) => (m ? `${Math.round(m.rps)} req/s, ${+m.p50.toFixed(1)} / ${+m.p99.toFixed(1)} ms` : '—');
const ratio = (a: Measured, b: Measured | null) => (b ? (a.rps / b.rps).toFixed(2) : '—');

const dataDir = KEEP_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-peers-'));
fs.mkdirSync(dataDir, { recursive: true });
const neo4jServer = await startLocalNeo4j({
  dataDir, boltPort: await freePort(), heap: process.env.BENCH_HEAP ?? '1g', pageCache: process.env.BENCH_PAGECACHE ?? '1g',
});
const driver = createDriver({ uri: neo4jServer.uri, ...neo4jServer.credentials });
// The load's batches on a busy shared machine can take minutes; the API's own timeout is not tested here.
const graph = new Graph(driver, { timeoutMs: 600_000 });
const closers: Array<() => Promise<void>> = [];
try {
  await seedGraph(graph);
  const t0 = Date.now();
  const report = await loadGazetteer(graph, gazetteerEdition(), { depth: DEPTH, provinces: null });
  console.log(`gazetteer (${DEPTH}): ${formatGazetteerReport(report)}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const ours = await listen(graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 });
  closers.push(() => ours.stop());
  // The peer and the floor get drivers of their own, with the driver's defaults.
  const auth = neo4j.auth.basic(neo4jServer.credentials.username, neo4jServer.credentials.password);
  const peerDriver = neo4j.driver(neo4jServer.uri, auth);
  const floorDriver = neo4j.driver(neo4jServer.uri, auth);
  closers.push(() => peerDriver.close(), () => floorDriver.close());
  const peer = await startPeer(peerDriver);
  const floor = await startFloor(floorDriver);
  closers.unshift(() => peer.close(), () => floor.close());

  const lines: string[] = [];
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const loadavg = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const targetsOf = (q: Question): Array<Target | null> => [
    { name: 'aidgraph', url: ours.url, body: JSON.stringify({ query: q.aidgraph }) },
    typeof q.peer === 'string' ? { name: '@neo4j/graphql', url: peer.url, body: JSON.stringify({ query: q.peer }) } : null,
    { name: 'floor', url: `${floor.url}/${q.key}` },
  ];
  // A freshly started JVM keeps compiling for a minute or two: whichever server is asked while it
  // does pays for it. Every question on every server, round after round, until the compilers are quiet.
  const warmStarted = Date.now();
  let rounds = 0;
  let lastShare: number | null = null;
  while (rounds < WARMUP_ROUNDS) {
    const jit0 = jitSeconds(neo4jServer.pid); const t0 = Date.now();
    for (const q of QUESTIONS) for (const t of targetsOf(q)) if (t) await load(t, 10, WARMUP_SECONDS);
    rounds += 1;
    const jit1 = jitSeconds(neo4jServer.pid);
    lastShare = jit0 === null || jit1 === null ? null : (jit1 - jit0) / ((Date.now() - t0) / 1000);
    if (lastShare !== null && lastShare < QUIET_JIT) break;
  }
  const warmup = `warm-up: ${rounds} round(s) of every question on every server, ${((Date.now() - warmStarted) / 1000).toFixed(0)} s; ` +
    `JIT compilers in the last round: ${lastShare === null ? 'not measured' : `${(lastShare * 100).toFixed(1)}% of a core`}`;
  console.log(warmup);
  const jitBefore = jitSeconds(neo4jServer.pid); const measuredFrom = Date.now();
  for (const q of QUESTIONS) {
    const targets = targetsOf(q);
    const ids = await Promise.all(targets.map((t) => (t ? ask(t) : Promise.resolve(null))));
    console.log(`${q.key}: ids in the answer: aidgraph ${ids[0]}, peer ${ids[1] ?? '—'}, floor ${ids[2]}`);
    for (const c of [1, 10]) {
      for (const t of targets) if (t) await load(t, c, WARMUP_SECONDS);
      // Six short slices per server, one in each of the six orders, averaged: every server runs
      // first, second and last equally often, and no slice is far in time from the others' (this
      // host's load drifts within seconds; two long halves still left ratios 20% apart by run).
      const slices: Measured[][] = [[], [], []];
      for (const order of ORDERS) {
        for (const i of order) { const t = targets[i]; if (t) slices[i]!.push(await load(t, c, SECONDS / ORDERS.length)); }
      }
      const measured = slices.map((m) => (m.length ? mean(m) : null));
      const [mine, theirs, floorM] = measured as [Measured, Measured | null, Measured];
      const peerCell = typeof q.peer === 'string' ? cell(theirs) : `cannot ask: ${q.peer.cannot}`;
      lines.push(`| ${q.title} | ${c} | ${cell(mine)} | ${peerCell} | ${cell(floorM)} | ${ratio(mine, theirs)} | ${ratio(mine, floorM)} |`);
      console.log(lines.at(-1));
    }
  }
  const jitAfter = jitSeconds(neo4jServer.pid);
  const jitWhileMeasured = jitBefore === null || jitAfter === null ? 'not measured'
    : `${(jitAfter - jitBefore).toFixed(1)} s of CPU in ${((Date.now() - measuredFrom) / 1000).toFixed(0)} s`;
  console.log(`\nOne run, ${started} UTC, ${SECONDS} s per case (six slices, one in each order of the three) after ${WARMUP_SECONDS} s of warm-up; load average at the start ${loadavg} (2 cores).`);
  console.log(`${warmup}; JIT compilers while measuring: ${jitWhileMeasured}.\n`);
  console.log('| question | conc. | aidgraph | @neo4j/graphql 7.6.3 | floor (one Cypher, node:http) | ours / peer | ours / floor |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const l of lines) console.log(l);
} finally {
  for (const close of closers) await close().catch(() => undefined);
  await driver.close();
  await neo4jServer.stop();
  if (!KEEP_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
}
