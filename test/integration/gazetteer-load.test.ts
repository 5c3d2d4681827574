// The gazetteer loader on its own throwaway Neo4j (it keeps one load state per database, so it must
// not share the run's): first load, skip, resume after a stop, a new edition, another depth, and a
// seed claiming a place of the list and letting it go.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { applySchema } from '../../src/db/schema.js';
import { loadGazetteer, type GazetteerSelection } from '../../src/gazetteer/load.js';
import { loadDataset } from '../../src/ingest/load.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { FIXTURE_PLACES, writeGazetteerFixture } from '../helpers/gazetteer-fixture.js';
import { FIXTURE_SOURCE } from '../helpers/seed-fixtures.js';
import { statement } from '../../src/db/statement.js';

let neo4j: LocalNeo4j;
let graph: Graph;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-gazetteer-db-'));
  neo4j = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '256m', pageCache: '64m' });
  graph = new Graph(createDriver({ uri: neo4j.uri, ...neo4j.credentials }), { timeoutMs: 60_000 });
  await applySchema(graph);
}, 120_000);
afterAll(async () => {
  await graph?.driver.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ALL: GazetteerSelection = { depth: 'village', provinces: null };
const v1 = writeGazetteerFixture('1.0.0');

async function places(): Promise<Array<{ code: string; id: string; name: string; nameZh: string; parent: string | null }>> {
  return graph.read(statement(`// test.places
    MATCH (p:Place) OPTIONAL MATCH (p)-[:PART_OF]->(up:Place)
    RETURN p.code AS code, p.id AS id, p.name AS name, p.nameZh AS nameZh, up.code AS parent ORDER BY code`));
}

/** Stops the load (as a shutdown would) once `after` batches have committed. */
class StoppingGraph extends Graph {
  batches = 0;
  constructor(inner: Graph, readonly controller: AbortController, readonly after: number) { super(inner.driver, inner.options); }
  override async unitOfWork<R>(...args: Parameters<Graph['unitOfWork']>): Promise<R> {
    const result = await super.unitOfWork(...args) as R;
    if (args[1] === 'gazetteer.batch' && ++this.batches === this.after) this.controller.abort();
    return result;
  }
}

describe('loading the official division list', () => {
  it('resumes a load stopped half-way, creating each place once', async () => {
    const controller = new AbortController();
    const stopping = new StoppingGraph(graph, controller, 3);
    await expect(loadGazetteer(stopping, v1, ALL, { batchSize: 1, signal: controller.signal })).rejects.toThrow(/abort/i);
    const partial = await places();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(FIXTURE_PLACES);

    const report = await loadGazetteer(graph, v1, ALL, { batchSize: 1 });
    expect(report).toMatchObject({ skipped: false, places: FIXTURE_PLACES, created: FIXTURE_PLACES - partial.length, removed: 0 });
    const all = await places();
    expect(all.map((p) => p.code)).toEqual([...new Set(all.map((p) => p.code))]);
    expect(all.find((p) => p.code === '990101001001')).toEqual({
      code: '990101001001', id: 'place:990101001001', name: 'Heping Village', nameZh: '和平村', parent: '990101001',
    });
    expect(all.filter((p) => p.parent === null).map((p) => p.code)).toEqual(['99']);
  });

  it('skips a load of the same edition, depth and provinces', async () => {
    const report = await loadGazetteer(graph, v1, ALL);
    expect(report).toMatchObject({ skipped: true, created: 0, renamed: 0, removed: 0, places: FIXTURE_PLACES });
  });

  it('applies a new edition by writing only what changed', async () => {
    const v2 = writeGazetteerFixture('2.0.0', (f) => {
      f['villages.csv'] = f['villages.csv']!
        .filter((l) => !l.startsWith('990101001002'))                            // 新华村 gone
        .map((l) => l.replace('"红星社区居委会"', '"红星社区"'));                  // renamed
      f['villages.csv']!.push('990101002002,"团结村",990101002,99,9901,990101'); // new
    });
    const before = await places();
    const report = await loadGazetteer(graph, v2, ALL);
    expect(report).toMatchObject({ skipped: false, created: 1, renamed: 1, removed: 1, places: FIXTURE_PLACES });
    const after = await places();
    expect(after.find((p) => p.code === '990201001001')).toMatchObject({ nameZh: '红星社区', name: 'Hongxing Community' });
    expect(after.find((p) => p.code === '990101002002')).toMatchObject({ parent: '990101002' });
    expect(after.some((p) => p.code === '990101001002')).toBe(false);
    const unchanged = after.filter((p) => !['990201001001', '990101002002'].includes(p.code));
    expect(unchanged).toEqual(before.filter((p) => !['990201001001', '990101001002'].includes(p.code)));
    const [source] = await graph.read<{ ids: string[] }>(statement('// test.sources\nMATCH (s:Source:Gazetteer) RETURN collect(s.id) AS ids'));
    expect(source!.ids).toEqual([v2.sourceId]);
  });

  it('loads to another depth by removing what lies below it', async () => {
    const v2 = writeGazetteerFixture('2.0.0');
    const report = await loadGazetteer(graph, v2, { depth: 'county', provinces: null });
    expect(report).toMatchObject({ removed: 3 + 4, places: 1 + 2 + 3 });
  });

  it('lets a seed claim a place of the list under its own id, and gives it back when the seed drops it', async () => {
    const edition = writeGazetteerFixture('2.0.0');
    await loadGazetteer(graph, edition, ALL);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-seeds-'));
    fs.mkdirSync(path.join(dir, 'fixture'));
    fs.writeFileSync(path.join(dir, 'fixture', 'source.yaml'), FIXTURE_SOURCE);
    fs.writeFileSync(path.join(dir, 'fixture', 'entities.yaml'), `- id: county:bing
  kind: District
  name: Bing County
  nameZh: 丙县
  code: "990101"
  citations: [丙县是一个县]
- id: city:jia
  kind: City
  name: Jia
  nameZh: 甲市
  code: "9901"
  citations: [甲市丙县]
`);
    fs.writeFileSync(path.join(dir, 'fixture', 'relationships.yaml'), `- id: part-of:990101
  type: PART_OF
  from: county:bing
  to: city:jia
  citations: [甲市丙县]
`);
    await loadDataset(graph, loadSeedFolders(dir, edition));
    let all = await places();
    expect(all.filter((p) => p.code === '990101')).toEqual([{ code: '990101', id: 'county:bing', name: 'Bing County', nameZh: '丙县', parent: '9901' }]);
    const [edges] = await graph.read<{ n: number }>(statement("// test.edges\nMATCH (:Place {code: '990101'})-[r:PART_OF]->() RETURN count(r) AS n"));
    expect(edges!.n).toBe(1);
    // A later gazetteer load leaves the claim alone.
    expect((await loadGazetteer(graph, edition, ALL)).skipped).toBe(true);

    await loadDataset(graph, { sources: [], entities: [], relationships: [], quantities: [], citations: [] });
    all = await places();
    expect(all.filter((p) => p.code === '990101')).toEqual([{ code: '990101', id: 'place:990101', name: 'Bing County', nameZh: '丙县', parent: '9901' }]);
    expect(all).toHaveLength(FIXTURE_PLACES);
  });
});
