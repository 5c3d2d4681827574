// One name per concept: the receiving end of a support or a project is its `recipient`, as on a
// twinning, and a start year is `since`, as on a twinning and a programme (on supports, quantities,
// posts, memberships, sort fields and year ranges too). The old names still answer the same,
// marked deprecated (API changes are additions and deprecations only). The place a school, hospital,
// organisation, project or event is in is its `locatedIn`: `location` is a place's position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statement } from '../../src/db/statement.js';
import { INSIDE_DEPTH, INSIDE_TYPES } from '../../src/modules/places/inside.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
// No seed states the year a post or membership began, nor a year a support ended: two of the
// first and one of the second get one here, in this file's throwaway copy of the seeds, so that
// `since` and `fromYear` have a year to agree on and a period's `since` has a support to leave out.
const DATED: Record<string, string> = { 'post:yu-guoqiang--nagqu-executive-vice-mayor': '2022-07', 'member-of:yu-guoqiang--liaoning-10th-aid-batch': '2022' };
beforeAll(async () => {
  api = await startTestApi();
  const [row] = await api.graph.write<{ n: number }>(statement(`// test.date-posts
    UNWIND keys($dated) AS id
    MATCH ()-[r:HOLDS_POST|MEMBER_OF {id: id}]->()
    SET r.from = $dated[id]
    RETURN count(r) AS n`), { dated: DATED });
  expect(row?.n).toBe(Object.keys(DATED).length);
  await api.graph.write(statement(`// test.end-a-support
    MATCH ()-[r:SUPPORTS {id: 'support:liaoning--nagqu-cadre-exchange'}]->() SET r.until = 2015`));
});
afterAll(async () => { await api?.close(); });

const SUPPORTS = `{ supports(first: 100) { totalCount edges { node {
  id recipient { id } beneficiary { id } since from until
  quantities { id since from }
} } } }`;
const nodes = (data: any) => data.supports.edges.map((e: any) => e.node);

describe('one name per concept', () => {
  it('a support answers `recipient` and `since`, the same as its deprecated `beneficiary` and `from`', async () => {
    const { data, errors } = await api.gql(SUPPORTS);
    expect(errors).toBeUndefined();
    const supports = nodes(data);
    expect(supports.length).toBeGreaterThan(5);
    for (const s of supports) {
      expect(s.recipient.id).toBe(s.beneficiary.id);
      expect(s.since).toBe(s.from);
    }
    // The seeds state start years for some supports: the new name carries them.
    expect(supports.some((s: any) => typeof s.since === 'number')).toBe(true);
  });

  it('a quantity answers `since`, the same as its deprecated `from`', async () => {
    const { data } = await api.gql('{ supports(first: 100) { edges { node { quantities { since from } } } } }');
    const quantities = nodes(data).flatMap((s: any) => s.quantities);
    expect(quantities.length).toBeGreaterThan(0);
    for (const q of quantities) expect(q.since).toBe(q.from);
  });

  it('filters supports by `recipient` as by the deprecated `beneficiary`; two different ids are refused', async () => {
    const { data } = await api.gql('{ supports(first: 1) { edges { node { recipient { id } } } } }');
    const recipient: string = nodes(data)[0].recipient.id;
    const ids = async (filter: string) =>
      nodes((await api.gql(`{ supports(first: 100, filter: ${filter}) { edges { node { id } } } }`)).data).map((n: any) => n.id);
    const byRecipient = await ids(`{ recipient: "${recipient}" }`);
    expect(byRecipient.length).toBeGreaterThan(0);
    expect(await ids(`{ beneficiary: "${recipient}" }`)).toEqual(byRecipient);
    expect(await ids(`{ recipient: "${recipient}", beneficiary: "${recipient}" }`)).toEqual(byRecipient);

    const both = await api.gql(`{ supports(filter: { recipient: "${recipient}", beneficiary: "province:liaoning" }) { totalCount } }`);
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.recipient' });
    expect(both.errors![0]!.message).toMatch(/deprecated name of `recipient`/);
  });

  it('introspection marks the old names deprecated and describes the new ones', async () => {
    const { data } = await api.gql(`{
      support: __type(name: "Support") { fields(includeDeprecated: true) { name isDeprecated description } }
      quantity: __type(name: "Quantity") { fields(includeDeprecated: true) { name isDeprecated } }
      filter: __type(name: "SupportFilter") { inputFields(includeDeprecated: true) { name isDeprecated description } }
    }`);
    const field = (type: any, name: string) => (type.fields ?? type.inputFields).find((f: any) => f.name === name);
    for (const [type, name] of [[data.support, 'beneficiary'], [data.support, 'from'], [data.quantity, 'from'], [data.filter, 'beneficiary']] as const) {
      expect(field(type, name)?.isDeprecated, name).toBe(true);
    }
    for (const [type, name] of [[data.support, 'recipient'], [data.support, 'since'], [data.quantity, 'since'], [data.filter, 'recipient']] as const) {
      expect(field(type, name)?.isDeprecated, name).toBe(false);
    }
    // includeDescendants says what "inside" means in the one place it is defined (places/inside.ts):
    // its edge types and its depth, read from the code.
    const types = INSIDE_TYPES.split('|');
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const inside = `through ${types.slice(0, -1).join(', ')} or ${types.at(-1)}, up to ${words[INSIDE_DEPTH]} steps`;
    const twinningFilter = await api.gql('{ __type(name: "TwinningFilter") { inputFields { name description } } }');
    for (const filter of [data.filter, twinningFilter.data.__type]) {
      expect(field(filter, 'includeDescendants').description).toContain(inside);
    }
  });

  it('a post and a membership answer `since`, the same as their deprecated `fromYear`', async () => {
    const ids = (await api.graph.read<{ id: string }>(statement('// test.posts-and-memberships\nMATCH ()-[r:HOLDS_POST|MEMBER_OF]->() RETURN r.id AS id')))
      .map((r) => r.id);
    expect(ids.length).toBeGreaterThan(5);
    const { data, errors } = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) {
      id ... on Post { since fromYear untilYear } ... on Membership { since fromYear untilYear } } }`, { ids });
    expect(errors).toBeUndefined();
    expect(data.nodes).toHaveLength(ids.length);
    for (const n of data.nodes) expect(n.since, n.id).toBe(n.fromYear);
    const dated = data.nodes.filter((n: any) => n.id in DATED).map((n: any) => [n.id, n.since]).sort();
    expect(dated).toEqual(Object.entries(DATED).map(([id, from]) => [id, Number(from.slice(0, 4))]).sort());
  });

  it('sorts supports by SINCE and RECIPIENT_NAME as by their deprecated FROM and BENEFICIARY_NAME', async () => {
    const order = async (field: string, direction = 'ASC') => nodes((await api.gql(`{ supports(first: 100, orderBy: { field: ${field}, direction: ${direction} }) {
      edges { node { id since recipient { name } } } } }`)).data);
    const bySince = await order('SINCE', 'DESC');
    expect(bySince.map((s: any) => s.id)).toEqual((await order('FROM', 'DESC')).map((s: any) => s.id));
    const years = bySince.map((s: any) => s.since).filter((y: unknown) => y !== null);
    expect(new Set(years).size).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
    const byRecipient = await order('RECIPIENT_NAME');
    expect(byRecipient.map((s: any) => s.id)).toEqual((await order('BENEFICIARY_NAME')).map((s: any) => s.id));
    const names = byRecipient.map((s: any) => s.recipient.name);
    expect(names).not.toEqual((await order('MODE')).map((s: any) => s.recipient.name));
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters supports by a period\'s `since` as by its deprecated `from`; two different years are refused', async () => {
    const count = async (period: string) => (await api.gql(`{ supports(filter: { period: ${period} }) { totalCount } }`)).data.supports.totalCount;
    const all = (await api.gql('{ supports { totalCount } }')).data.supports.totalCount;
    const since = await count('{ since: 2020 }');
    expect(since).toBe(all - 1); // the support that ended in 2015
    expect(await count('{ from: 2020 }')).toBe(since);
    expect(await count('{ since: 2020, from: 2020 }')).toBe(since);
    const both = await api.gql('{ supports(filter: { period: { since: 2024, from: 2010 } }) { totalCount } }');
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.period.since' });
    const early = await api.gql('{ supports(filter: { period: { since: 1800 } }) { totalCount } }');
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.period.since' });
  });

  it('a project or event answers `recipients`, the same as its deprecated `beneficiaries`', async () => {
    const { data, errors } = await api.gql(`{ search(text: "那曲", kinds: [PROJECT, EVENT], first: 100) {
      id ... on Project { recipients { id } beneficiaries { id } } ... on Event { recipients { id } beneficiaries { id } } } }`);
    expect(errors).toBeUndefined();
    expect(data.search.filter((e: any) => e.recipients.length > 0).length).toBeGreaterThan(0);
    for (const e of data.search) expect(e.beneficiaries, e.id).toEqual(e.recipients);
  });

  it('introspection marks the other old names deprecated, each pointing at its new name', async () => {
    const { data } = await api.gql(`{
      post: __type(name: "Post") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
      membership: __type(name: "Membership") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
      project: __type(name: "Project") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
      event: __type(name: "Event") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
      order: __type(name: "SupportOrderField") { enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } }
      range: __type(name: "YearRange") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
    }`);
    const of = (type: any, name: string) => (type.fields ?? type.enumValues ?? type.inputFields).find((f: any) => f.name === name);
    const renamed: Array<[any, string, string]> = [
      [data.post, 'fromYear', 'since'], [data.post, 'from', 'since'], [data.membership, 'fromYear', 'since'], [data.membership, 'from', 'since'],
      [data.project, 'beneficiaries', 'recipients'], [data.event, 'beneficiaries', 'recipients'],
      [data.order, 'FROM', 'SINCE'], [data.order, 'BENEFICIARY_NAME', 'RECIPIENT_NAME'], [data.range, 'from', 'since'],
    ];
    for (const [type, old, now] of renamed) {
      expect(of(type, old), old).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining(`Use \`${now}\``) });
      expect(of(type, now), now).toMatchObject({ isDeprecated: false });
    }
  });

  it('an institution or activity answers `locatedIn`, the same as its deprecated `location`; introspection says why', async () => {
    const kinds = ['School', 'Hospital', 'Organization', 'Project', 'Event'];
    const { data, errors } = await api.gql(`{ search(text: "安多", kinds: [SCHOOL, HOSPITAL, ORGANIZATION, PROJECT, EVENT], first: 100) {
      id ${kinds.map((k) => `... on ${k} { locatedIn { id } location { id } }`).join(' ')} } }`);
    expect(errors).toBeUndefined();
    expect(data.search.filter((e: any) => e.locatedIn).length).toBeGreaterThan(2);
    for (const e of data.search) expect(e.location, e.id).toEqual(e.locatedIn);
    const types = await api.gql(`{ ${kinds.map((k) => `${k}: __type(name: "${k}") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }`).join(' ')} }`);
    for (const k of kinds) {
      const field = (name: string) => types.data[k].fields.find((f: any) => f.name === name);
      expect(field('locatedIn'), k).toMatchObject({ isDeprecated: false });
      expect(field('location'), k).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringMatching(/`locatedIn`.*its position/) });
    }
  });
});
