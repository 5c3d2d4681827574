// What other services' tools speak: /id/{id} with JSON-LD (validated by the jsonld library) and a
// redirect for browsers, and the schema as an Apollo Federation subgraph (_service, _entities).
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

const seeds = loadSeedFolders(SEEDS_DIR);

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const SCHEMA = 'https://schema.org/';
const PROV = 'http://www.w3.org/ns/prov#';

async function linkedData(id: string, accept = 'application/ld+json') {
  const res = await fetch(new URL(`id/${encodeURIComponent(id)}`, api.url), { headers: { accept }, redirect: 'manual' });
  return { res, body: res.headers.get('content-type')?.includes('json') ? await res.json() as any : await res.text() };
}

describe('/id/{id}: stable URIs answering by content negotiation', () => {
  it("answers Amdo as JSON-LD: schema.org type, official code, 那曲市 as containedInPlace, PROV citations with their quotes", async () => {
    const { res, body } = await linkedData('county:amdo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(res.headers.get('vary')).toMatch(/accept/i);
    const origin = new URL(api.url).origin;
    expect(body['@id']).toBe(`${origin}/id/county%3Aamdo`);
    expect(body['@type']).toBe('AdministrativeArea');
    expect(body.identifier).toMatchObject({ propertyID: 'CN-NBS-division-code', value: '540624' });
    expect(body.containedInPlace).toMatchObject({ '@id': `${origin}/id/city%3Anagqu`, '@type': 'AdministrativeArea', identifier: { value: '5406' } });
    expect(body.containedInPlace.name).toContainEqual({ '@value': '那曲市', '@language': 'zh' });
    const quotes = body.wasDerivedFrom.map((c: any) => c.text);
    expect(quotes).toContainEqual(expect.stringMatching(/^安多县政务服务大厅作为沈阳援藏标志性项目/));
    // The official list's own record is a citation too.
    expect(quotes).toContain('540624,"安多县",5406,54');

    // The document is valid JSON-LD: it expands to absolute IRIs and compacts back to the same shape.
    const expanded = await jsonld.expand(body);
    const node = expanded[0] as Record<string, any>;
    expect(node['@type']).toEqual([`${SCHEMA}AdministrativeArea`]);
    expect(node[`${SCHEMA}containedInPlace`][0]['@id']).toBe(`${origin}/id/city%3Anagqu`);
    const derived = node[`${PROV}wasDerivedFrom`] as any[];
    expect(derived.map((d) => d[`${SCHEMA}text`][0]['@value'])).toEqual(quotes);
    expect(derived[0]['@type']).toEqual([`${SCHEMA}Quotation`, `${PROV}Entity`]);
    // Compacted with its own context it is the same graph: expanding it again gives the same nodes.
    const compacted = await jsonld.compact(expanded, body['@context']);
    expect(compacted).toMatchObject({ '@id': body['@id'], '@type': body['@type'], identifier: body.identifier });
    expect(await jsonld.expand(compacted)).toEqual(expanded);
  });

  it("carries Amdo's twinnings and supports with their quotes, and every aidgraph: term resolves to the service's own /vocab", async () => {
    const { body } = await linkedData('county:amdo');
    const origin = new URL(api.url).origin;
    expect(body['@context'].aidgraph).toBe(`${origin}/vocab#`);
    // Shenyang → Amdo is implied (no sentence states it): the document says so, quote by quote.
    const twinning = body['aidgraph:twinnedBy'].find((t: any) => t['@id'] === `${origin}/id/twinning%3Ashenyang--amdo`);
    expect(twinning['aidgraph:from']).toMatchObject({ '@id': `${origin}/id/city%3Ashenyang` });
    expect(twinning['aidgraph:from'].name).toContainEqual({ '@value': '沈阳市', '@language': 'zh' });
    expect(twinning['aidgraph:implied']).toBe(true);
    expect(twinning.level).toBe(`${origin}/vocab#level-CITY`);
    expect(twinning['aidgraph:levelLabel']).toContainEqual({ '@value': 'city level', '@language': 'en' });
    expect(twinning.wasDerivedFrom.map((c: any) => c.evidence)).toEqual(twinning.wasDerivedFrom.map(() => `${origin}/vocab#evidence-IMPLIES`));
    const supports = body.supportedBy.map((s: any) => s['@id']);
    const expected = seeds.relationships.filter((r) => r.type === 'SUPPORTS' && r.to === 'county:amdo').map((r) => `${origin}/id/${encodeURIComponent(r.id)}`);
    expect(supports.sort()).toEqual(expected.sort());
    const hall = body.supportedBy.find((s: any) => s['@id'].endsWith('public-services'));
    expect(hall.wasDerivedFrom[0]).toMatchObject({ text: expect.stringContaining('安多县政务服务大厅'), evidence: `${origin}/vocab#evidence-STATES` });
    expect(hall['aidgraph:modeLabel']).toContainEqual({ '@value': '公共服务', '@language': 'zh' });

    // The vocabulary is served at that address, and defines every aidgraph: term the document uses.
    const res = await fetch(new URL('vocab', api.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const vocab = await res.json() as any;
    const flat = await jsonld.flatten(vocab) as any;
    const nodes: any[] = Array.isArray(flat) ? flat : flat['@graph'];
    const defined = new Set(nodes.map((n: any) => n['@id']));
    const used = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) { if (k.startsWith(`${origin}/vocab#`)) used.add(k); walk(v); }
      else if (typeof x === 'string' && x.startsWith(`${origin}/vocab#`)) used.add(x);
    };
    walk(await jsonld.expand(body));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((t) => !defined.has(t))).toEqual([]);
    const district = nodes.find((n: any) => n['@id'] === `${origin}/vocab#kind-DISTRICT`);
    expect(district['http://www.w3.org/2000/01/rdf-schema#label']).toContainEqual({ '@value': '县级', '@language': 'zh' });
  });

  it.each(['School', 'Hospital', 'Organization', 'Person', 'Project', 'Event'])('types a seeded %s by schema.org, with its citations', async (type) => {
    const entity = seeds.entities.find((e) => e.kind === type.toUpperCase());
    expect(entity, `the seeds hold a ${type}`).toBeDefined();
    const { res, body } = await linkedData(entity!.id, 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body['@type']).toBe(type);
    const quotes = seeds.citations.filter((c) => c.subjectId === entity!.id).map((c) => c.quote);
    expect(quotes.length).toBeGreaterThan(0);
    expect(body.wasDerivedFrom.map((c: any) => c.text)).toEqual(expect.arrayContaining(quotes));
  });

  it('answers a place by place:<code>, with its parent and its record in the official list', async () => {
    const { body } = await linkedData('place:540624102');
    expect(body).toMatchObject({ '@type': 'AdministrativeArea', identifier: { value: '540624102' }, containedInPlace: { identifier: { value: '540624' } } });
    expect(body.wasDerivedFrom.map((c: any) => c.text)).toContain('540624102,"扎仁镇",540624,54,5406');
  });

  it('gives a located place its English name, its names in Tibetan script and schema.org geo, derived from the dataset record; none to an unlocated one', async () => {
    const { body } = await linkedData('place:5401');
    expect(body.name).toContainEqual({ '@value': 'Lhasa', '@language': 'en' });
    expect(body.geo).toMatchObject({ '@type': 'GeoCoordinates', latitude: 29.65, longitude: 91.1 });
    expect(body.geo.wasDerivedFrom.text).toContain('"name":"Lhasa"');
    expect(body.geo.wasDerivedFrom.isPartOf).toMatchObject({ license: 'CC-BY-4.0', identifier: 'geonames-cities-json-1-1-64' });
    const node = (await jsonld.expand(body))[0] as Record<string, any>;
    expect(node[`${SCHEMA}geo`][0][`${SCHEMA}latitude`][0]['@value']).toBe(29.65);
    // Its name in Tibetan script, tagged with the language, beside the English and Chinese ones.
    expect(node[`${SCHEMA}alternateName`]).toContainEqual({ '@value': 'ལྷ་ས།', '@language': 'bo' });
    expect((await linkedData('place:6322')).body.geo).toBeUndefined(); // 海北藏族自治州: no dataset locates its seat
  });

  it('sends browsers to the explorer with 303, and answers unknown ids 404', async () => {
    const { res } = await linkedData('county:amdo', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/#/entity/county%3Aamdo');
    const missing = await linkedData('county:nowhere');
    expect(missing.res.status).toBe(404);
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const refused = await linkedData('county:amdo', 'image/png');
    expect(refused.res.status).toBe(406);
  });
});

describe('Apollo Federation subgraph', () => {
  it('publishes its SDL with entity keys: id everywhere, code for places', async () => {
    const res = await api.gql('{ _service { sdl } }');
    const sdl: string = res.data._service.sdl;
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(sdl).toContain('extend type District @key(fields: "id") @key(fields: "code")');
    expect(sdl).toMatch(/extend type Hospital @key\(fields: "id"\)\n/);

    // It composes into a supergraph with another service's subgraph that extends our places.
    const theirs = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type District @key(fields: "code") { code: String headcount: Int }
      type Query { clinics: [String] }`;
    const composed = composeServices([
      { name: 'aidgraph', url: api.url, typeDefs: parse(sdl) },
      { name: 'census', url: 'http://census.example/graphql', typeDefs: parse(theirs) },
    ]);
    expect(composed.errors?.map((e) => e.message)).toBeUndefined();
    expect(composed.supergraphSdl).toMatch(/headcount: Int @join__field\(graph: CENSUS\)/);
  });

  it('resolves _entities by id and by code, and refuses a reference of the wrong type', async () => {
    const res = await api.gql(`query($r: [_Any!]!) { _entities(representations: $r) {
      __typename ... on District { id name nameZh code parent { name } } ... on Province { id } ... on Hospital { id name } } }`, {
      r: [
        { __typename: 'District', id: 'county:amdo' },
        { __typename: 'District', code: '540624' },
        { __typename: 'District', id: 'place:540624' },
        { __typename: 'Province', id: 'county:amdo' },
        { __typename: 'District', code: '999999' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const amdo = { __typename: 'District', id: 'county:amdo', name: 'Amdo County', nameZh: '安多县', code: '540624', parent: { name: 'Nagqu' } };
    expect(res.data._entities).toEqual([amdo, amdo, amdo, null, null]);
  });

  it('keeps serving the schema as before', async () => {
    const res = await api.gql('{ place(code: "540624") { id } stats { entities } }');
    expect(res.data.place.id).toBe('county:amdo');
    expect(res.data.stats.entities).toBeGreaterThan(24_000);
  });
});
