// The national frame: places of the official division list are in the graph (this run's slice:
// Tibet and Liaoning at every level), the article's places are those very nodes, and every root
// field finds, cites and bounds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazetteerEdition, readLevel } from '../../src/gazetteer/division-list.js';
import { DIVISION_LEVELS } from '../../src/domain/division-codes.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { SEEDED_LABEL } from '../../src/domain/vocabulary.js';
import { COMPACT_ORDER } from '../../src/modules/entities/projection.js';
import { SearchRepository } from '../../src/modules/explore/search.repository.js';
import { splitGeneric } from '../../src/domain/search-keys.js';
import { statement } from '../../src/db/statement.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const edition = gazetteerEdition();
const villages = readLevel(edition, DIVISION_LEVELS[4], ['54', '21']);

describe('place(code:)', () => {
  it('answers 扎仁镇 with its parents up to 西藏自治区, its article citations and its gazetteer citation', async () => {
    const res = await api.gql(`{ place(code: "540624102") {
      id name nameZh code officialName kind
      ancestors { id nameZh code }
      sources { quote source { id title publisher } }
    } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data.place;
    expect(p).toMatchObject({ id: 'township:zharen', nameZh: '扎仁镇', code: '540624102', officialName: '扎仁镇', kind: 'TOWNSHIP' });
    expect(p.ancestors.map((a: any) => a.nameZh)).toEqual(['安多县', '那曲市', '西藏自治区']);
    expect(p.ancestors.map((a: any) => a.id)).toEqual(['county:amdo', 'city:nagqu', 'province:tibet']);
    const gazetteer = p.sources.filter((c: any) => c.source.id === edition.sourceId);
    expect(gazetteer).toEqual([{ quote: '540624102,"扎仁镇",540624,54,5406', source: expect.objectContaining({ id: edition.sourceId }) }]);
    expect(gazetteer[0].source.publisher).toContain('国家统计局');
    const article = p.sources.filter((c: any) => c.source.id !== edition.sourceId);
    expect(article.length).toBeGreaterThan(0);
    for (const c of article) expect(c.quote).toContain('扎仁');
  });

  it('answers a village only the list knows, quoting its record verbatim from the package', async () => {
    const v = villages.find((r) => r.code.startsWith('540624'))!;
    const res = await api.gql(`query($code: String!) { place(code: $code) {
      id name nameZh kind code ancestors { code } parent { code }
      sources { quote source { id } }
    } }`, { code: v.code });
    const p = res.data.place;
    expect(p).toMatchObject({ id: `place:${v.code}`, nameZh: v.nameZh, kind: 'VILLAGE', code: v.code });
    expect(p.name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/); // pinyin, generic term apart
    expect(p.parent.code).toBe(v.parentCode);
    expect(p.ancestors.map((a: any) => a.code)).toEqual([v.code.slice(0, 9), v.code.slice(0, 6), v.code.slice(0, 4), v.code.slice(0, 2)]);
    expect(p.sources).toEqual([{ quote: v.record, source: { id: edition.sourceId } }]);
  });

  it('is null for a code that is not there, and the stable id place:<code> names a claimed place too', async () => {
    const res = await api.gql('{ place(code: "999999") { id } amdo: entity(id: "place:540624") { id nameZh } node(id: "place:5406") { id } }');
    expect(res.data).toEqual({ place: null, amdo: { id: 'county:amdo', nameZh: '安多县' }, node: { id: 'city:nagqu' } });
  });
});

describe('one node per real place', () => {
  it('holds every code once, the seeds\' places among them with their ids, names and citations', async () => {
    const [row] = await api.graph.read<{ dup: string[]; amdo: Array<Record<string, unknown>> }>(statement(`// test.one-node
      CALL { MATCH (p:Place) WHERE p.code IS NOT NULL WITH p.code AS code, count(*) AS n WHERE n > 1 RETURN collect(code) AS dup }
      CALL { MATCH (p:Place {code: '540624'}) RETURN collect(p {.id, .name, .nameZh}) AS amdo }
      RETURN dup, amdo`));
    expect(row!.dup).toEqual([]);
    expect(row!.amdo).toEqual([{ id: 'county:amdo', name: 'Amdo County', nameZh: '安多县' }]);
    // Amdo's children are the list's townships, 扎仁镇 and 帕那镇 among them, each once.
    const res = await api.gql('{ entity(id: "county:amdo") { ... on Place { children { id code } } } }');
    const children = res.data.entity.children;
    const expected = readLevel(edition, DIVISION_LEVELS[3], ['54']).filter((r) => r.parentCode === '540624');
    expect(children.map((c: any) => c.code).sort()).toEqual(expected.map((r) => r.code));
    expect(children.map((c: any) => c.id)).toEqual(expect.arrayContaining(['township:zharen', 'township:pana']));
  });

  it('holds the list\'s own places (not Seeded) to names, code and search keys: what a compact row carries', async () => {
    // projection.ts sends these places as their seven core values; a fact on one would be lost.
    const [row] = await api.graph.read<{ places: number; other: string[] }>(statement(`// test.list-places
      MATCH (p:Entity) WHERE NOT p:${SEEDED_LABEL}
      WITH p, [k IN keys(p) WHERE NOT k IN $allowed] AS extra
      RETURN count(p) AS places, collect(DISTINCT p.id + ': ' + reduce(s = '', k IN extra | s + k + ' '))[..5] AS other`),
    { allowed: [...COMPACT_ORDER, 'searchText', 'aliasesText', 'contentHash'] });
    expect(row!.places).toBeGreaterThan(20_000);
    expect(row!.other.filter((o) => !o.endsWith(': '))).toEqual([]);
    // And such a place reads back whole: a village of Amdo County, as the list records it.
    const village = villages.find((v) => v.code.startsWith('540624'))!;
    const res = await api.gql(`{ place(code: "${village.code}") { id name nameZh aliases code officialName kind properties } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.place).toMatchObject({ id: `place:${village.code}`, nameZh: village.nameZh, code: village.code, officialName: village.nameZh, kind: 'VILLAGE', aliases: [] });
    expect(res.data.place.properties).toEqual({});
  });
});

describe('search at national size', () => {
  const first = async (text: string, n = 1) => (await api.gql('query($t: String!, $n: Int) { search(text: $t, first: $n) { id } }', { t: text, n })).data.search.map((e: any) => e.id);

  it('finds Amdo first by pinyin with or without spaces and tones, by short form, and by code', async () => {
    for (const text of ['anduo', 'An Duo Xian', 'Ānduō', 'AnDuo', '安多', '安多县', '540624', 'Amdo']) {
      expect([text, await first(text)]).toEqual([text, ['county:amdo']]);
    }
    expect(await first('naqu')).toEqual(['city:nagqu']);
    expect(await first('那曲')).toEqual(['city:nagqu']);
    expect(await first('Dalian')).toEqual(['city:dalian']);
  });

  it('lists a code, then the places in it', async () => {
    const ids = await first('540624', 30);
    expect(ids[0]).toBe('county:amdo');
    const townships = readLevel(edition, DIVISION_LEVELS[3], ['54']).filter((r) => r.parentCode === '540624');
    expect(ids.slice(1, 1 + townships.length).sort()).toEqual(
      (await api.gql(`{ nodes(ids: ${JSON.stringify(townships.map((t) => `place:${t.code}`))}) { id } }`)).data.nodes.map((n: any) => n.id).sort(),
    );
  });

  it('ranks a name many villages share and shows each one\'s parent chain', async () => {
    const counts = new Map<string, number>();
    for (const v of villages) counts.set(v.nameZh, (counts.get(v.nameZh) ?? 0) + 1);
    const [shared, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(n).toBeGreaterThan(5);
    const res = await api.gql(`query($t: String!) { search(text: $t, kinds: [VILLAGE], first: 100) {
      id nameZh ... on Place { ancestors { nameZh } } } }`, { t: shared });
    const hits = res.data.search.filter((h: any) => h.nameZh === shared);
    expect(hits.length).toBe(Math.min(n, 100));
    const chains = hits.map((h: any) => h.ancestors.map((a: any) => a.nameZh).join(' < '));
    expect(new Set(chains).size).toBe(chains.length); // every homonym told apart by its chain
    for (const h of hits) expect(h.ancestors).toHaveLength(4);
  });

  it('answers a selection of names from compact rows exactly as from whole records', async () => {
    // Only CORE_FIELDS asked: every entity comes as its compact row. With `properties` asked too,
    // as its whole record. The shared fields must not tell the two apart.
    const core = 'id kind name nameZh aliases __typename ... on Place { code officialName }';
    for (const text of ['安多', 'Amdo', '540624']) {
      const names = (await api.gql(`query($t: String!) { search(text: $t, first: 20) { ${core} } }`, { t: text })).data.search;
      const whole = (await api.gql(`query($t: String!) { search(text: $t, first: 20) { ${core} properties } }`, { t: text })).data.search;
      expect(names.length).toBeGreaterThan(3);
      expect(names).toEqual(whole.map(({ properties: _, ...rest }: Record<string, unknown>) => rest));
      if (text === '安多') expect(whole.some((e: { properties: object }) => Object.keys(e.properties).length > 0)).toBe(true);
    }
  });

  it('finds every exact match when the prefixes run over their bound, and only then seeks twice', async () => {
    // The short form of the slice's most common village name (和平 of 和平村, say) begins more
    // keys than it equals. With a bound of as many candidates as it has exact matches, the prefix
    // seek reads some that are not exact and stops; the exact key |stem| then gets a seek of its
    // own, which finds them all, first, as the usual bound does in one seek.
    const counts = new Map<string, number>();
    for (const v of villages) counts.set(v.nameZh, (counts.get(v.nameZh) ?? 0) + 1);
    const [shared] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const [stem] = splitGeneric(shared);
    const exactIds = (await api.graph.read<{ id: string }>(statement(`// test.exact
      MATCH (e:Entity:Cited) WHERE e.searchText CONTAINS $exact RETURN e.id AS id`), { exact: `|${stem}|` })).map((r) => r.id);
    const bound = exactIds.length;
    expect(bound).toBeGreaterThan(5);
    // What one seek with that bound reads (the repository's first seek, in the same index order).
    const firstSeek = (await api.graph.read<{ id: string }>(statement(`// test.first-seek
      MATCH (e:Entity) WHERE e.searchText CONTAINS $prefix WITH e WHERE e:Cited WITH e LIMIT toInteger($bound) RETURN e.id AS id`),
    { prefix: `|${stem}`, bound })).map((r) => r.id);
    expect(firstSeek).toHaveLength(bound);
    expect(exactIds.filter((id) => !firstSeek.includes(id)).length).toBeGreaterThan(0);

    const searched = async (b?: number) => {
      const graph = api.graph.forRequest();
      const found = await new SearchRepository(graph, b).search(stem, null, bound);
      return { ids: found.map((e) => e.id), statements: graph.statements };
    };
    const usual = await searched();
    const bounded = await searched(bound);
    expect(usual.statements).toBe(1);
    expect(bounded.statements).toBe(2);
    expect([...usual.ids].sort()).toEqual([...exactIds].sort());
    expect(bounded.ids).toEqual(usual.ids);
  });

  it('puts a county before the villages whose names contain its name', async () => {
    const res = await api.gql('{ search(text: "巴青", first: 5) { id kind } }');
    expect(res.data.search[0]).toEqual({ id: 'county:baqen', kind: 'DISTRICT' });
  });
});

describe('everything inside a place, defined once', () => {
  it('twinnings under Tibet are the twinnings whose recipient lies in Tibet', async () => {
    const res = await api.gql(`{
      under: twinnings(filter: { recipient: "province:tibet", includeDescendants: true }, first: 100) { totalCount edges { node { id recipient { id ... on Place { ancestors { id } } } } } }
      all: twinnings(first: 100) { totalCount edges { node { id recipient { id ... on Place { ancestors { id } } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const inTibet = res.data.all.edges.filter((e: any) => e.node.recipient.id === 'province:tibet'
      || e.node.recipient.ancestors?.some((a: any) => a.id === 'province:tibet'));
    expect(res.data.under.totalCount).toBe(inTibet.length);
    expect(res.data.under.totalCount).toBeGreaterThan(0);
    expect(res.data.under.edges.map((e: any) => e.node.id).sort()).toEqual(inTibet.map((e: any) => e.node.id).sort());
  });

  it('gives a twinning the same projects as the aid summary of its two ends', async () => {
    const res = await api.gql(`{
      twinnings(filter: { supporter: "province:liaoning", recipient: "city:nagqu" }, first: 5) { edges { node { projects { id } } } }
      aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") { overall { projects } }
    }`);
    expect(res.errors).toBeUndefined();
    const projects = res.data.twinnings.edges[0].node.projects.map((p: any) => p.id);
    expect(projects).toContain('project:tourist-source-aid-agreement');
    expect(res.data.aidSummary.overall.projects).toBe(projects.length);
  });
});

describe('neighbourhood of a hub', () => {
  it('stops at the hop that fills the limit and says the total is a lower bound', async () => {
    const res = await api.gql('{ neighborhood(id: "province:tibet", depth: 3, limit: 50) { nodes { id } totalNodes totalNodesExact truncated } }');
    const n = res.data.neighborhood;
    expect(n.nodes).toHaveLength(51);
    expect(n.truncated).toBe(true);
    expect(n.totalNodesExact).toBe(false);
    expect(n.totalNodes).toBeGreaterThan(50);
    expect(n.totalNodes).toBeLessThan(6_371); // not everything within three hops of Tibet
  });

  it('counts exactly when the limit is not reached', async () => {
    const v = villages.find((r) => r.code.startsWith('540624'))!;
    const res = await api.gql(`{ neighborhood(id: "place:${v.code}", depth: 1, limit: 500) { nodes { id } totalNodes totalNodesExact truncated } }`);
    expect(res.data.neighborhood).toMatchObject({ totalNodes: 1, totalNodesExact: true, truncated: false });
  });
});
