// Answers kept between requests per data stamp (src/db/kept-by-stamp.ts): a page's order
// (twinnings.repository.ts, programmes.repository.ts) and a neighbourhood's walk
// (explore.repository.ts). While the graph holds the stamp an answer was read under, a request
// reads only what it shows (a page's window, the walk's entities and edges); once any load stamps
// the graph anew, the next request reads it again. Through the real Neo4j and the API; the graph
// is changed with and without a new stamp to tell the two apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../../src/ingest/seed.js';
import { WRITE_DATA_STAMP, freshDataStamp } from '../../src/db/data-stamp.js';
import { statement } from '../../src/db/statement.js';
import { startTestApi, type GqlResponse, type TestApi } from '../helpers/api.js';
import { writeSyntheticSeeds } from '../helpers/synthetic.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi({ seed: false }); });
afterAll(async () => { await api?.close(); });

type Page = { totalCount: number; edges: Array<{ cursor: string; node: { id: string; since: number | null } }>; pageInfo: { hasNextPage: boolean } };
const BY_SINCE = (first: number, after?: string) => `{ twinnings(
    filter: { recipient: "city:recipient", includeDescendants: true }, orderBy: { field: SINCE, direction: DESC },
    first: ${first}${after ? `, after: "${after}"` : ''}) {
  totalCount edges { cursor node { id since } } pageInfo { hasNextPage } } }`;

async function page(first: number, after?: string): Promise<Page> {
  const res: GqlResponse<{ twinnings: Page }> = await api.gql(BY_SINCE(first, after));
  expect(res.errors).toBeUndefined();
  return res.data!.twinnings;
}
const ids = (p: Page) => p.edges.map((e) => e.node.id);

/** Sets a twinning's start year as a writer that stamps nothing would (never the loaders' way). */
async function setSinceUnstamped(id: string, since: number) {
  await api.graph.write(statement(`// test.set-since
    MATCH ()-[r:TWINNED_WITH {id: $id}]->() SET r.since = $since`), { id, since });
}

async function stampAnew() {
  await api.graph.write(WRITE_DATA_STAMP, freshDataStamp());
}

describe('a page order kept between requests', () => {
  it('pages through one order, reading it again only after a new stamp', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(5));
    // The five counties of Recipient City, latest start first (2004 … 2000).
    const whole = await page(10);
    expect(whole.totalCount).toBe(5);
    expect(ids(whole)).toEqual(['twinning:s004--r004', 'twinning:s003--r003', 'twinning:s002--r002', 'twinning:s001--r001', 'twinning:s000--r000']);

    // Paged by two, the windows of the same order, each with the whole list's count.
    const first = await page(2);
    const second = await page(2, first.edges.at(-1)!.cursor);
    const third = await page(2, second.edges.at(-1)!.cursor);
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(whole));
    expect([first.totalCount, second.totalCount, third.totalCount]).toEqual([5, 5, 5]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
    // Past the end of the kept order: no edges, and still the whole count.
    const past = await page(2, third.edges.at(-1)!.cursor);
    expect(past.edges).toEqual([]);
    expect(past.totalCount).toBe(5);

    // A change no load stamped: the kept order stands (the window's edges are read, so the new
    // year shows, in the old place)...
    await setSinceUnstamped('twinning:s000--r000', 2010);
    const unstamped = await page(10);
    expect(ids(unstamped)).toEqual(ids(whole));
    expect(unstamped.edges.at(-1)!.node.since).toBe(2010);

    // ...and once the graph holds a new stamp, the order is read again.
    await stampAnew();
    expect(ids(await page(10))).toEqual(['twinning:s000--r000', 'twinning:s004--r004', 'twinning:s003--r003', 'twinning:s002--r002', 'twinning:s001--r001']);
  });

  it('follows a load: a twinning more, counted and placed', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    expect(ids(await page(10))).toEqual(['twinning:s002--r002', 'twinning:s001--r001', 'twinning:s000--r000']);
    await seedGraph(api.graph, writeSyntheticSeeds(4));
    const after = await page(2);
    expect(after.totalCount).toBe(4);
    expect(ids(after)).toEqual(['twinning:s003--r003', 'twinning:s002--r002']);
  });

  it('keeps each question apart: another filter or order is its own', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(4));
    expect(ids(await page(10))).toHaveLength(4);
    const ascending: GqlResponse<{ twinnings: Page }> = await api.gql(`{ twinnings(
      filter: { recipient: "city:recipient", includeDescendants: true }, orderBy: { field: SINCE, direction: ASC }, first: 10) {
      totalCount edges { cursor node { id since } } pageInfo { hasNextPage } } }`);
    expect(ids(ascending.data!.twinnings)).toEqual(['twinning:s000--r000', 'twinning:s001--r001', 'twinning:s002--r002', 'twinning:s003--r003']);
    const active: GqlResponse<{ twinnings: Page }> = await api.gql(`{ twinnings(
      filter: { recipient: "city:recipient", includeDescendants: true, activeYear: 2001 }, orderBy: { field: SINCE, direction: DESC }, first: 10) {
      totalCount edges { cursor node { id since } } pageInfo { hasNextPage } } }`);
    expect(ids(active.data!.twinnings)).toEqual(['twinning:s001--r001', 'twinning:s000--r000']);
  });

  it('keeps the walk inside an anchor apart from the anchor alone', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    const asked = async (descendants: boolean) => {
      const res: GqlResponse<{ twinnings: Page }> = await api.gql(`{ twinnings(
        filter: { recipient: "city:recipient", includeDescendants: ${descendants} }, orderBy: { field: SINCE, direction: DESC }, first: 10) {
        totalCount edges { cursor node { id since } } pageInfo { hasNextPage } } }`);
      expect(res.errors).toBeUndefined();
      return res.data!.twinnings.totalCount;
    };
    // The twinnings run to the city's counties, none to the city itself; each asked twice, in turn.
    expect([await asked(true), await asked(false), await asked(true), await asked(false)]).toEqual([3, 0, 3, 0]);
  });

  it("keeps a programme's order too: its count and its first twinnings", async () => {
    await seedGraph(api.graph);
    type Programme = { twinningCount: number; twinnings: Array<{ id: string }> };
    const ask = async () => {
      const res: GqlResponse<{ programme: Programme }> = await api.gql('{ programme(id: "programme:aid-tibet") { twinningCount twinnings(first: 3) { id } } }');
      expect(res.errors).toBeUndefined();
      return res.data!.programme;
    };
    const before = await ask();
    expect(before.twinningCount).toBeGreaterThan(3);
    const [gone, ...rest] = before.twinnings.map((t) => t.id);
    // Deleted by a writer that stamps nothing: the kept order stands (the same count), and the
    // window's seek on the deleted id finds nothing.
    await api.graph.write(statement(`// test.delete-twinning
      MATCH ()-[r:TWINNED_WITH {id: $id}]->() DELETE r`), { id: gone });
    const unstamped = await ask();
    expect(unstamped.twinningCount).toBe(before.twinningCount);
    expect(unstamped.twinnings.map((t) => t.id)).toEqual(rest);
    // Under a new stamp the order is read again.
    await stampAnew();
    const after = await ask();
    expect(after.twinningCount).toBe(before.twinningCount - 1);
    expect(after.twinnings.map((t) => t.id).slice(0, 2)).toEqual(rest);
    expect(after.twinnings).toHaveLength(3);
  });

  it("keeps a neighbourhood's walk: its entities and count, while the stamp holds", async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    type Hood = { totalNodes: number; nodes: Array<{ id: string }>; edges: Array<{ id: string }> };
    const ask = async () => {
      const res: GqlResponse<{ neighborhood: Hood }> = await api.gql('{ neighborhood(id: "city:recipient", depth: 1) { totalNodes nodes { id } edges { id } } }');
      expect(res.errors).toBeUndefined();
      return res.data!.neighborhood;
    };
    const before = await ask();
    expect(before.nodes.map((n) => n.id)).toContain('county:r000');
    // The county's edge to the city deleted by a writer that stamps nothing: the kept walk still
    // holds the county (its edges are read now, so the deleted one is gone)...
    await api.graph.write(statement(`// test.delete-part-of
      MATCH (:Entity {id: 'county:r000'})-[r:PART_OF]->(:Entity {id: 'city:recipient'}) DELETE r`));
    const unstamped = await ask();
    expect(unstamped.totalNodes).toBe(before.totalNodes);
    expect(unstamped.nodes.map((n) => n.id)).toContain('county:r000');
    expect(unstamped.edges.length).toBe(before.edges.length - 1);
    // ...and under a new stamp the walk is read again.
    await stampAnew();
    const after = await ask();
    expect(after.totalNodes).toBe(before.totalNodes - 1);
    expect(after.nodes.map((n) => n.id)).not.toContain('county:r000');
  });
});
