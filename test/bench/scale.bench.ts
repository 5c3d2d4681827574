// `npm run bench:scale`: the API on the article's graph and on the national one, side by side in one
// run. Two throwaway Neo4j: one holds the seeds only, the other the seeds and the whole official
// division list (665,276 places). Each operation runs against both, alternately, at concurrency 1
// and 10 (autocannon), and the table reports p50/p99, requests per second and the ratio of the p50s
// (these machines are shared and noisy: ratios measured together mean more than absolute times).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { gazetteerEdition, readLevel } from '../../src/gazetteer/division-list.js';
import { DIVISION_LEVELS } from '../../src/domain/division-codes.js';
import { formatGazetteerReport, loadGazetteer } from '../../src/gazetteer/load.js';
import { SEEDS_DIR, seedGraph } from '../../src/ingest/seed.js';
import { checkCitations, formatCitationCheck } from '../../src/ingest/citation-check.js';
import { listen, type RunningServer } from '../../src/http.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const HEAP = process.env.BENCH_HEAP ?? '1g';
const PAGECACHE = process.env.BENCH_PAGECACHE ?? '1g';

interface Side { name: string; neo4j: LocalNeo4j; graph: Graph; server: RunningServer; dataDir: string }

async function open(name: string): Promise<Side> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `aidgraph-scale-${name}-`));
  const neo4j = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: HEAP, pageCache: PAGECACHE });
  const graph = new Graph(createDriver({ uri: neo4j.uri, ...neo4j.credentials }), { timeoutMs: 60_000 });
  await seedGraph(graph);
  // No rate limit or shedding: the load generator is one client asking as fast as it can.
  return { name, neo4j, graph, server: await listen(graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 }), dataDir };
}

const du = (dir: string) => execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0];

const article = await open('article');
const national = await open('national');
try {
  // The national side: the first start's cost, as `npm start` pays it.
  const t0 = Date.now();
  const report = await loadGazetteer(national.graph, gazetteerEdition(), { depth: 'village', provinces: null });
  const loadSeconds = (Date.now() - t0) / 1000;
  const neo4jDir = path.join(national.dataDir, 'neo4j');
  console.log(`\nnational load: ${formatGazetteerReport(report)}`);
  console.log(`first start cost: ${loadSeconds.toFixed(1)} s for the gazetteer; data folder ${du(neo4jDir)} MB ` +
    `(transaction logs ${du(path.join(neo4jDir, 'data', 'transactions'))} MB)\n`);

  // What every start pays after loading: the citation check over the whole national graph.
  const checkStarted = Date.now();
  const citations = await checkCitations(national.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
  const checkMemory = Math.round(process.memoryUsage().rss / 1e6);
  console.log(`citation check at national size: ${((Date.now() - checkStarted) / 1000).toFixed(1)} s, ` +
    `resident memory after it ${checkMemory} MB: ${formatCitationCheck(citations).split('\n')[0]}\n`);

  const villages = readLevel(gazetteerEdition(), DIVISION_LEVELS[4], ['54', '21']);
  const zharenVillage = villages.find((v) => v.code.startsWith('540624102'))!.code;
  const shenyangVillage = villages.find((v) => v.code.startsWith('2101'))!.code;

  // [name, query on the national graph, query on the article graph (where the national one names
  // places the article does not have, the nearest places it has)]
  const CASES: Array<[string, string, string?]> = [
    ['search zh 那曲', '{ search(text: "那曲") { id name ... on Place { ancestors { name } } } }'],
    ['search pinyin anduo', '{ search(text: "anduo") { id name ... on Place { ancestors { name } } } }'],
    ['search code 540624', '{ search(text: "540624") { id name } }'],
    ['entity county:amdo', '{ entity(id: "county:amdo") { id name nameZh sources { quote } ... on Place { parent { name } children { id name } twinnedBy { id } } } }'],
    ['place by code', '{ place(code: "540624102") { id name ancestors { name } sources { quote } } }'],
    ['neighborhood Nagqu d2', '{ neighborhood(id: "city:nagqu", depth: 2, limit: 100) { totalNodes nodes { id name } edges { id } } }'],
    ['neighborhood Tibet d3', '{ neighborhood(id: "province:tibet", depth: 3, limit: 100) { totalNodes nodes { id name } edges { id } } }'],
    ['connections villages', `{ connections(from: "place:${zharenVillage}", to: "place:${shenyangVillage}", maxHops: 6) { length } }`,
      '{ connections(from: "township:zharen", to: "city:shenyang", maxHops: 6) { length } }'],
    ['twinnings in Tibet', '{ twinnings(filter: { recipient: "province:tibet", includeDescendants: true }, first: 20) { totalCount edges { node { id supporter { name } recipient { name } } } } }'],
    ['aidSummary LN→Nagqu', '{ aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") { overall { supports projects people } } }'],
  ];

  const check = async (side: Side, query: string) => {
    const res = await fetch(side.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${side.name}: ${query}: ${JSON.stringify(body.errors)}`);
  };
  const load = async (side: Side, query: string, connections: number) => {
    const r = await autocannon({
      url: side.server.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
      connections, duration: SECONDS,
    });
    if (r.non2xx || r.errors) throw new Error(`${side.name}: ${r.non2xx} non-2xx, ${r.errors} errors for ${query}`);
    return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
  };

  const rows: string[][] = [];
  for (const [name, nationalQuery, articleQuery = nationalQuery] of CASES) {
    await check(article, articleQuery);
    await check(national, nationalQuery);
    for (const c of [1, 10]) {
      await load(article, articleQuery, c); // warm-up, both sides
      await load(national, nationalQuery, c);
      const a = await load(article, articleQuery, c);
      const n = await load(national, nationalQuery, c);
      rows.push([name, String(c), `${a.p50} / ${a.p99}`, String(Math.round(a.rps)), `${n.p50} / ${n.p99}`, String(Math.round(n.rps)),
        (n.p50 / Math.max(a.p50, 1)).toFixed(2)]);
      console.log(rows.at(-1)!.join(' | '));
    }
  }
  const header = ['operation', 'conc.', 'article p50 / p99 ms', 'article req/s', 'national p50 / p99 ms', 'national req/s', 'p50 ratio'];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} finally {
  for (const side of [article, national]) {
    await side.server.stop();
    await side.graph.driver.close();
    await side.neo4j.stop();
    fs.rmSync(side.dataDir, { recursive: true, force: true });
  }
}
