// Only aidgraph writes the graph, and what it did not write with a citation is caught: the
// embedded Neo4j refuses Bolt clients without this store's password; the API's view of the graph
// cannot write; a fact slipped in directly is reported by the citation check (and `npm run check`)
// and never reaches an API answer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createContext } from '../../src/api/context.js';
import { Graph, ReadOnlyGraphError } from '../../src/db/graph.js';
import { freePort, passwordFileOf, rotateLocalPassword, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { searchProps } from '../../src/gazetteer/place-props.js';
import { checkCitations, recordCitationCheck } from '../../src/ingest/citation-check.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { statement } from '../../src/db/statement.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** Whether a Bolt client with these credentials gets to run a statement. */
async function boltAnswers(uri: string, auth: AuthToken | undefined): Promise<true | string> {
  const driver = neo4j.driver(uri, auth, { connectionAcquisitionTimeout: 10_000 });
  try {
    await driver.executeQuery('RETURN 1');
    return true;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await driver.close();
  }
}

// With NEO4J_URI set, the run promises to start no Neo4j of its own.
describe.runIf(!process.env.NEO4J_URI)('the embedded Neo4j', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-auth-')), 'data');
  let local: LocalNeo4j | undefined;
  afterAll(async () => {
    await local?.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('makes an owner-only password on first start, refuses other credentials, and rotates it', async () => {
    const boltPort = await freePort();
    local = await startLocalNeo4j({ dataDir, boltPort, heap: '256m', pageCache: '32m', startTimeoutMs: 300_000 });
    const file = passwordFileOf(dataDir);
    expect(mode(dataDir)).toBe('700');
    expect(mode(file)).toBe('600');
    const first = local.credentials.password;
    expect(first).toBe(fs.readFileSync(file, 'utf8').trim());
    expect(first.length).toBeGreaterThanOrEqual(40);

    expect(await boltAnswers(local.uri, neo4j.auth.basic('neo4j', first))).toBe(true);
    expect(await boltAnswers(local.uri, neo4j.auth.basic('intruder', 'x'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await boltAnswers(local.uri, neo4j.auth.basic('neo4j', ''))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await boltAnswers(local.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await boltAnswers(local.uri, undefined)).toBe('Neo.ClientError.Security.Unauthorized');

    // A rotation while Neo4j runs would leave it on the old password: refused.
    expect(() => rotateLocalPassword(dataDir)).toThrow(/is running/);
    await local.stop();
    local = undefined;
    rotateLocalPassword(dataDir);
    expect(mode(file)).toBe('600');
    const second = fs.readFileSync(file, 'utf8').trim();
    expect(second).not.toBe(first);

    local = await startLocalNeo4j({ dataDir, boltPort, heap: '256m', pageCache: '32m', startTimeoutMs: 300_000 });
    expect(local.credentials.password).toBe(second);
    expect(await boltAnswers(local.uri, neo4j.auth.basic('neo4j', second))).toBe(true);
    expect(await boltAnswers(local.uri, neo4j.auth.basic('neo4j', first))).toBe('Neo.ClientError.Security.Unauthorized');
  }, 700_000);
});

describe('the API and facts it did not load', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi(); }, 120_000);
  afterAll(async () => {
    // The intruder's edges join places of the gazetteer slice, which the next file's wipe keeps:
    // take them out here, or the files after this one would find them.
    await api?.graph.write(statement(`// test.intrusion-undone
      OPTIONAL MATCH ()-[r]->() WHERE r.id IN ['part-of:fake', 'twinning:fake', 'support:fake']
      DELETE r
      WITH count(*) AS edges
      OPTIONAL MATCH (n) WHERE n.id IN ['district:fake', 'quantity:fake', 'place:549999']
      DETACH DELETE n`));
    await api?.close();
  });

  const countIntruders = async () =>
    (await api.graph.read<{ n: number }>(statement('// test.intruders\nMATCH (n:Intruder) RETURN count(n) AS n')))[0]!.n;

  it('cannot write through its data path: the view refuses, and the database refuses a write in a read', async () => {
    const { graph } = createContext(api.graph);
    await expect(graph.write(statement('// test.write\nCREATE (:Intruder)'))).rejects.toBeInstanceOf(ReadOnlyGraphError);
    await expect(graph.unitOfWork('WRITE', 'test.write', (tx) => tx.run('CREATE (:Intruder)'))).rejects.toBeInstanceOf(ReadOnlyGraphError);
    // A read statement that writes (a bug, or text that reached Cypher) fails in the database itself.
    await expect(graph.read(statement('// test.read-that-writes\nCREATE (:Intruder) RETURN 1 AS x')))
      .rejects.toThrow(/read access mode|not allowed/i);
    expect(await countIntruders()).toBe(0);
  });

  it('finds no uncited fact in what the loaders wrote', async () => {
    const report = await checkCitations(api.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
    expect(report.uncited).toEqual([]);
    expect(report.checked.entity).toBeGreaterThan(20_000); // the seeds and the gazetteer slice
    expect(report.checked.relationship).toBeGreaterThan(20_000);
    expect(report.checked.quantity).toBeGreaterThan(50);
  });

  it('reports a fact written directly, by id, and keeps it out of search, entity and neighborhood', async () => {
    const AID = '{ aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") { overall { supports } } }';
    const aidBefore = await api.gql(AID);
    expect(aidBefore.data.aidSummary.overall.supports).toBeGreaterThan(0);
    // What an intruder with database access did before authentication was on: a district with no
    // citation, inside Nagqu; an edge between two real entities; a quantity; a place with a code the
    // official list does not have; and a real citation whose quote was edited.
    await api.graph.write(statement(`// test.intrude
      MATCH (nagqu:Entity {id: 'city:nagqu'}), (liaoning:Entity {id: 'province:liaoning'})
      CREATE (fake:Entity:Place:District {id: 'district:fake', kind: 'DISTRICT', name: 'Jia Xian', nameZh: '假县'})
      SET fake += $search
      CREATE (fake)-[:PART_OF {id: 'part-of:fake'}]->(nagqu)
      CREATE (liaoning)-[:TWINNED_WITH {id: 'twinning:fake'}]->(nagqu)
      CREATE (liaoning)-[:SUPPORTS {id: 'support:fake', mode: 'DONATION'}]->(nagqu)
      CREATE (:Quantity:Cited {id: 'quantity:fake', subjectId: 'city:nagqu', metric: 'FUNDING', value: 1, unit: 'CNY'})
      CREATE (:Entity:Place:District:Cited {id: 'place:549999', code: '549999', kind: 'DISTRICT', name: 'Bu Cun Zai', nameZh: '不存在县'})
      WITH 1 AS done
      MATCH (c:Citation {subjectId: 'county:amdo'}) WITH c LIMIT 1
      SET c.quote = '安多县是假的'`),
    { search: searchProps({ name: 'Jia Xian', nameZh: '假县', aliases: [] }) });

    const report = await checkCitations(api.graph, { seedsDir: SEEDS_DIR, edition: gazetteerEdition() });
    const byId = new Map(report.uncited.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(
      ['county:amdo', 'district:fake', 'part-of:fake', 'place:549999', 'quantity:fake', 'support:fake', 'twinning:fake'].sort());
    expect(byId.get('district:fake')).toMatchObject({ what: 'entity', reason: 'no citation', shown: false });
    expect(byId.get('place:549999')).toMatchObject({ reason: 'code 549999 is not in the official list', shown: true });
    expect(byId.get('quantity:fake')).toMatchObject({ what: 'quantity', shown: true });
    expect(byId.get('twinning:fake')).toMatchObject({ what: 'relationship', shown: false });
    expect(byId.get('county:amdo')!.reason).toMatch(/quote is not in the text/);

    await recordCitationCheck(api.graph, report);
    const stats = await api.gql('{ stats { uncitedFacts } }');
    expect(stats.data.stats.uncitedFacts).toBe(7);

    const search = await api.gql('{ search(text: "假县") { id } }');
    expect(search.errors).toBeUndefined();
    expect(search.data.search).toEqual([]);
    const entity = await api.gql('{ entity(id: "district:fake") { id } }');
    expect(entity.data.entity).toBeNull();
    const around = await api.gql('{ neighborhood(id: "city:nagqu", depth: 1, limit: 500) { nodes { id } edges { id } } }');
    expect(around.errors).toBeUndefined();
    const ids = around.data.neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('county:amdo');
    expect(ids).not.toContain('district:fake');
    const edgeIds = around.data.neighborhood.edges.map((e: { id: string }) => e.id);
    expect(edgeIds).toContain('part-of:540624');
    expect(edgeIds).not.toContain('part-of:fake');
    expect(edgeIds).not.toContain('twinning:fake');
    const twinned = await api.gql('{ node(id: "twinning:fake") { id } entity(id: "city:nagqu") { ... on Place { twinnedBy { id } } } }');
    expect(twinned.errors).toBeUndefined();
    expect(twinned.data.node).toBeNull();
    expect((await api.gql(AID)).data).toEqual(aidBefore.data);

    // The same graph with hiding turned off shows the intruder: the hiding is what keeps it out.
    const open = new Graph(api.graph.driver, { ...api.graph.options, showUncited: true });
    const shown = await createContext(open).services.search.search('假县', null, 10);
    expect(shown.map((e) => e.id)).toEqual(['district:fake']);
  });

  it('counts no uncited project or person in an aid summary, as everywhere else', async () => {
    const AID = '{ aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") { overall { supports projects people } } }';
    const before = (await api.gql(AID)).data.aidSummary.overall;
    expect(before.projects).toBeGreaterThan(0);
    expect(before.people).toBeGreaterThan(0);
    const summaryOf = (graph: Graph) => createContext(graph).services.aidSummary.summary('province:liaoning', 'city:nagqu', 'MODE');
    try {
      // A project Liaoning funds for Nagqu and a member of Liaoning's aid team, written without the
      // loaders' marks: in the aid scope by every edge, but cited by nothing.
      await api.graph.write(statement(`// test.intrude-aid
        MATCH (nagqu:Entity {id: 'city:nagqu'}), (liaoning:Entity {id: 'province:liaoning'}),
              (team:Entity {id: 'org:liaoning-aid-tibet-team'})
        CREATE (project:Entity:Project {id: 'project:fake-aid', kind: 'PROJECT', name: 'Fake Aid', supportMode: 'DONATION'})
        CREATE (liaoning)-[:PARTICIPATES_IN {id: 'participation:fake-aid', role: 'FUNDING'}]->(project)
        CREATE (project)-[:BENEFITS {id: 'benefits:fake-aid'}]->(nagqu)
        CREATE (person:Entity:Person {id: 'person:fake-aid', kind: 'PERSON', name: 'Fake Person'})
        CREATE (person)-[:MEMBER_OF {id: 'membership:fake-aid'}]->(team)`));
      const hidden = await api.gql(`${AID.slice(0, -1)} twinnings(filter: { supporter: "province:liaoning", recipient: "city:nagqu" }) { edges { node { projects { id } people { id } } } } }`);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data.aidSummary.overall).toEqual(before);
      const twinning = hidden.data.twinnings.edges[0].node;
      expect(twinning.projects.map((p: { id: string }) => p.id)).not.toContain('project:fake-aid');
      expect(twinning.people.map((p: { id: string }) => p.id)).not.toContain('person:fake-aid');
      // With hiding off, the same reads count both: the Cited predicate is what leaves them out.
      const shown = await summaryOf(new Graph(api.graph.driver, { ...api.graph.options, showUncited: true }));
      expect(shown!.overall).toMatchObject({ projects: before.projects + 1, people: before.people + 1 });
    } finally {
      await api.graph.write(statement(`// test.intrude-aid-undone
        MATCH (n:Entity) WHERE n.id IN ['project:fake-aid', 'person:fake-aid'] DETACH DELETE n`));
    }
    expect((await api.gql(AID)).data.aidSummary.overall).toEqual(before);
  });

  it('`npm run check` lists uncited facts by id and exits 1', () => {
    const conn = inject('neo4j');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/app/cli.ts', 'check'], {
      cwd: ROOT,
      env: {
        ...process.env, LOG_LEVEL: 'warn', NEO4J_URI: conn.uri, NEO4J_USERNAME: conn.username, NEO4J_PASSWORD: conn.password,
        ...(conn.database ? { NEO4J_DATABASE: conn.database } : {}),
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/7 uncited/);
    expect(run.stdout).toMatch(/entity district:fake: no citation \(hidden by the API\)/);
    expect(run.stdout).toMatch(/quantity quantity:fake: no citation \(SHOWN by the API\)/);
  }, 150_000);
});
