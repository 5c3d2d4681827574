// One name per concept: the receiving end of a support is its `recipient`, as on a twinning, and a
// start year is `since`, as on a twinning and a programme. The old names still answer the same,
// marked deprecated (API changes are additions and deprecations only). The place a school, hospital,
// organisation, project or event is in is its `locatedIn`: `location` is a place's position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
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
    // includeDescendants says what "inside" means in the one place it is defined (places/inside.ts).
    expect(field(data.filter, 'includeDescendants').description).toMatch(/PART_OF, LOCATED_IN or MEMBER_OF/);
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
