// A root entity read ahead: a root field whose selection walks parent/children, or asks its
// citations, its edges and their citations, costs one statement whatever the number of places,
// edges or citations, and answers what the level-by-level loaders answer (same places, same order);
// walks deeper than the look-ahead go level by level, still without one statement per item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/api/context.js';
import { listen } from '../../src/http/listen.js';
import { MAX_LOOKAHEAD_CHILD_LEVELS } from '../../src/modules/places/hierarchy.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { RecordingGraph, type Ran } from '../helpers/recording-graph.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const CHILDREN_TWO_LEVELS = (id: string) =>
  `{ entity(id: "${id}") { id name ... on Place { children { id name children { id name } } } } }`;

/** Places below, counted over both levels. */
const countBelow = (data: any) =>
  data.entity.children.length + data.entity.children.reduce((n: number, t: any) => n + t.children.length, 0);

describe('hierarchy look-ahead', () => {
  it('a county, its townships and their villages: one statement, for a small county as for a large one', async () => {
    // Two counties of the slice with different numbers of townships and villages.
    const small = await api.gql(CHILDREN_TWO_LEVELS('county:amdo'));
    const large = await api.gql(`{ place(code: "210112") { id } }`); // 浑南区, Shenyang: many communities
    const largeId = large.data.place.id as string;
    const big = await api.gql(CHILDREN_TWO_LEVELS(largeId));
    for (const res of [small, big]) expect(res.errors).toBeUndefined();
    const [a, b] = [countBelow(small.data), countBelow(big.data)];
    expect(a).toBeGreaterThan(10);
    expect(b).not.toBe(a);
    console.log(`[hierarchy] ${a} places below county:amdo, ${b} below ${largeId}`);
    expect(small.extensions!.cypherStatements).toBe(1);
    expect(big.extensions!.cypherStatements).toBe(1);
  });

  it('a parent chain up three levels is one statement and names the same places as PART_OF edges', async () => {
    const res = await api.gql(`{ entity(id: "township:zharen") { id ... on Place {
      parent { id parent { id parent { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions!.cypherStatements).toBe(1);
    expect(res.data.entity.parent.id).toBe('county:amdo');
    expect(res.data.entity.parent.parent.id).toBe('city:nagqu');
    expect(res.data.entity.parent.parent.parent.id).toBe('province:tibet');
  });

  it('children come in the order, and are the places, that the generic edge reader lists', async () => {
    const res = await api.gql(`{ entity(id: "county:amdo") { ... on Place {
      children { id }
      relationships(types: [PART_OF], direction: INCOMING) { from { id kind } } } } }`);
    expect(res.errors).toBeUndefined();
    const PLACE_KINDS = new Set(['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE']);
    const viaEdges = [...new Set<string>(res.data.entity.relationships
      .filter((r: any) => PLACE_KINDS.has(r.from.kind)).map((r: any) => r.from.id))];
    expect(res.data.entity.children.map((c: any) => c.id)).toEqual(viaEdges);
    expect(viaEdges.length).toBeGreaterThan(5);
  });

  it('fragments and aliases are read ahead too; a place:<code> id gives the same answer', async () => {
    const byId = await api.gql(`fragment Up on Place { parent { name } }
      { entity(id: "county:amdo") { ... on Place { ...Up kids: children { name } } } }`);
    expect(byId.errors).toBeUndefined();
    expect(byId.extensions!.cypherStatements).toBe(1);
    const byCode = await api.gql(`fragment Up on Place { parent { name } }
      { entity(id: "place:540624") { ... on Place { ...Up kids: children { name } } } }`);
    expect(byCode.errors).toBeUndefined();
    expect(byCode.extensions!.cypherStatements).toBe(1);
    expect(byCode.data).toEqual(byId.data);
  });

  it('read level by level (under nodes, which does not look ahead) the walk answers the same', async () => {
    const walk = '... on Place { parent { id name } children { id name children { id name } } }';
    const ahead = await api.gql(`{ entity(id: "county:amdo") { id ${walk} } }`);
    const levelByLevel = await api.gql(`{ nodes(ids: ["county:amdo"]) { id ${walk} } }`);
    expect(levelByLevel.errors).toBeUndefined();
    expect(levelByLevel.extensions!.cypherStatements).toBe(4); // the entity; parent and children (one each); their children
    expect(levelByLevel.data.nodes[0]).toEqual(ahead.data.entity);
  });

  it('deeper than the look-ahead, levels are read one statement each, not one per place', async () => {
    const levels = MAX_LOOKAHEAD_CHILD_LEVELS + 1;
    const walk = `${'children { id '.repeat(levels)}${' }'.repeat(levels)}`;
    // Nagqu: counties, townships, villages, then nothing below villages.
    const res = await api.gql(`{ entity(id: "city:nagqu") { id ... on Place { ${walk} } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions!.cypherStatements).toBe(2);
  });
});

describe('root read-ahead: citations, edges and their citations', () => {
  // The bench's question (npm run bench:peers), with the walk and every edge field beside it.
  const CITED = `id name sources { quote source { id title } } ... on Place {
    parent { id name }
    twinnedBy { id level supporter { id name } sources { quote source { publishedAt } } }
    twinnedWith { id recipient { name } }
    supportsReceived { id mode supporter { name } sources { quote } }
    located { id }
    relationships { id type from { id } to { id } sources { quote } } }`;

  it('is one statement for a county and for a city with many more edges and citations', async () => {
    const sizes: number[] = [];
    for (const id of ['county:amdo', 'city:nagqu']) {
      const res = await api.gql(`{ entity(id: "${id}") { ${CITED} } }`);
      expect(res.errors).toBeUndefined();
      expect(res.extensions!.cypherStatements).toBe(1);
      const e = res.data.entity;
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.twinnedBy.every((t: any) => t.sources.length > 0)).toBe(true);
      sizes.push(e.relationships.length + e.relationships.reduce((n: number, r: any) => n + r.sources.length, 0));
    }
    console.log(`[read-ahead] edges and their citations: county:amdo ${sizes[0]}, city:nagqu ${sizes[1]}`);
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
  });

  it('answers what the loaders answer level by level (under nodes, which does not read ahead)', async () => {
    for (const id of ['county:amdo', 'city:nagqu', 'province:liaoning', 'place:540624102']) {
      const ahead = await api.gql(`{ entity(id: "${id}") { ${CITED} } }`);
      const levelByLevel = await api.gql(`{ nodes(ids: ["${id}"]) { ... on Entity { ${CITED} } } }`);
      expect(levelByLevel.errors).toBeUndefined();
      expect(levelByLevel.extensions!.cypherStatements).toBeGreaterThan(1);
      expect(ahead.data.entity).toEqual(levelByLevel.data.nodes[0]);
    }
  });

  it('place(code:) reads ahead the same way', async () => {
    const byCode = await api.gql(`{ place(code: "540624") { ${CITED} } }`);
    const byId = await api.gql(`{ entity(id: "county:amdo") { ${CITED} } }`);
    expect(byCode.errors).toBeUndefined();
    expect(byCode.extensions!.cypherStatements).toBe(1);
    expect(byCode.data.place).toEqual(byId.data.entity);
  });
});

describe('a walk that asks only names reads each place as its names (a ref)', () => {
  /** The read-ahead statement a query ran, run again: its tree as Neo4j returns it. */
  async function treeOf(query: string): Promise<any> {
    const ran: Ran[] = [];
    const server = await listen(new RecordingGraph(api.graph, ran), { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 });
    try {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    } finally {
      await server.stop();
    }
    const [walk] = ran.filter((r) => r.name === 'entities.read-ahead');
    const [row] = await api.graph.read<{ tree: any }>(walk!, walk!.params);
    return row!.tree;
  }
  const rowsBelow = (tree: any): unknown[] => tree.children.flatMap((t: any) => [t.e, ...t.children]);

  it('three values a place for id and name, four with nameZh, the whole row for anything more', async () => {
    const names = rowsBelow(await treeOf(CHILDREN_TWO_LEVELS('county:amdo')));
    expect(names.length).toBeGreaterThan(10);
    for (const row of names) expect(row).toEqual([expect.any(String), expect.stringMatching(/^(TOWNSHIP|VILLAGE)$/), expect.any(String)]);
    const withZh = rowsBelow(await treeOf('{ entity(id: "county:amdo") { ... on Place { children { name nameZh children { __typename nameZh } } } } }'));
    for (const row of withZh) expect(row).toHaveLength(4);
    // One field beyond the names, on the villages only: they are whole; the townships stay refs.
    const tree = await treeOf('{ entity(id: "county:amdo") { ... on Place { children { name children { name ... on Village { code } } } } } }');
    for (const t of tree.children) {
      expect(t.e).toHaveLength(3);
      for (const v of t.children) expect(Array.isArray(v) ? v.length : Object.keys(v)).not.toBe(3);
    }
  });

  it('places read as names answer only a selection of names; one that asks more gets the records', async () => {
    // The two roots share the request's services: whichever walk is read first primes the county's
    // children for both, so the second may find names where it asks every field of a place.
    const every = 'id kind name nameZh aliases code officialName properties';
    const query = `{ names: entity(id: "county:amdo") { ... on Place { children { id name } } }
      every: entity(id: "county:amdo") { ... on Place { children { ${every} } } } }`;
    const levelByLevel = await api.gql(`{ nodes(ids: ["county:amdo"]) { ... on Place { children { ${every} } } } }`);
    for (let i = 0; i < 4; i++) {
      const res = await api.gql(query);
      expect(res.errors).toBeUndefined();
      expect(res.data.every.children).toEqual(levelByLevel.data.nodes[0].children);
      // The walk that read more replaces the one that read less, whichever came first: two statements.
      expect(res.extensions!.cypherStatements).toBe(2);
    }
    // And through the service, for the county (a seed claimed it) and its townships with villages:
    // children a walk read as names answer a selection of names from the walk, without a statement,
    // and any selection that asks more from the records, as the level-by-level read finds them.
    const townships = await createContext(api.graph).services.places.children({ id: 'county:amdo' });
    const below = await Promise.all(townships.map(async (t) => [t.id, (await createContext(api.graph).services.places.children(t)).length] as const));
    const ids = ['county:amdo', ...below.filter(([, n]) => n > 0).map(([id]) => id)];
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) {
      const records = await createContext(api.graph).services.places.children({ id });
      expect(records.length).toBeGreaterThan(0);
      const fresh = createContext(api.graph);
      fresh.services.places.primeWalk(id, { e: [id], children: records.map((r) => [r.id, r.kind, r.name, 'as the walk read it']) },
        { children: { reads: 'names-zh' } });
      const before = fresh.graph.statements;
      const names = await fresh.services.places.children({ id }, 'names');
      expect(fresh.graph.statements).toBe(before);
      expect(names.map((p) => [p.id, p.name, p.nameZh])).toEqual(records.map((r) => [r.id, r.name, 'as the walk read it']));
      expect(await fresh.services.places.children({ id }, 'whole')).toEqual(records);
      expect(fresh.graph.statements).toBe(before + 1);
    }
  });
});
