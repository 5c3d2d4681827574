// "Inside X" kept between requests (modules/places/inside-cache.ts) stays the graph's answer: kept
// lists are used while the graph holds the stamp they were read under, and any load (the seed load
// here, run beside the server as a loader of its own would) stamps the graph anew, so the next
// answer is read again. Through the real Neo4j and the API.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../../src/ingest/seed.js';
import { insideCacheOf } from '../../src/modules/places/inside-cache.js';
import { statement } from '../../src/db/statement.js';
import { startTestApi, type GqlResponse, type TestApi } from '../helpers/api.js';
import { writeSyntheticSeeds } from '../helpers/synthetic.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi({ seed: false }); });
afterAll(async () => { await api?.close(); });

const TWINNINGS_INSIDE = '{ twinnings(filter: { recipient: "city:recipient", includeDescendants: true }, orderBy: { field: ID }) { totalCount edges { node { id } } } }';
const SUPPORTS_INSIDE = '{ supports(filter: { supporter: "province:supporter", includeDescendants: true }, orderBy: { field: ID }) { totalCount edges { node { id } } } }';

type EdgeIds = { edges: Array<{ node: { id: string } }> };
const ids = (res: GqlResponse<{ twinnings?: EdgeIds; supports?: EdgeIds }>) =>
  (res.data?.twinnings ?? res.data?.supports)!.edges.map((e) => e.node.id);

async function stampNow(): Promise<string> {
  const [row] = await api.graph.read<{ value: string }>(statement(`// test.data-stamp
    MATCH (s:DataStamp {id: 'graph'}) RETURN s.value AS value`));
  return row!.value;
}

/** The synthetic seeds with Recipient 001 moved out of Recipient City (to the supporting province). */
function seedsWithR001MovedOut(): string {
  const dir = writeSyntheticSeeds(3);
  const file = path.join(dir, 'synthetic', 'relationships.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const moved = text.replace('from: "county:r001", to: "city:recipient", citations: ["Recipient 001 in Recipient City"]',
    'from: "county:r001", to: "province:supporter", citations: ["Recipient 001 in Supporter Province"]');
  expect(moved).not.toBe(text);
  fs.writeFileSync(file, moved);
  return dir;
}

const UNDER_TWINNINGS = `{ twinnings(filter: { recipient: "city:recipient", includeDescendants: true }, orderBy: { field: ID }) {
  edges { node { id supports { id } projects { id } people { id } } } } }`;
type Under = { edges: Array<{ node: { id: string; supports: Array<{ id: string }>; projects: Array<{ id: string }>; people: Array<{ id: string }> } }> };
const under = (res: GqlResponse<{ twinnings: Under }>) => res.data!.twinnings.edges.map(({ node }) => ({
  id: node.id,
  supports: node.supports.map((x) => x.id).sort(),
  projects: node.projects.map((x) => x.id).sort(),
  people: node.people.map((x) => x.id).sort(),
}));

/** The synthetic seeds with School 000 located in Recipient 001, and Team 000 part of 援助市001. */
function seedsWithSchoolAndTeamMoved(): string {
  const dir = writeSyntheticSeeds(3);
  const file = path.join(dir, 'synthetic', 'relationships.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const moved = text
    .replace('from: "school:r000", to: "county:r000", citations: ["School 000 in Recipient 000"]',
      'from: "school:r000", to: "county:r001", citations: ["School 000 in Recipient 001"]')
    .replace('from: "org:team000", to: "city:s000", citations: ["Team 000 of 援助市000"]',
      'from: "org:team000", to: "city:s001", citations: ["Team 000 of 援助市001"]');
  expect(moved.split('county:r001').length).toBe(text.split('county:r001').length + 1);
  expect(moved.split('"city:s001"').length).toBe(text.split('"city:s001"').length + 1);
  fs.writeFileSync(file, moved);
  return dir;
}

describe('what is inside a place, kept between requests', () => {
  it('answers from the graph after every load: ask, load a change, ask again', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    const first = await api.gql(TWINNINGS_INSIDE);
    expect(first.errors).toBeUndefined();
    expect(ids(first)).toEqual(['twinning:s000--r000', 'twinning:s001--r001', 'twinning:s002--r002']);
    // Kept under the stamp the load wrote: the city, its three counties and their schools.
    const kept = insideCacheOf(api.graph).kept('city:recipient');
    expect(kept.insideStamp).toBe(await stampNow());
    expect([...kept.insideIds].sort()).toEqual(['city:recipient', 'county:r000', 'county:r001', 'county:r002', 'school:r000', 'school:r001', 'school:r002']);
    expect(await api.gql(TWINNINGS_INSIDE)).toEqual(first);

    // A county moves out of the city: the next load stamps the graph, and the answer follows it.
    await seedGraph(api.graph, seedsWithR001MovedOut());
    const afterMove = await api.gql(TWINNINGS_INSIDE);
    expect(afterMove.data.twinnings.totalCount).toBe(2);
    expect(ids(afterMove)).toEqual(['twinning:s000--r000', 'twinning:s002--r002']);
    expect(insideCacheOf(api.graph).kept('city:recipient').insideIds).not.toContain('county:r001');

    // And one more pair comes in.
    await seedGraph(api.graph, writeSyntheticSeeds(4));
    const afterGrowth = await api.gql(TWINNINGS_INSIDE);
    expect(ids(afterGrowth)).toEqual(['twinning:s000--r000', 'twinning:s001--r001', 'twinning:s002--r002', 'twinning:s003--r003']);
  });

  it('answers what runs under each twinning from the graph after every load', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    const first = await api.gql(UNDER_TWINNINGS);
    expect(first.errors).toBeUndefined();
    expect(under(first).slice(0, 2)).toEqual([
      { id: 'twinning:s000--r000', supports: ['support:s000--r000', 'support:team000--school000'], projects: ['project:p000'], people: ['person:p000'] },
      { id: 'twinning:s001--r001', supports: ['support:s001--r001', 'support:team001--school001'], projects: ['project:p001'], people: ['person:p001'] },
    ]);
    // Each twinning's two sides are kept: the recipient's (supports, projects), the supporter's
    // (people): the city, its team and the team's member.
    const cache = insideCacheOf(api.graph);
    expect([...cache.kept('county:r000').insideIds].sort()).toEqual(['county:r000', 'school:r000']);
    expect([...cache.kept('city:s000').insideIds].sort()).toEqual(['city:s000', 'org:team000', 'person:p000']);
    expect(await api.gql(UNDER_TWINNINGS)).toEqual(first);

    // School 000 moves to Recipient 001 and Team 000 to 援助市001: one load, and both sides follow.
    await seedGraph(api.graph, seedsWithSchoolAndTeamMoved());
    const after = await api.gql(UNDER_TWINNINGS);
    expect(under(after).slice(0, 2)).toEqual([
      { id: 'twinning:s000--r000', supports: ['support:s000--r000'], projects: [], people: [] },
      { id: 'twinning:s001--r001', supports: ['support:s001--r001', 'support:team000--school000', 'support:team001--school001'], projects: ['project:p001'], people: ['person:p000', 'person:p001'] },
    ]);
  });

  it('uses a kept list only while the graph holds its stamp', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    const answer = await api.gql(SUPPORTS_INSIDE);
    // From the province: its cities' donations and their teams' teaching, six supports.
    expect(answer.data.supports.totalCount).toBe(6);
    const cache = insideCacheOf(api.graph);
    // Each question below is asked in an order not asked before under the graph's stamp, so its
    // page's order is not kept yet (twinnings.repository.ts) and the page reads "inside" anew.
    const inOrder = (field: string) => SUPPORTS_INSIDE.replace('field: ID', `field: ${field}`);
    // A list kept under the graph's stamp is what the statement goes on from (here a wrong one, to see it)...
    cache.keep('province:supporter', await stampNow(), ['province:supporter', 'city:s000']);
    expect(ids(await api.gql(inOrder('SINCE')))).toEqual(['support:s000--r000']);
    // ...and a load, even of the same folders, makes it a list of another stamp: read again.
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    expect(await api.gql(SUPPORTS_INSIDE)).toEqual(answer);
    // A list kept under a stamp the graph does not hold is never used.
    cache.keep('province:supporter', 'a stamp no load wrote', ['province:supporter']);
    const again = await api.gql(inOrder('MODE'));
    expect(again.data.supports.totalCount).toBe(6);
    expect(ids(again).sort()).toEqual(ids(answer).sort());
  });
});
