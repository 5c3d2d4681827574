// `aidgraph export` and `aidgraph import` as a user runs them, against the run's Neo4j (NEO4J_URI):
// every format is written and readable (CSV with BOM, GraphML through an XML parser, JSON-LD
// expandable), a selection holds only what it names, and a JSONL export of the whole test graph,
// loaded into an empty database, gives the same stats. That database is this file's own throwaway
// Neo4j, held by this process as `npm start` holds its store: import and export attach to it through
// the data folder, and the run's shared database is only read.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsonld from 'jsonld';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort, startLocalNeo4j, StoreBusyError, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { checkCitations, recordCitationCheck } from '../../src/ingest/citation-check.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-export-'));
/** One run of the command: a Node start with tsx, a connection, the export; slow on a shared machine. */
const CLI_TIMEOUT = 240_000;
const STATS = '{ stats { entities relationships quantities citations sources uncitedFacts entitiesByKind { key count } relationshipsByType { key count } } }';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => {
  await api?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/** The command on the run's shared Neo4j, by NEO4J_URI. */
async function aidgraph(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const conn = inject('neo4j');
  return run(process.execPath, ['--import', 'tsx', 'src/app/cli.ts', ...args], {
    cwd: ROOT, maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'warn', NEO4J_URI: conn.uri, NEO4J_USERNAME: conn.username, NEO4J_PASSWORD: conn.password, ...(conn.database ? { NEO4J_DATABASE: conn.database } : {}) },
  });
}

/** The command on a data folder, as a user runs it beside `npm start`: no NEO4J_URI. */
async function aidgraphOn(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', AIDGRAPH_DATA_DIR: dataDir };
  for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
  return run(process.execPath, ['--import', 'tsx', 'src/app/cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env });
}

describe('aidgraph export', () => {
  it('writes CSV tables with a UTF-8 BOM that hold every entity, with Chinese names intact', async () => {
    const stats = (await api.gql(STATS)).data.stats;
    const { stderr } = await aidgraph('export', '--format', 'csv', '--out', path.join(out, 'csv'));
    expect(stderr).toMatch(/exported csv/);
    const bytes = fs.readFileSync(path.join(out, 'csv', 'entities.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(stats.entities);
    expect(rows.find((r) => r.id === 'county:amdo')).toMatchObject({ kind: 'DISTRICT', nameZh: '安多县', code: '540624' });
    const rels = parseCsv(fs.readFileSync(path.join(out, 'csv', 'relationships.csv')), { bom: true, columns: true });
    expect(rels).toHaveLength(stats.relationships);
    const citations = parseCsv(fs.readFileSync(path.join(out, 'csv', 'citations.csv')), { bom: true, columns: true });
    expect(citations).toHaveLength(stats.citations);
  }, CLI_TIMEOUT);

  it('writes GraphML that an XML reader accepts, with the entities and their edges', async () => {
    const stats = (await api.gql(STATS)).data.stats;
    await aidgraph('export', '--format', 'graphml', '--out', path.join(out, 'graph.graphml'), '--no-progress');
    const text = fs.readFileSync(path.join(out, 'graph.graphml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    expect(doc.graphml.graph.edgedefault).toBe('directed');
    expect(doc.graphml.graph.node).toHaveLength(stats.entities);
    expect(doc.graphml.graph.edge).toHaveLength(stats.relationships);
    const amdo = doc.graphml.graph.node.find((n: any) => n.id === 'county:amdo');
    expect(Object.fromEntries(amdo.data.map((d: any) => [d.key, String(d['#text'])]))).toMatchObject({ label: 'Amdo County', nameZh: '安多县', kind: 'DISTRICT', code: '540624' });
    expect(text).toContain('<node id="county:amdo"><data key="label">Amdo County</data><data key="nameZh">安多县</data>');
  }, CLI_TIMEOUT);

  it('selects by --under and --kinds, and the JSON-LD of a selection expands', async () => {
    await aidgraph('export', '--format', 'jsonld', '--under', 'county:amdo', '--out', path.join(out, 'amdo.jsonld'), '--base', 'https://aidgraph.example');
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'amdo.jsonld'), 'utf8'));
    const expanded = await jsonld.expand(doc);
    const ids = new Set(expanded.map((n) => n['@id']));
    expect(ids).toContain('https://aidgraph.example/id/county%3Aamdo');
    const codes = expanded.flatMap((n: any) => n['https://schema.org/identifier'] ?? []).map((i: any) => i['https://schema.org/value']?.[0]?.['@value']).filter(Boolean);
    expect(codes).toContain('540624102'); // 扎仁镇, a township of Amdo
    expect(codes).not.toContain('5406');
    expect(ids).not.toContain('https://aidgraph.example/id/city%3Anagqu');
    const amdo = expanded.filter((n) => n['@id'] === 'https://aidgraph.example/id/county%3Aamdo');
    const quotes = amdo.flatMap((n: any) => n['http://www.w3.org/ns/prov#wasDerivedFrom'] ?? []).map((q: any) => q['https://schema.org/text'][0]['@value']);
    expect(quotes).toContainEqual(expect.stringMatching(/^安多县政务服务大厅作为沈阳援藏标志性项目/));

    await aidgraph('export', '--format', 'jsonl', '--under', 'city:nagqu', '--kinds', 'city,district', '--out', path.join(out, 'nagqu.jsonl'), '--no-progress');
    const lines = fs.readFileSync(path.join(out, 'nagqu.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const entities = lines.filter((l) => l.type === 'node' && l.labels.includes('Entity'));
    expect(new Set(entities.map((e) => e.properties.kind))).toEqual(new Set(['CITY', 'DISTRICT']));
    expect(entities).toHaveLength(1 + 11); // Nagqu and its eleven counties
    const edges = lines.filter((l) => l.type === 'relationship' && l.label === 'PART_OF');
    expect(edges).toHaveLength(11);

    const refused = await aidgraph('export', '--format', 'jsonl', '--under', 'county:nowhere', '--out', path.join(out, 'x.jsonl')).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no entity has the id "county:nowhere"/);
  }, 3 * CLI_TIMEOUT);

  it('round-trips: the JSONL export loaded into an empty database gives the same stats', async () => {
    // The count of uncited facts is the last citation check's record (the next file's wipe removes it).
    await recordCitationCheck(api.graph, await checkCitations(api.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() }));
    const before = (await api.gql(STATS)).data.stats;
    expect(before.uncitedFacts).toEqual(expect.any(Number));
    const file = path.join(out, 'all.jsonl');
    await aidgraph('export', '--format', 'jsonl', '--out', file, '--no-progress');

    // An empty store held by this process, as the service holds its own: the commands attach to it.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-reload-'));
    let local: LocalNeo4j | undefined;
    let server: RunningServer | undefined;
    let graph: Graph | undefined;
    try {
      local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '384m', pageCache: '64m', startTimeoutMs: 300_000 });
      await expect(startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '256m', pageCache: '32m' })).rejects.toThrow(StoreBusyError);

      const { stderr } = await aidgraphOn(dataDir, 'import', file, '--no-progress');
      expect(stderr).toMatch(/imported \d+ nodes and \d+ relationships/);
      graph = new Graph(createDriver({ uri: local.uri, ...local.credentials }), { timeoutMs: 30_000, slowStatementMs: 0 });
      server = await listen(graph, { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 });
      const gql = async (query: string) => (await (await fetch(server!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;
      expect((await gql(STATS)).data.stats).toEqual(before);
      // The reloaded graph answers as before: search keys, citations, the gazetteer's record.
      const amdo = await gql('{ search(text: "anduo", first: 1) { id sources { quote } } }');
      expect(amdo.data.search[0].id).toBe('county:amdo');
      expect(amdo.data.search[0].sources.map((s: any) => s.quote)).toContain('540624,"安多县",5406,54');

      // A second import is refused (the database holds entities now), and writes nothing.
      const refused = await aidgraphOn(dataDir, 'import', file).catch((e) => e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/already holds \d+ entities/);
      expect(refused.stderr).not.toMatch(/\n\s+at /); // a sentence, no stack trace
      expect((await gql(STATS)).data.stats).toEqual(before);

      // Exporting the reloaded graph, attached as well, gives the same lines (in any order).
      const again = path.join(out, 'again.jsonl');
      await aidgraphOn(dataDir, 'export', '--format', 'jsonl', '--out', again, '--no-progress');
      expect(canonicalLines(again)).toEqual(canonicalLines(file));
    } finally {
      await server?.stop();
      await graph?.driver.close();
      await local?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 4 * CLI_TIMEOUT);

  it('says in a sentence that the service holding the store does not answer, instead of hanging', async () => {
    // The store's pid file names a live process (this one) and its Bolt address a port nobody serves.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-busy-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'neo4j'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'neo4j', 'launcher.pid'), String(process.pid));
      fs.writeFileSync(path.join(dataDir, 'neo4j', 'launcher.bolt'), `bolt://127.0.0.1:${await freePort()}`);
      const started = Date.now();
      const failed = await aidgraphOn(dataDir, 'export', '--format', 'jsonl', '--out', path.join(out, 'busy.jsonl')).catch((e) => e);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/the aidgraph running on .* holds its store, and its Neo4j did not answer at bolt:\/\/127\.0\.0\.1:\d+/);
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      expect(Date.now() - started).toBeLessThan(CLI_TIMEOUT);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, CLI_TIMEOUT);
});

/**
 * A JSONL export's lines, sorted, each with its keys and its labels in order (a store lists labels
 * in the order it first met them): the same graph gives the same list.
 */
function canonicalLines(file: string): string[] {
  const canonical = (v: unknown, key = ''): unknown => Array.isArray(v) ? (key === 'labels' ? [...v].sort() : v.map((x) => canonical(x)))
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x, k)])) : v;
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.stringify(canonical(JSON.parse(l)))).sort();
}
