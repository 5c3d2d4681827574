// The public contract around the example questions: bounds and their errors, unknown ids, paging,
// filters, ranking, and sums that keep their qualifiers.
import { TEST_GAZETTEER_PLACES } from '../helpers/gazetteer-slice.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Graph } from '../../src/db/graph.js';
import { freePort } from '../../src/db/local-neo4j.js';
import { listen } from '../../src/http/listen.js';
import { MAX_LIST_ITEMS } from '../../src/api/list-budget.js';
import { QUERY_LIMITS } from '../../src/api/server.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { ARTICLE } from '../helpers/article-coverage.js';
import { statement } from '../../src/db/statement.js';
import { englishNameFile } from '../../src/domain/english-names.js';

/** The first article's twinnings: Liaoning → Nagqu and its three cities → their counties. */
const ARTICLE_TWINNINGS = ['twinning:anshan--baqen', 'twinning:dalian--sog', 'twinning:liaoning--nagqu', 'twinning:shenyang--amdo'];

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

describe('out-of-range arguments are BAD_USER_INPUT naming the argument and its range', () => {
  it.each([
    ['search first 0', '{ search(text: "a", first: 0) { id } }', 'first', '1 and 100'],
    ['search first 101', '{ search(text: "a", first: 101) { id } }', 'first', '1 and 100'],
    ['twinnings first 101', '{ twinnings(first: 101) { totalCount } }', 'first', '1 and 100'],
    ['supports first 0', '{ supports(first: 0) { totalCount } }', 'first', '1 and 100'],
    ['neighborhood depth 4', '{ neighborhood(id: "city:nagqu", depth: 4) { totalNodes } }', 'depth', '1 and 3'],
    ['neighborhood depth 0', '{ neighborhood(id: "city:nagqu", depth: 0) { totalNodes } }', 'depth', '1 and 3'],
    ['neighborhood limit 501', '{ neighborhood(id: "city:nagqu", limit: 501) { totalNodes } }', 'limit', '1 and 500'],
    ['connections maxHops 7', '{ connections(from: "city:nagqu", to: "city:dalian", maxHops: 7) { length } }', 'maxHops', '1 and 6'],
    ['connections first 101', '{ connections(from: "city:nagqu", to: "city:dalian", first: 101) { length } }', 'first', '1 and 100'],
    ['timeline first 0', '{ timeline(id: "city:nagqu", first: 0) { date } }', 'first', '1 and 100'],
    ['activeYear', '{ twinnings(filter: { activeYear: 20 }) { totalCount } }', 'filter.activeYear', '1900 and 2100'],
  ])('%s', async (_name, query, argument, range) => {
    const res = await api.gql(query);
    // Non-null fields null the whole answer; nullable ones just their own field.
    expect(res.data === null || Object.values(res.data).every((v) => v === null)).toBe(true);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    expect(res.errors![0]!.message).toContain(range);
    expect(res.errors![0]!.message).toContain(`"${argument}"`);
  });

  it('refuses a cursor past any list, and search text over 200 characters', async () => {
    const huge = Buffer.from('offset:99999999999999999999999').toString('base64url');
    const res = await api.gql('query($after: String) { supports(after: $after) { totalCount } }', { after: huge });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const long = await api.gql('query($t: String!) { search(text: $t) { id } }', { t: '那曲'.repeat(101) });
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'text' });
  });

  it('refuses more than 100 ids and a cursor it did not make', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `city:x${i}`);
    const tooMany = await api.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids' });
    const badCursor = await api.gql('{ supports(after: "not-a-cursor") { totalCount } }');
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('rejects a query too deep or too costly before touching the database', async () => {
    const levels = 14;
    const deep = `{ entity(id: "city:nagqu") { ${'... on Place { children { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
    const res = await api.gql(deep);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/depth|cost/i);
    expect(res.extensions?.cypherStatements).toBe(0);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: entity(id: "city:nagqu") { id }`).join(' ');
    const wide = await api.gql(`{ ${aliases} }`);
    expect(wide.errors?.[0]?.message).toMatch(/alias/i);
    expect(wide.extensions?.cypherStatements).toBe(0);
  });
});

describe('connections', () => {
  it('never passes through the same entity twice', async () => {
    const res = await api.gql('{ connections(from: "county:amdo", to: "city:shenyang", maxHops: 4, first: 100) { length nodes { id } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.connections.length).toBeGreaterThan(1);
    for (const path of res.data.connections) {
      const ids = path.nodes.map((n: any) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(path.length + 1);
    }
  });
});

// Lookups by id answer null for an id that names nothing (Relay's convention); an argument that
// anchors or filters a question refuses one (test/integration/id-arguments.test.ts, every such argument).
describe('unknown ids give null to a lookup, not an error', () => {
  it.each([
    ['entity', '{ x: entity(id: "city:atlantis") { id } }'],
    ['node', '{ x: node(id: "support:nobody--nowhere") { id } }'],
    ['source', '{ x: source(id: "no-such-source") { id } }'],
    ['programme', '{ x: programme(id: "programme:no-such-programme") { id } }'],
  ])('%s', async (_name, query) => {
    const res = await api.gql(query);
    expect(res.errors).toBeUndefined();
    expect(res.data.x).toBeNull();
  });
});

describe('paging and filtering', () => {
  it('pages through supports with cursors: no gaps, no repeats, totalCount stable', async () => {
    const all = await api.gql('{ supports(first: 100) { totalCount edges { node { id } } } }');
    const total = all.data.supports.totalCount;
    expect(total).toBeGreaterThan(20);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.gql('query($after: String) { supports(first: 7, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }', { after });
      expect(res.data.supports.totalCount).toBe(total);
      expect(res.data.supports.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...res.data.supports.edges.map((e: any) => e.node.id));
      if (!res.data.supports.pageInfo.hasNextPage) break;
      after = res.data.supports.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data.supports.edges.map((e: any) => e.node.id));
    expect(new Set(seen).size).toBe(total);
  });

  it('puts unknown years last in either direction', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const res = await api.gql(`{ twinnings(first: 100, orderBy: { field: SINCE, direction: ${direction} }) { totalCount edges { node { since } } } }`);
      expect(res.data.twinnings.totalCount).toBeLessThanOrEqual(100);
      const since: Array<number | null> = res.data.twinnings.edges.map((e: any) => e.node.since);
      const known = since.filter((s): s is number => s !== null);
      // The article's pairing dates from 1994; others state no start.
      expect(known).toContain(1994);
      expect(known.length).toBeLessThan(since.length);
      expect(since.slice(0, known.length)).toEqual([...known].sort((a, b) => (direction === 'ASC' ? a - b : b - a)));
      expect(since.slice(known.length).every((s) => s === null)).toBe(true);
    }
  });

  it('reads a support with a start year and no end as still running', async () => {
    const all = await api.gql('{ supports(first: 100) { edges { node { id from until } } } }');
    const open = all.data.supports.edges.map((e: any) => e.node).filter((n: any) => n.from !== null && n.until === null);
    expect(open.length).toBeGreaterThan(0);
    const later = await api.gql(`{ supports(first: 100, filter: { period: { from: ${Math.max(...open.map((n: any) => n.from)) + 1} } }) { edges { node { id } } } }`);
    const ids = later.data.supports.edges.map((e: any) => e.node.id);
    for (const n of open) expect(ids).toContain(n.id);
  });

  it('filters supports by mode and orders them', async () => {
    const res = await api.gql('{ supports(filter: { mode: [MEDICAL_TEAM, DONATION] }, orderBy: { field: ID, direction: DESC }, first: 100) { edges { node { id mode } } } }');
    const nodes = res.data.supports.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.mode))).toEqual(new Set(['MEDICAL_TEAM', 'DONATION']));
    const ids = nodes.map((n: any) => n.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('filters twinnings by level, active year and programme', async () => {
    const q = async (filter: string) => {
      const res = await api.gql(`{ twinnings(first: 100, filter: ${filter}) { totalCount edges { node { id level since until supporter { id } } } } }`);
      expect(res.errors).toBeUndefined();
      return { total: res.data.twinnings.totalCount as number, nodes: res.data.twinnings.edges.map((e: any) => e.node) as any[] };
    };
    const ids = (r: { nodes: any[] }) => r.nodes.map((n) => n.id).sort();
    // The first article's four twinnings stay what they were; the other sources add their own.
    const province = await q('{ level: [PROVINCE] }');
    expect(ids(province)).toContain('twinning:liaoning--nagqu');
    expect(province.nodes.every((n) => n.level === 'PROVINCE')).toBe(true);
    expect(ids(await q('{ activeYear: 1990 }'))).not.toContain('twinning:liaoning--nagqu');
    const in2020 = await q('{ activeYear: 2020 }');
    expect(ids(in2020)).toEqual(expect.arrayContaining(ARTICLE_TWINNINGS));
    expect(in2020.nodes.every((n) => (n.since === null || n.since <= 2020) && (n.until === null || n.until >= 2020))).toBe(true);
    // A Wenchuan twinning ended with its three-year term: not active in 2020.
    expect(ids(in2020)).not.toContain('twinning:31--510181');
    // Supports under a programme are those its twinnings hold, each once.
    const under = await api.gql('{ supports(filter: { programme: "programme:aid-tibet" }, first: 100) { totalCount edges { node { id } } } }');
    const held = await api.gql('{ programme(id: "programme:aid-tibet") { twinnings { supports { id } } } }');
    const expected = [...new Set(held.data.programme.twinnings.flatMap((t: any) => t.supports.map((s: any) => s.id)))].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(under.data.supports.edges.map((e: any) => e.node.id).sort()).toEqual(expected);
    // A programme by its id, or by the Chinese name the filter took before programmes were entities.
    const tibet = await q('{ programme: "programme:aid-tibet" }');
    expect(ids(tibet)).toEqual(expect.arrayContaining(ARTICLE_TWINNINGS));
    expect(ids(await q('{ programme: "对口援藏" }'))).toEqual(ids(tibet));
    expect(ids(await q('{ programme: "programme:east-west-cooperation" }'))).not.toContain('twinning:liaoning--nagqu');
    const unknown = await api.gql('{ twinnings(filter: { programme: "no such programme" }) { totalCount } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.programme' });
    // Without includeDescendants, a province filter matches only its own twinnings.
    const own = await q('{ supporter: "province:liaoning" }');
    expect(ids(own)).toContain('twinning:liaoning--nagqu');
    expect(own.nodes.every((n) => n.supporter.id === 'province:liaoning')).toBe(true);
    expect(ids(own)).not.toContain('twinning:shenyang--amdo');
    const below = await q('{ supporter: "province:liaoning", includeDescendants: true }');
    expect(ids(below)).toEqual(expect.arrayContaining([...ARTICLE_TWINNINGS, ...ids(own)]));
    // A level outside the enum is refused before anything runs.
    const bad = await api.gql('{ twinnings(filter: { level: [COUNTY] }) { totalCount } }');
    expect(bad.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('the former spelling `partnerships`', () => {
  const SELECTION = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id level since supporter { id } recipient { id } supports { id } projects { id } people { id } sources { quote } } }';

  it('answers the same data as `twinnings`, filter for filter, order for order, page for page', async () => {
    const pairs: Array<[string, string]> = [
      ['', ''],
      ['(filter: { level: ["CITY"] }, orderBy: { field: RECIPIENT_NAME, direction: DESC })', '(filter: { level: [CITY] }, orderBy: { field: RECIPIENT_NAME, direction: DESC })'],
      ['(filter: { supporter: "province:liaoning", includeDescendants: true, activeYear: 2020 }, orderBy: { field: SINCE }, first: 2)',
        '(filter: { supporter: "province:liaoning", includeDescendants: true, activeYear: 2020 }, orderBy: { field: SINCE }, first: 2)'],
      ['(filter: { recipient: "city:nagqu", includeDescendants: true }, first: 2, after: "b2Zmc2V0OjI")', '(filter: { recipient: "city:nagqu", includeDescendants: true }, first: 2, after: "b2Zmc2V0OjI")'],
    ];
    for (const [old, now] of pairs) {
      const res = await api.gql(`{ old: partnerships${old} { ${SELECTION} } now: twinnings${now} { ${SELECTION} } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.now.totalCount).toBeGreaterThan(0);
      expect(res.data.old).toEqual(res.data.now);
    }
  });

  it('is marked deprecated in introspection, with the name to use instead', async () => {
    const res = await api.gql(`{
      query: __type(name: "Query") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
      order: __type(name: "PartnershipOrderField") { enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } }
      filter: __type(name: "PartnershipFilter") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
    }`);
    expect(res.errors).toBeUndefined();
    const field = (name: string) => res.data.query.fields.find((f: any) => f.name === name);
    expect(field('partnerships')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`twinnings`') });
    expect(field('twinnings')).toMatchObject({ isDeprecated: false, deprecationReason: null });
    expect(res.data.order.enumValues.map((v: any) => [v.name, v.isDeprecated])).toEqual([['SINCE', true], ['SUPPORTER_NAME', true], ['RECIPIENT_NAME', true], ['ID', true]]);
    expect(res.data.filter.inputFields.find((f: any) => f.name === 'level')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('TwinningLevel') });
    // Left out by default, as deprecated fields are: a client exploring the schema meets one name.
    const visible = await api.gql('{ __type(name: "Query") { fields { name } } }');
    expect(visible.data.__type.fields.map((f: any) => f.name)).not.toContain('partnerships');
  });
});

describe('search ranking', () => {
  it('ranks the exact name before prefix and substring matches', async () => {
    const res = await api.gql('{ search(text: "索县", first: 20) { id nameZh } }');
    const ids = res.data.search.map((e: any) => e.id);
    expect(ids[0]).toBe('county:sog');
    expect(ids).toContain('hospital:sog-county-peoples-hospital');
    expect(ids.indexOf('hospital:sog-county-peoples-hospital')).toBeGreaterThan(0);
  });

  it('finds a person by Chinese name and by pinyin, ignoring case and spaces', async () => {
    for (const text of ['于国强', 'yu guoqiang', 'YuGuoqiang']) {
      const res = await api.gql('query($t: String!) { search(text: $t, kinds: [PERSON]) { id } }', { t: text });
      expect(res.data.search[0]?.id).toBe('person:yu-guoqiang');
    }
  });

  it('falls back to the CJK full-text index for names that are not one contiguous run', async () => {
    for (const text of ['政务大厅', 'Amdo hall']) {
      const res = await api.gql('query($t: String!) { search(text: $t, first: 5) { id } }', { t: text });
      expect(res.data.search.map((e: any) => e.id)).toContain('project:amdo-government-service-hall');
    }
  });

  it.each(['Nagqu AND (\"*', 'Nagqu AND', 'NOT', 'Nagqu OR', 'a:b~ [x TO y]', '\\'])('treats Lucene syntax as plain text: %s', async (text) => {
    const res = await api.gql('query($t: String!) { search(text: $t) { id } }', { t: text });
    expect(res.errors).toBeUndefined();
  });
});

describe('aid summaries keep what the numbers mean', () => {
  it('a sum that includes an "at least" value is itself at least; units never mix', async () => {
    const res = await api.gql('{ aidSummary(recipient: "city:nagqu", groupBy: MODE) { overall { supports projects totals { metric unit value qualifier text parts { qualifier } } } groups { key } } }');
    const totals = res.data.aidSummary.overall.totals;
    for (const t of totals) {
      const qualifiers = t.parts.map((p: any) => p.qualifier);
      if (qualifiers.every((x: string) => x === 'EXACT')) expect(t.qualifier).toBe('EXACT');
      if (qualifiers.includes('AT_LEAST') && qualifiers.every((x: string) => ['EXACT', 'AT_LEAST'].includes(x))) expect(t.qualifier).toBe('AT_LEAST');
      expect(t.unit).not.toBe('percent');
    }
    const donation = totals.find((t: any) => t.metric === 'donations');
    expect(donation).toMatchObject({ value: 18_000_000, qualifier: 'AT_LEAST' });
    expect(new Set(totals.map((t: any) => t.metric)).size).toBe(totals.length);
  });

  it('Liaoning → Nagqu: aid funding given and investment attracted are two figures, each with its cited parts; durations, rates and changes are never summed', async () => {
    const res = await api.gql(`{ aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") {
      overall {
        totals { metric unit value qualifier text definition { label labelZh dimension unit additive flow } parts { id metric subjectId sources { quote } } }
        unsummed { metric unit measure value definition { dimension additive } sources { quote } }
      }
      groups { key totals { metric definition { additive } } unsummed { metric } }
    } }`);
    expect(res.errors).toBeUndefined();
    const { totals, unsummed } = res.data.aidSummary.overall;
    const byMetric = Object.fromEntries(totals.map((t: any) => [t.metric, t]));
    // 该项目总投入4000万元 is the project's total investment: no source says who paid, so it is no aid given.
    expect(byMetric.aidFunding).toBeUndefined();
    expect(byMetric.projectInvestment).toMatchObject({ value: 40_000_000, unit: 'CNY', qualifier: 'EXACT', definition: { dimension: 'MONEY', flow: 'UNATTRIBUTED' } });
    expect(byMetric.projectInvestment.parts.map((p: any) => p.subjectId)).toEqual(['project:amdo-government-service-hall']);
    expect(byMetric.projectInvestment.parts[0].sources[0].quote).toContain('4000万元');
    expect(byMetric.investmentAttracted).toMatchObject({ value: 3_000_000_000, unit: 'CNY', qualifier: 'AT_LEAST', text: '≥ 3,000,000,000 CNY', definition: { dimension: 'MONEY', flow: 'ATTRACTED' } });
    expect(byMetric.investmentAttracted.parts[0].sources[0].quote).toContain('30多亿元');
    // No total mixes metrics, and every total is of an additive metric.
    expect(totals.every((t: any) => t.definition.additive && t.parts.every((p: any) => p.metric === t.metric))).toBe(true);
    expect(totals.filter((t: any) => ['DURATION', 'RATE', 'DISTANCE'].includes(t.definition.dimension))).toEqual([]);
    // The figures that cannot be added are listed one by one, each cited.
    const listed = unsummed.map((q: any) => q.metric);
    expect(listed).toEqual(expect.arrayContaining(['supportPeriod', 'freeAccommodation']));
    expect(unsummed.every((q: any) => (!q.definition.additive || q.measure === 'CHANGE') && q.sources.length > 0)).toBe(true);
    for (const g of res.data.aidSummary.groups) {
      expect(g.totals.every((t: any) => t.definition.additive)).toBe(true);
      expect(g.totals.map((t: any) => t.metric)).not.toContain('supportPeriod');
    }
  });

  it('serves the metric vocabulary, by dimension, and every quantity names its metric', async () => {
    const res = await api.gql(`{
      money: metrics(dimension: MONEY) { name label labelZh unit additive flow }
      all: metrics { name dimension }
      node(id: "quantity:twinning:liaoning--nagqu/livelihoodFundingShare") { ... on Quantity { definition { name labelZh dimension additive } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.money).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'aidFunding', unit: 'CNY', additive: true, flow: 'GIVEN' }),
      expect.objectContaining({ name: 'investmentAttracted', flow: 'ATTRACTED' }),
    ]));
    expect(res.data.money.every((m: any) => m.labelZh && m.label)).toBe(true);
    expect(res.data.all.length).toBeGreaterThan(res.data.money.length);
    expect(res.data.node.definition).toEqual({ name: 'livelihoodFundingShare', labelZh: '保障和改善民生资金占比', dimension: 'RATE', additive: false });
    const [row] = await api.graph.read<{ metrics: string[] }>(statement('// test.metrics\nMATCH (q:Quantity) RETURN collect(DISTINCT q.metric) AS metrics'));
    const declared = new Set(res.data.all.map((m: any) => m.name));
    expect(row!.metrics.filter((m) => !declared.has(m))).toEqual([]);
  });

  it('groups by supporter with the entity attached', async () => {
    const res = await api.gql('{ aidSummary(supporter: "city:dalian", recipient: "county:sog", groupBy: SUPPORTER) { groups { key label entity { id name } supports } overall { supports } } }');
    const groups = res.data.aidSummary.groups;
    expect(groups.map((g: any) => g.key)).toEqual(expect.arrayContaining(['city:dalian', 'org:dalian-7-hospitals']));
    expect(groups.find((g: any) => g.key === 'org:dalian-7-hospitals').entity.name).toBe(groups.find((g: any) => g.key === 'org:dalian-7-hospitals').label);
  });
});

describe('locations', () => {
  it('gives the place of an event held at a school, not the school', async () => {
    const res = await api.gql('{ entity(id: "event:amdo-study-tour-planning-meeting-2024-05-27") { ... on Event { locatedIn { id kind } } relationships(types: [LOCATED_IN]) { to { id } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.entity.relationships[0].to.id).toBe('school:amdo-county-middle-school');
    expect(res.data.entity.locatedIn).toBeNull();
  });

  it('answers one selection with a place\'s position and the place a school is in (locatedIn), each under its own name', async () => {
    const ids = ['city:nagqu', 'school:amdo-county-middle-school'];
    const res = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id
      ... on Place { code location { latitude longitude } }
      ... on School { locatedIn { id code location { latitude longitude } } } } }`, { ids });
    expect(res.errors).toBeUndefined();
    const [nagqu, school] = res.data.nodes;
    // Positions are the names file's for each place's code; the school's place is the seed's LOCATED_IN.
    const position = (code: string) => {
      const entry = englishNameFile().places[code];
      return entry?.lat === undefined ? null : { latitude: entry.lat, longitude: entry.lon };
    };
    expect(nagqu.location).toEqual(position(nagqu.code));
    expect(nagqu.location).not.toBeNull();
    const located = await api.gql('{ entity(id: "school:amdo-county-middle-school") { relationships(types: [LOCATED_IN]) { to { id } } } }');
    expect(school.locatedIn.id).toBe(located.data.entity.relationships[0].to.id);
    expect(school.locatedIn.location).toEqual(position(school.locatedIn.code));
    // The deprecated name answers the same place; beside a place's `location` it puts two shapes
    // (a position, a place) under one key, which is why the school's field has a name of its own.
    const old = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id
      ... on Place { location { latitude } } ... on School { location { id } } } }`, { ids });
    expect(old.errors).toBeUndefined();
    expect(old.data.nodes[0].location).toEqual({ latitude: nagqu.location.latitude });
    expect(old.data.nodes[1].location).toEqual({ id: school.locatedIn.id });
  });
});

describe('graph stats', () => {
  it('counts what the seeds and the gazetteer slice loaded', async () => {
    const res = await api.gql('{ stats { entities relationships quantities citations sources entitiesByKind { key count } relationshipsByType { key count } } }');
    const s = res.data.stats;
    // Seeded places are places of the official list: counted once (the slice holds Liaoning and
    // Tibet to their villages, the rest of the country to its counties).
    const [seeded] = await api.graph.read<{ claimed: number; gazetteerEdges: number }>(statement(`// test.seeded-places
      CALL { MATCH (p:Seeded:Place) WHERE left(p.code, 2) IN ['21', '54'] OR size(p.code) <= 6 RETURN count(p) AS claimed }
      CALL { MATCH ()-[r:PART_OF]->() WHERE r.contentHash IS NULL RETURN count(r) AS gazetteerEdges }
      RETURN claimed, gazetteerEdges`));
    expect(s.entities).toBe(api.seedReport!.entities.created + TEST_GAZETTEER_PLACES - seeded!.claimed);
    expect(s.relationships).toBe(api.seedReport!.relationships.created + seeded!.gazetteerEdges);
    // Every place below a province has its PART_OF: one edge per place, whoever stated it.
    const byKind = Object.fromEntries(s.entitiesByKind.map((c: any) => [c.key, c.count]));
    const partOf = s.relationshipsByType.find((c: any) => c.key === 'PART_OF').count;
    expect(byKind.VILLAGE).toBeGreaterThan(20_000);
    expect(partOf).toBeGreaterThanOrEqual(TEST_GAZETTEER_PLACES - 31); // all but the 31 provinces
    expect(s.quantities).toBe(api.seedReport!.quantities.created);
    expect(s.citations).toBe(api.seedReport!.citations.created);
    expect(s.entitiesByKind.reduce((t: number, c: any) => t + c.count, 0)).toBe(s.entities);
  });
});

describe('when the database is down', () => {
  it('answers DATABASE_UNAVAILABLE, retryable, with no internals', async () => {
    // Nothing listens there: no retries, so the answer comes at once rather than after the retry budget.
    const driver = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, username: 'neo4j', password: '' }, { maxTransactionRetryTime: 0, connectionTimeout: 1_000 });
    const server = await listen(new Graph(driver, { timeoutMs: 2_000, readRetryMs: 0 }), { port: 0 });
    try {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "city:nagqu") { id } }' }) });
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
      expect(body.errors[0].message).not.toMatch(/bolt|127\.0\.0\.1|ECONNREFUSED/);
      const health = await fetch(new URL('/health', server.url));
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable' });
    } finally {
      await server.stop();
      await driver.close();
    }
  });
});

describe('aid summary by year', () => {
  it('puts each support under a year (began, or stated as of) or "unknown"', async () => {
    const res = await api.gql('{ aidSummary(supporter: "province:liaoning", groupBy: YEAR) { overall { supports } groups { key supports projects } } }');
    const groups = res.data.aidSummary.groups;
    expect(groups.every((g: any) => g.key === 'unknown' || /^\d{4}$/.test(g.key))).toBe(true);
    // Supports that state a start year are counted under it.
    const dated = await api.gql('{ supports(first: 100, filter: { supporter: "province:liaoning", includeDescendants: true }) { edges { node { from } } } }');
    const starts = dated.data.supports.edges.map((e: any) => e.node.from).filter((y: any) => y !== null);
    for (const year of new Set(starts)) {
      expect(groups.find((g: any) => g.key === String(year))?.supports).toBeGreaterThanOrEqual(starts.filter((y: any) => y === year).length);
    }
    expect(groups.reduce((t: number, g: any) => t + g.supports, 0)).toBe(res.data.aidSummary.overall.supports);
  });
});

describe('a source, claim by claim', () => {
  it('lists every quote taken from the source with what it proves, page by page', async () => {
    const q = 'query($after: String) { sources { id citationCount claims(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { quote about { id __typename } } } } } }';
    let after: string | null = null;
    const seen: string[] = [];
    let expected = 0;
    for (;;) {
      const res: any = await api.gql(q, { after });
      expect(res.errors).toBeUndefined();
      const source = res.data.sources.find((x: any) => x.id === ARTICLE);
      expected = source.citationCount;
      expect(source.claims.totalCount).toBe(expected);
      for (const { node } of source.claims.edges) {
        expect(node.quote.length).toBeGreaterThan(0);
        seen.push(`${node.about.id}|${node.quote}`);
      }
      if (!source.claims.pageInfo.hasNextPage) break;
      after = source.claims.pageInfo.endCursor;
    }
    expect(seen.length).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(seen).toContain('project:amdo-government-service-hall|6月3日,安多县政务服务大厅作为沈阳援藏标志性项目,正式投入使用');
  });
});

describe('answers that would fan out without bound', () => {
  it('refuses nested lists past the list-item budget with RESULT_TOO_LARGE and no partial data', async () => {
    // Each level multiplies by Nagqu's neighbourhood: depth and cost limits cannot see list sizes.
    const nest = (levels: number): string => (levels === 0 ? 'id' : `id relationships { from { ${nest(levels - 1)} } to { id } }`);
    const res = await api.gql(`{ entity(id: "city:nagqu") { ${nest(5)} } }`);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', maxListItems: 20000 });
    // The same shape, two levels deep, is an ordinary answer.
    const small = await api.gql(`{ entity(id: "city:nagqu") { ${nest(2)} } }`);
    expect(small.errors).toBeUndefined();
    expect(small.data.entity.relationships.length).toBeGreaterThan(10);
  });

  it('counts the levels of a walk read ahead (answered without a statement of their own) against the same budget', async () => {
    const walk = 'children { id children { id children { id } } }';
    const once = await api.gql(`{ entity(id: "city:nagqu") { ... on Place { ${walk} } } }`);
    expect(once.errors).toBeUndefined();
    const items = (places: any[]): number => places.reduce((n, p) => n + 1 + (p.children ? items(p.children) : 0), 0);
    const perWalk = items(once.data.entity.children);
    // Enough aliases of the one walk to pass the budget, within the alias limit: one statement reads
    // them all, and the request still stops with the budget's error.
    const copies = Math.floor(MAX_LIST_ITEMS / perWalk) + 1;
    expect(copies).toBeLessThanOrEqual(QUERY_LIMITS.maxAliases.n);
    const many = await api.gql(`{ entity(id: "city:nagqu") { ... on Place { ${Array.from({ length: copies }, (_, i) => `w${i}: ${walk}`).join(' ')} } } }`);
    expect(many.data).toBeNull();
    expect(many.errors!.map((e) => e.extensions?.code)).toEqual(['RESULT_TOO_LARGE']);
    expect(many.extensions!.cypherStatements).toBe(1);
    const fewer = await api.gql(`{ entity(id: "city:nagqu") { ... on Place { ${Array.from({ length: copies - 1 }, (_, i) => `w${i}: ${walk}`).join(' ')} } } }`);
    expect(fewer.errors).toBeUndefined();
  });
});

describe('HTTP', () => {
  it('answers GET /health with the Neo4j version', async () => {
    const res = await fetch(new URL('/health', api.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', neo4j: expect.stringMatching(/^5\.26\.\d+ community$/) });
  });

  it('refuses a body over 1 MB with 413, and allows browsers from other origins', async () => {
    const big = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const ok = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://example.org' },
      body: JSON.stringify({ query: '{ stats { entities } }' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
  });
});
