// `npm run bench:scale`: what the API costs as the graph grows, side by side in one run. Two throwaway
// Neo4j hold today's graph (the seeds and the official division list, 665,276 places) and the same
// graph with a knowledge layer `BENCH_FACTOR` (100) times the seeds' (generated twinnings under the
// five programmes, supports, institutions, figures and citations around real places, all labelled
// synthetic: test/helpers/synthetic.ts); with BENCH_ARTICLE=1 a third holds the seeds alone. Each
// operation runs against every side in turn, at concurrency 1 and 10 (autocannon). The machine is
// shared and noisy, so what counts is the ratio of two sides measured together: an operation whose
// cost on the large graph is over `BENCH_LIMIT` (2) times its cost on today's (mean latency at
// concurrency 1, requests per second at 10) is measured again, and the run fails if it is over twice.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { machineMemory, recommendMemory } from '../../src/db/memory.js';
import { gazetteerEdition, readLevel, type DivisionRecord } from '../../src/gazetteer/division-list.js';
import { GAZETTEER_DEPTHS, levelsDownTo, type GazetteerDepth } from '../../src/domain/division-codes.js';
import { formatGazetteerReport, loadGazetteer, type GazetteerSelection } from '../../src/gazetteer/load.js';
import { SEEDS_DIR, formatReport, seedGraph } from '../../src/ingest/seed.js';
import { checkCitations, formatCitationCheck } from '../../src/ingest/citation-check.js';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { collectInside } from '../../src/modules/places/inside.js';
import { WRITE_DATA_STAMP, freshDataStamp } from '../../src/db/data-stamp.js';
import { seedLayer, writeKnowledgeLayer, type LayerCounts } from '../helpers/synthetic.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
// The heap a start plans on this machine (src/db/memory.ts): the x100 layer loads as one seed
// transaction, which at the national layer's size (92,700 citations) outgrows a 1g heap's
// transaction memory (70% of it).
const HEAP = process.env.BENCH_HEAP ?? recommendMemory(machineMemory(), 0).heap;
const PAGECACHE = process.env.BENCH_PAGECACHE ?? '1g';
const FACTOR = Number(process.env.BENCH_FACTOR ?? 100);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 2);
// The slice to develop against: BENCH_GAZETTEER_DEPTH=county loads the whole country down to its
// 2,978 counties in seconds; BENCH_PROVINCES=21,54,… keeps only those provinces (the layer needs
// givers and recipients among them).
const DEPTH = (process.env.BENCH_GAZETTEER_DEPTH ?? 'village') as GazetteerDepth;
if (!GAZETTEER_DEPTHS.includes(DEPTH) || ['off', 'province', 'city'].includes(DEPTH)) {
  throw new Error(`BENCH_GAZETTEER_DEPTH must be county, township or village (the layer twins prefectures with counties), not ${DEPTH}`);
}
const SELECTION: GazetteerSelection = { depth: DEPTH, provinces: process.env.BENCH_PROVINCES ? process.env.BENCH_PROVINCES.split(',') : null };

interface Side { name: string; neo4j: LocalNeo4j; graph: Graph; server: RunningServer; dataDir: string }

// BENCH_DATA_DIR keeps both stores (in <dir>/today and <dir>/x100) after the run: a second run on
// them skips the gazetteer load (it checks the load's state) and re-measures a case in minutes.
const KEEP_DIR = process.env.BENCH_DATA_DIR;

async function open(name: string): Promise<Side> {
  const dataDir = KEEP_DIR ? path.join(KEEP_DIR, name) : fs.mkdtempSync(path.join(os.tmpdir(), `aidgraph-scale-${name}-`));
  fs.mkdirSync(dataDir, { recursive: true });
  const neo4j = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: HEAP, pageCache: PAGECACHE });
  // Long enough for what the load waits on: two stores building their text indexes over 665k places at
  // once on a busy machine took longer than a minute (the national run of 2026-12-06 stopped there).
  const graph = new Graph(createDriver({ uri: neo4j.uri, ...neo4j.credentials }), { timeoutMs: 10 * 60_000 });
  await seedGraph(graph);
  // No rate limit or shedding: the load generator is one client asking as fast as it can.
  return { name, neo4j, graph, server: await listen(graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 }), dataDir };
}

const du = (dir: string) => execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0];
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const edition = gazetteerEdition();
const seeds = seedLayer(SEEDS_DIR);
const levels = levelsDownTo(DEPTH);
const places: DivisionRecord[] = levels.slice(0, 3).flatMap((level) => readLevel(edition, level, SELECTION.provinces));
const layerStarted = Date.now();
const layer = writeKnowledgeLayer({ factor: FACTOR, base: seeds.base, places, claimed: seeds.claimed, programmes: seeds.programmes, stated: seeds.stated, terms: seeds.terms });
// The layer's folder is a seeds folder: the real seeds beside the synthetic one, loaded as a start loads seeds.
for (const entry of fs.readdirSync(SEEDS_DIR, { withFileTypes: true })) {
  if (entry.isDirectory()) fs.cpSync(path.join(SEEDS_DIR, entry.name), path.join(layer.dir, entry.name), { recursive: true });
}
console.log(`\nknowledge layer ×${FACTOR}, written in ${seconds(layerStarted)}: ` +
  Object.entries(layer.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}` + (k in seeds.base ? ` (seeds ${seeds.base[k as keyof LayerCounts]})` : '')).join(', '));

const sides: Side[] = [];
try {
  // Both at once; one that started is stopped below even if the other failed.
  const opened = await Promise.allSettled([open('today'), open(`x${FACTOR}`)]);
  for (const o of opened) if (o.status === 'fulfilled') sides.push(o.value);
  for (const o of opened) if (o.status === 'rejected') throw o.reason;
  const [today, large] = sides;
  if (process.env.BENCH_ARTICLE === '1') sides.unshift(await open('article'));
  const largeName = large!.name;

  // The gazetteer on both national sides at once (the first start's cost, as `npm start` pays it),
  // then the layer on the large side as a later start loads a new seed folder: after the list.
  const loadStarted = Date.now();
  const reports = await Promise.all([today!, large!].map((side) => loadGazetteer(side.graph, edition, SELECTION)));
  console.log(`gazetteer on both national sides at once (${seconds(loadStarted)}): ${formatGazetteerReport(reports[0]!)}`);
  const seedStarted = Date.now();
  const seedReport = await seedGraph(large!.graph, layer.dir);
  console.log(`knowledge layer loaded into ${largeName} in ${seconds(seedStarted)}: ${formatReport(seedReport)}`);
  const neo4jDir = path.join(large!.dataDir, 'neo4j');
  console.log(`${largeName} data folder ${du(neo4jDir)} MB (transaction logs ${du(path.join(neo4jDir, 'data', 'transactions'))} MB)`);

  // What every start pays after loading: the citation check over the whole large graph (BENCH_CHECK=0 skips it).
  if (process.env.BENCH_CHECK !== '0') {
    const checkStarted = Date.now();
    const citations = await checkCitations(large!.graph, { seedsDir: layer.dir, edition });
    console.log(`citation check on ${largeName}: ${seconds(checkStarted)}, resident memory after it ` +
      `${Math.round(process.memoryUsage().rss / 1e6)} MB: ${formatCitationCheck(citations).split('\n')[0]}\n`);
  }

  // Two places far apart at the deepest level loaded (none of them claimed by the layer, so both
  // sides name them alike): villages of 扎仁镇 and of 沈阳市 at full depth.
  const deepest = levels.at(-1)!;
  const far = deepest.digits > 6 ? readLevel(edition, deepest, ['54', '21']) : [];
  const tibetan = far.find((v) => v.code.startsWith('540624'))?.code;
  const liaoning = far.find((v) => v.code.startsWith('2101'))?.code;
  const connections = tibetan && liaoning
    ? `{ connections(from: "place:${tibetan}", to: "place:${liaoning}", maxHops: 6) { length } }`
    : '{ connections(from: "county:amdo", to: "city:shenyang", maxHops: 6) { length } }';

  // [root field, case, query on the national sides, query on the article side where it differs]
  const CASES: Array<[string, string, string, string?]> = [
    ['search', 'zh 那曲', '{ search(text: "那曲") { id name ... on Place { ancestors { name } } } }'],
    ['search', 'pinyin anduo', '{ search(text: "anduo") { id name ... on Place { ancestors { name } } } }'],
    ['search', 'code 540624', '{ search(text: "540624") { id name } }'],
    ['search', 'many matches 医院', '{ search(text: "医院", first: 20) { id name } }'],
    ['entity', 'county:amdo', '{ entity(id: "county:amdo") { id name nameZh sources { quote } ... on Place { parent { name } children { id name } twinnedBy { id } } } }'],
    ['place', 'by code', '{ place(code: "540624") { id name ancestors { name } sources { quote } } }'],
    ['neighborhood', 'Nagqu d2', '{ neighborhood(id: "city:nagqu", depth: 2, limit: 100) { totalNodes nodes { id name } edges { id } } }'],
    ['neighborhood', 'Tibet d3', '{ neighborhood(id: "province:tibet", depth: 3, limit: 100) { totalNodes nodes { id name } edges { id } } }'],
    ['connections', tibetan ? 'villages' : 'Amdo–Shenyang', connections, '{ connections(from: "township:zharen", to: "city:shenyang", maxHops: 6) { length } }'],
    ['twinnings', 'in Tibet', '{ twinnings(filter: { recipient: "province:tibet", includeDescendants: true }, first: 20) { totalCount edges { node { id supporter { name } recipient { name } since until } } } }'],
    ['twinnings', 'programme aid-tibet', '{ twinnings(filter: { programme: "programme:aid-tibet" }, first: 20) { totalCount edges { node { id supporter { name } recipient { name } programmeOf { id } } } } }'],
    ['twinnings', 'active 2009, Liaoning', '{ twinnings(filter: { supporter: "province:liaoning", includeDescendants: true, activeYear: 2009 }, first: 20) { totalCount edges { node { id since until } } } }'],
    ['supports', 'by Liaoning', '{ supports(filter: { supporter: "province:liaoning", includeDescendants: true }, first: 20) { totalCount edges { node { id mode recipient { name } quantities { text } } } } }'],
    ['supports', 'medical teams', '{ supports(filter: { mode: [MEDICAL_TEAM] }, first: 20) { totalCount edges { node { id supporter { name } recipient { name } } } } }'],
    ['aidSummary', 'LN→Nagqu', '{ aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") { overall { supports projects people } } }'],
    ['timeline', 'Nagqu', '{ timeline(id: "city:nagqu") { date what sources { quote } } }'],
    ['programmes', 'all', '{ programmes { id name nameZh since termYears } }'],
    ['programme', 'aid-tibet', '{ programme(id: "programme:aid-tibet") { id name twinningCount twinnings(first: 20) { id supporter { name } recipient { name } since until } } }'],
    ['partnerships', 'in Tibet (deprecated spelling)', '{ partnerships(filter: { recipient: "province:tibet", includeDescendants: true }, first: 20) { totalCount edges { node { id supporter { name } recipient { name } } } } }'],
    ['node', 'county:amdo', '{ node(id: "county:amdo") { id ... on Place { name parent { name } } } }'],
    ['nodes', 'three places', '{ nodes(ids: ["county:amdo", "city:nagqu", "province:liaoning"]) { id ... on Place { name } } }'],
    ['metrics', 'all', '{ metrics { name label labelZh dimension unit additive } }'],
    ['source', 'the Liaoning–Nagqu article', '{ source(id: "tibet-daily-2024-06-21-liaoning-nagqu") { id title citationCount claims(first: 20) { totalCount edges { node { quote about { id } } } } } }'],
    ['stats', 'counts', '{ stats { entities relationships quantities citations sources entitiesByKind { key count } } }'],
    ['sources', 'all', '{ sources { id title publisher } }'],
  ];

  const check = async (side: Side, query: string) => {
    const res = await fetch(side.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${side.name}: ${query}: ${JSON.stringify(body.errors)}`);
  };
  const load = async (side: Side, query: string, connections: number, duration: number) => {
    const options = { url: side.server.url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), connections };
    let r = await autocannon({ ...options, duration });
    // A slice in which few requests finished (a slow case on a busy machine) is not a measure: count requests instead.
    if (r.requests.total < 5) r = await autocannon({ ...options, amount: Math.max(5, connections * 2) });
    if (r.non2xx || r.errors) throw new Error(`${side.name}: ${r.non2xx} non-2xx, ${r.errors} errors for ${query}`);
    return { mean: r.latency.average, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
  };
  type Measure = Awaited<ReturnType<typeof load>>;
  const queryOf = (side: Side, national: string, article = national) => (side.name === 'article' ? article : national);
  /** One case on every side, in turn: a short warm-up, then the measured run. */
  const measure = async (national: string, article: string | undefined, c: number) => {
    for (const side of sides) await load(side, queryOf(side, national, article), c, 1);
    const out = new Map<string, Measure>();
    for (const side of sides) out.set(side.name, await load(side, queryOf(side, national, article), c, SECONDS));
    return out;
  };
  // Cost on the large graph over cost on today's: latency at concurrency 1, throughput at 10.
  const ratio = (m: Map<string, Measure>, c: number) => {
    const [t, l] = [m.get('today')!, m.get(largeName)!];
    return c === 1 ? l.mean / Math.max(t.mean, 0.01) : t.rps / Math.max(l.rps, 0.01);
  };

  // BENCH_CASES=<regular expression> runs only the cases whose root field or name it matches.
  const only = process.env.BENCH_CASES ? new RegExp(process.env.BENCH_CASES) : null;
  const rows: string[][] = [];
  const over: string[] = [];
  for (const [field, name, nationalQuery, articleQuery] of CASES) {
    if (only && !only.test(`${field} ${name}`)) continue;
    for (const side of sides) await check(side, queryOf(side, nationalQuery, articleQuery));
    for (const c of [1, 10]) {
      let m = await measure(nationalQuery, articleQuery, c);
      let r = ratio(m, c);
      let note = '';
      if (r > LIMIT) {
        // Over the limit: measured again, so that one noisy slice does not fail the run.
        const first = r;
        m = await measure(nationalQuery, articleQuery, c);
        r = ratio(m, c);
        note = ` (first ${first.toFixed(2)})`;
        if (r > LIMIT) over.push(`${field} ${name} at concurrency ${c}: ${r.toFixed(2)}×${note}`);
      }
      const cells = sides.map((s) => { const x = m.get(s.name)!; return `${x.mean.toFixed(1)} (${x.p50} / ${x.p99}) | ${Math.round(x.rps)}`; });
      rows.push([`\`${field}\``, name, String(c), ...cells, `${r.toFixed(2)}${r > LIMIT ? ' **over**' : ''}${note}`]);
      console.log(rows.at(-1)!.join(' | '));
    }
  }
  const header = ['root field', 'case', 'conc.', ...sides.flatMap((s) => [`${s.name} mean (p50 / p99) ms`, `${s.name} req/s`]), `cost ${largeName} / today`];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\ncost: mean latency ratio at concurrency 1, requests-per-second ratio (today over ${largeName}) at 10; limit ${LIMIT}×. ` +
    `load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  // The first request after a load: what is kept per data stamp (src/db/kept-by-stamp.ts: "inside
  // X", a page's order) is read again, so it pays the page's whole cost, which follows the number of
  // matches. Reported beside the table, not held to the limit: it is paid once per load and question.
  const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
  const coldCases = CASES.filter(([field, name]) => (!only || only.test(`${field} ${name}`)) && /^(twinnings|supports|partnerships|programme|aidSummary|neighborhood)$/.test(field));
  if (coldCases.length) console.log(`\nthe first request after a load (a fresh data stamp before each; median of ${COLD_RUNS}, ms): ${sides.map((s) => s.name).join(' → ')} (ratio)`);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  for (const [field, name, nationalQuery, articleQuery] of coldCases) {
    const times = new Map(sides.map((side) => [side.name, [] as number[]]));
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const side of sides) {
        await side.graph.driver.executeQuery(WRITE_DATA_STAMP.cypher, freshDataStamp());
        const started = performance.now();
        await check(side, queryOf(side, nationalQuery, articleQuery));
        times.get(side.name)!.push(performance.now() - started);
      }
    }
    const [t, l] = [median(times.get('today')!), median(times.get(largeName)!)];
    console.log(`  \`${field}\` ${name}: ${sides.map((side) => median(times.get(side.name)!).toFixed(1)).join(' → ')} (${(l / t).toFixed(2)})`);
  }

  // Where the cost goes: the statements that read what the sources describe, profiled on both sides
  // (rows and database hits; a scan shows as a NodeByLabelScan or an AllRelationships… operator).
  const profiles: Array<[string, string, Record<string, unknown>]> = [
    ['inside province:tibet (twinnings, supports, aidSummary with descendants)', `${collectInside('$id', 'side')} RETURN size(side) AS n`, { id: 'province:tibet' }],
    ['inside province:liaoning', `${collectInside('$id', 'side')} RETURN size(side) AS n`, { id: 'province:liaoning' }],
    ['supports of one mode, no anchor', 'MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity) WHERE r.mode IN $modes RETURN count(r) AS n', { modes: ['MEDICAL_TEAM'] }],
  ];
  console.log('\nprofiles (today → large): rows, database hits, operators that read a whole label or type');
  for (const [what, cypher, params] of profiles) {
    const line = await Promise.all([today!, large!].map(async (side) => {
      const res = await side.graph.driver.executeQuery(`PROFILE ${cypher}`, params, { routing: 'READ' });
      const ops: string[] = [];
      let hits = 0;
      const walk = (p: { operatorType: string; dbHits: number; rows: number; children: unknown[]; arguments: Record<string, unknown> }) => {
        hits += p.dbHits;
        if (/Scan|AllRelationships|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan/.test(p.operatorType)) ops.push(`${p.operatorType.replace(/@.*/, '')} ${p.rows} rows`);
        for (const c of p.children) walk(c as typeof p);
      };
      walk(res.summary.profile as never);
      return `${String(res.records[0]?.get('n'))} rows, ${hits.toLocaleString('en')} db hits${ops.length ? ` (${ops.join(', ')})` : ''}`;
    }));
    console.log(`  ${what}: ${line.join(' → ')}`);
  }
  if (over.length) {
    console.error(`\n${over.length} case(s) cost more than ${LIMIT}× on the ×${FACTOR} graph, twice:\n  ${over.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  for (const side of sides) {
    await side.server.stop();
    await side.graph.driver.close();
    await side.neo4j.stop();
    if (!KEEP_DIR) fs.rmSync(side.dataDir, { recursive: true, force: true });
  }
  fs.rmSync(layer.dir, { recursive: true, force: true });
}
