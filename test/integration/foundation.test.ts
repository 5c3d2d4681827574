// The first slice through GraphQL over HTTP against the real Neo4j: search in both languages,
// entities with citations, the place hierarchy and its pairings, and an idempotent, atomic seed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/ingest/load.js';
import { SEEDS_DIR, seedGraph } from '../../src/ingest/seed.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SeedValidationError } from '../../src/ingest/dataset.js';
import { countAll, startTestApi, type TestApi } from '../helpers/api.js';
import { ARTICLE } from '../helpers/article-coverage.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);

describe('search', () => {
  it.each([
    ['安多', 'county:amdo'],
    ['Amdo', 'county:amdo'],
    ['Anduo', 'county:amdo'],
    ['Dalian', 'city:dalian'],
    ['Nagqu', 'city:nagqu'],
    ['Naqu', 'city:nagqu'],
    ['那曲', 'city:nagqu'],
    ['  nAGQu ', 'city:nagqu'],
    ['Baqing', 'county:baqen'],
    ['Suo', 'county:sog'],
  ])('%s finds %s first', async (text, id) => {
    const res = await api.gql('query($t: String!) { search(text: $t) { id name nameZh kind } }', { t: text });
    expect(res.errors).toBeUndefined();
    expect(res.data.search[0].id).toBe(id);
  });

  it('filters by kind and bounds the count', async () => {
    const res = await api.gql('{ search(text: "那曲", kinds: [HOSPITAL], first: 2) { id kind } }');
    expect(res.data.search.length).toBeGreaterThan(0);
    expect(res.data.search.length).toBeLessThanOrEqual(2);
    expect(res.data.search.every((e: any) => e.kind === 'HOSPITAL')).toBe(true);
  });

  it('refuses first outside 1..100 with BAD_USER_INPUT naming the argument', async () => {
    const res = await api.gql('{ search(text: "Nagqu", first: 0) { id } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(res.errors?.[0]?.message).toMatch(/between 1 and 100/);
  });
});

describe('entities and places', () => {
  it('reads an entity with its names, properties and citations', async () => {
    const res = await api.gql(`{
      entity(id: "county:amdo") {
        __typename id kind name nameZh aliases properties
        sources { quote source { id title publisher publishedAt } }
      }
    }`);
    const e = res.data.entity;
    expect(e).toMatchObject({ __typename: 'District', id: 'county:amdo', kind: 'DISTRICT', nameZh: '安多县' });
    expect(e.aliases).toContain('Anduo');
    expect(e.sources.length).toBeGreaterThan(0);
    expect(e.sources[0].source).toMatchObject({ publisher: expect.stringContaining('西藏日报'), publishedAt: '2024-06-21' });
    expect(e.sources.every((c: any) => c.quote.length > 0)).toBe(true);
  });

  it('returns null for an unknown id', async () => {
    const res = await api.gql('{ entity(id: "county:nowhere") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.entity).toBeNull();
  });

  it('walks the PART_OF hierarchy both ways', async () => {
    const res = await api.gql(`{
      amdo: entity(id: "county:amdo") { ... on Place { parent { id parent { id } } children { id } } }
      nagqu: entity(id: "city:nagqu") { ... on Place { children { id kind } } }
    }`);
    expect(res.data.amdo.parent).toEqual({ id: 'city:nagqu', parent: { id: 'province:tibet' } });
    expect(ids(res.data.amdo.children)).toContain('township:pana');
    expect(ids(res.data.nagqu.children)).toEqual(expect.arrayContaining(['county:amdo', 'county:sog', 'county:baqen']));
  });

  it('shows the four pairings from each side, each cited', async () => {
    const res = await api.gql(`{
      liaoning: entity(id: "province:liaoning") { ... on Place { twinnedWith { recipient { id } level sources { quote } } } }
      amdo: entity(id: "county:amdo") { ... on Place { twinnedBy { supporter { id } } } }
      sog: entity(id: "county:sog") { ... on Place { twinnedBy { supporter { id } } } }
      baqen: entity(id: "county:baqen") { ... on Place { twinnedBy { supporter { id } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const liaoning = res.data.liaoning.twinnedWith;
    expect(liaoning.map((t: any) => t.recipient.id)).toContain('city:nagqu');
    expect(liaoning.every((t: any) => t.sources.length > 0)).toBe(true);
    expect(res.data.amdo.twinnedBy.map((t: any) => t.supporter.id)).toContain('city:shenyang');
    expect(res.data.sog.twinnedBy.map((t: any) => t.supporter.id)).toContain('city:dalian');
    expect(res.data.baqen.twinnedBy.map((t: any) => t.supporter.id)).toContain('city:anshan');
  });
});

describe('seeding', () => {
  it('changes nothing when loaded a second time', async () => {
    const before = await countAll(api.graph);
    const report = await seedGraph(api.graph);
    for (const [what, tally] of Object.entries(report)) {
      expect({ what, created: tally.created, updated: tally.updated, removed: tally.removed }).toEqual({ what, created: 0, updated: 0, removed: 0 });
    }
    expect(report.entities.unchanged).toBe(api.seedReport!.entities.created);
    expect(await countAll(api.graph)).toEqual(before);
  });

  it('refuses a broken seed folder, naming file and record, and leaves the database unchanged', async () => {
    const before = await countAll(api.graph);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-broken-'));
    fs.cpSync(SEEDS_DIR, dir, { recursive: true });
    // The article's folder: the records below cite its words (辽宁).
    const folder = ARTICLE;
    const relFile = path.join(dir, folder, 'relationships.yaml');
    // A new, valid entity plus an edge from it to an id that does not exist.
    fs.appendFileSync(path.join(dir, folder, 'entities.yaml'),
      '\n- id: city:brokenville\n  kind: City\n  name: Brokenville\n  aliases: []\n  properties: {}\n  citations: [辽宁]\n');
    fs.appendFileSync(relFile, '\n- id: part-of:brokenville--nowhere\n  type: PART_OF\n  from: city:brokenville\n  to: province:nowhere\n  properties: {}\n  citations: [辽宁]\n');
    const err = await seedGraph(api.graph, dir).catch((e) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    expect(err.message).toMatch(/relationships\.yaml:\d+, record #\d+ \(part-of:brokenville--nowhere\), field "to": no entity with id "province:nowhere"/);
    expect(await countAll(api.graph)).toEqual(before);
    const res = await api.gql('{ entity(id: "city:brokenville") { id } }');
    expect(res.data.entity).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rolls back the whole load when the database refuses part of it', async () => {
    const before = await countAll(api.graph);
    const data = loadSeedFolders(SEEDS_DIR);
    // Valid for the validator, refused by Neo4j (a map is no property value): the last statement
    // of the transaction fails after every earlier one has run.
    data.citations.push({ id: 'citation:broken', subjectId: 'county:amdo', sourceId: data.sources[0]!.id, quote: { not: 'a string' } as never, evidence: 'STATES', position: 0 });
    const renamed = data.entities.find((e) => e.id === 'county:amdo')!;
    renamed.props = { ...renamed.props, name: 'Changed Before The Failure', contentHash: 'changed' };
    await expect(loadDataset(api.graph, data)).rejects.toThrow();
    expect(await countAll(api.graph)).toEqual(before);
    const res = await api.gql('{ entity(id: "county:amdo") { name } }');
    expect(res.data.entity.name).toBe('Amdo County');
  });
});

describe('a place and what belongs to it', () => {
  it('keeps places and non-places apart: an aid team PART_OF a province is located there, not a child', async () => {
    const res = await api.gql(`{
      liaoning: entity(id: "province:liaoning") { ... on Place { children { id kind } located { id } } }
      team: entity(id: "org:liaoning-aid-tibet-team") { ... on Organization { parent { id } } }
    }`);
    expect(res.errors).toBeUndefined();
    const children = res.data.liaoning.children;
    expect(children.map((c: any) => c.id)).toEqual(expect.arrayContaining(['city:shenyang', 'city:dalian', 'city:anshan']));
    expect(children.every((c: any) => ['CITY', 'DISTRICT', 'TOWNSHIP'].includes(c.kind))).toBe(true);
    expect(res.data.liaoning.located.map((e: any) => e.id)).toContain('org:liaoning-aid-tibet-team');
    expect(res.data.team.parent.id).toBe('province:liaoning');
  });
});
