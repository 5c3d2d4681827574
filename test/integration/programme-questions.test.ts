// Questions the fourteen programme texts answer, asked through the API against the seeds as the
// test helpers load them (seeds/). Places are named by their official codes (`place:<code>`, an id
// the API gives every place), so the questions hold whatever slugs the seed folders use. The facts
// expected are what the texts state (see test/fixtures/programme/*.gold.yaml); where a fact is a
// derivation (a Wenchuan twinning's end from the programme's three-year term), docs/programmes.md
// says how.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

interface Pair { supporter: { code: string | null; id: string }; recipient: { code: string | null; id: string } }
interface TwinningRow extends Pair {
  id: string; since: number | null; until: number | null; sinceQualifier: string | null; untilBasis: string | null;
  programmeOf: { id: string } | null; sources: Array<{ quote: string; source: { id: string } }>;
}
const TWINNING = 'id since until sinceQualifier untilBasis programmeOf { id } supporter { id code } recipient { id code } sources { quote source { id } }';

/** Asks and fails on any error: a question the API cannot answer is a failed question. */
async function ask<T = any>(query: string): Promise<T> {
  const res = await api.gql<T>(query);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** Every twinning matching a filter (all pages). */
async function twinnings(filter: string): Promise<TwinningRow[]> {
  const rows: TwinningRow[] = [];
  let after: string | null = null;
  do {
    const page: any = (await ask(`{ twinnings(filter: ${filter}, first: 100${after ? `, after: ${JSON.stringify(after)}` : ''}) {
      pageInfo { hasNextPage endCursor } edges { node { ${TWINNING} } } } }`)).twinnings;
    rows.push(...page.edges.map((e: any) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return rows;
}

const pairOf = (t: Pair) => `${t.supporter.code}→${t.recipient.code}`;
const programmeTwinnings = async (id: string, asOf?: number): Promise<TwinningRow[]> =>
  (await ask(`{ programme(id: "${id}") { twinnings${asOf ? `(asOf: ${asOf})` : ''} { ${TWINNING} } } }`)).programme?.twinnings ?? [];

describe('questions the programme texts answer', () => {
  it('1. who supports Shigatse: Shanghai, under 对口援藏, since 1994', async () => {
    const rows = await twinnings('{ recipient: "place:5402" }');
    const shanghai = rows.find((t) => t.supporter.code === '31');
    expect(shanghai).toMatchObject({ since: 1994, programmeOf: { id: 'programme:aid-tibet' } });
  });

  it('2. which Beijing districts pair with which Yushu counties (对口援青)', async () => {
    const rows = await programmeTwinnings('programme:aid-qinghai');
    const districtPairs = rows.filter((t) => t.supporter.code?.startsWith('11') && t.supporter.code.length === 6).map(pairOf).sort();
    expect(districtPairs).toEqual([
      '110102→632725', '110106→632724', '110107→632723', '110114→632726', '110116→632722', '110118→632701',
    ]);
  });

  it('3. the pairs of the 2016 东西部扶贫协作 guidance', async () => {
    const pairs = new Set((await programmeTwinnings('programme:east-west-cooperation')).map(pairOf));
    for (const p of ['11→15', '11→1307', '11→1306', '12→62', '12→1308', '2102→5202', '31→53', '31→5203', '32→61', '32→6301', '32→6302',
      '3205→5206', '33→51', '3301→4228', '3301→5226', '3302→2224']) expect(pairs, p).toContain(p);
  });

  it('4. the Wenchuan province → county pairs', async () => {
    const pairs = new Set((await programmeTwinnings('programme:wenchuan-reconstruction')).map(pairOf));
    for (const p of ['31→510181', '35→510182', '22→513228', '34→513224', '42→511823', '11→510682']) expect(pairs, p).toContain(p);
  });

  it('5. a pairing two sources state is one twinning with both citations (Beijing → Zhangjiakou)', async () => {
    const rows = await twinnings('{ supporter: "place:11", recipient: "place:1307" }');
    expect(rows).toHaveLength(1);
    expect(new Set(rows[0]!.sources.map((c) => c.source.id)).size).toBeGreaterThanOrEqual(2);
  });

  it('6. Shanghai → Dujiangyan was active in 2009 and not in 2015 (the programme\'s three-year term)', async () => {
    const q = (year: number) => twinnings(`{ supporter: "place:31", recipient: "place:510181", activeYear: ${year} }`);
    const in2009 = await q(2009);
    expect(in2009).toHaveLength(1);
    expect(in2009[0]).toMatchObject({ since: 2008, until: 2011, untilBasis: 'PROGRAMME_TERM', programmeOf: { id: 'programme:wenchuan-reconstruction' } });
    expect(in2009[0]!.sources.map((c) => c.quote)).toContain('对口支援期限按3年安排');
    expect(await q(2015)).toEqual([]);
  });

  it('7. Jiangsu has supported Lhasa since 1994', async () => {
    const [row] = await twinnings('{ supporter: "place:32", recipient: "place:5401" }');
    expect(row).toMatchObject({ since: 1994, programmeOf: { id: 'programme:aid-tibet' } });
  });

  it('8. Nanjing supports Maizhokunggar, for about 17 years in 2012', async () => {
    const [row] = await twinnings('{ supporter: "place:3201", recipient: "place:540127" }');
    expect(row).toMatchObject({ since: 1995, sinceQualifier: 'APPROXIMATELY', programmeOf: { id: 'programme:aid-tibet' } });
  });

  it('9. Beijing supports Hotan prefecture, four of its counties and the 14th Corps division (对口援疆)', async () => {
    const rows = await twinnings('{ supporter: "place:11", programme: "programme:aid-xinjiang" }');
    const recipients = rows.map((t) => t.recipient.code ?? t.recipient.id);
    for (const code of ['6532', '653201', '653221', '653222', '653224']) expect(recipients, code).toContain(code);
    const division = rows.find((t) => t.recipient.code === null);
    expect(division).toBeDefined();
    const entity = (await ask(`{ entity(id: "${division!.recipient.id}") { kind nameZh aliases relationships(types: [LOCATED_IN]) { to { id ... on Place { code } } } } }`)).entity;
    expect(entity.kind).toBe('CORPS_DIVISION');
    expect([entity.nameZh, ...entity.aliases].join(' ')).toMatch(/十四師|十四师/);
    expect(entity.relationships.map((r: any) => r.to.code)).toContain('6532');
  });

  it('10. Fujian has been paired with Ningxia since 1996 (东西部扶贫协作)', async () => {
    const [row] = await twinnings('{ supporter: "place:35", recipient: "place:64" }');
    expect(row).toMatchObject({ since: 1996, programmeOf: { id: 'programme:east-west-cooperation' } });
  });

  it('11. Qingdao rebuilt Qushan and Chenjiaba townships of Beichuan', async () => {
    const recipients = (await twinnings('{ supporter: "place:3702" }')).filter((t) => t.programmeOf?.id === 'programme:wenchuan-reconstruction').map((t) => t.recipient.code);
    expect(recipients).toEqual(expect.arrayContaining(['510726100', '510726108']));
  });

  it('12. the five programmes, with their Chinese names, starts and the Wenchuan term', async () => {
    const list = (await ask('{ programmes { id nameZh since termYears sources { quote } } }')).programmes;
    const by = new Map(list.map((p: any) => [p.id, p]));
    expect([...by.keys()].sort()).toEqual(expect.arrayContaining([
      'programme:aid-qinghai', 'programme:aid-tibet', 'programme:aid-xinjiang', 'programme:east-west-cooperation', 'programme:wenchuan-reconstruction',
    ]));
    expect(by.get('programme:aid-tibet')).toMatchObject({ nameZh: '对口援藏', since: 1994 });
    expect(by.get('programme:wenchuan-reconstruction')).toMatchObject({ since: 2008, termYears: 3 });
    expect(by.get('programme:east-west-cooperation')).toMatchObject({ since: 1996 });
    for (const p of list) expect(p.sources.length, p.id).toBeGreaterThan(0);
  });

  it('13. no Wenchuan twinning was still running in 2015; Shanghai → Dujiangyan was in 2009', async () => {
    expect(await programmeTwinnings('programme:wenchuan-reconstruction', 2015)).toEqual([]);
    expect((await programmeTwinnings('programme:wenchuan-reconstruction', 2009)).map(pairOf)).toContain('31→510181');
  });

  it('14. Shanghai\'s aid to Shigatse: more than 3 billion yuan, as the 2015 report states it', async () => {
    const data = await ask(`{ programme(id: "programme:aid-tibet") { supporters { supporter { code } quantities { value unit qualifier sources { quote } } } } }`);
    const shanghai = data.programme.supporters.find((s: any) => s.supporter.code === '31');
    const own = (await ask('{ place(code: "31") { quantities { value unit qualifier } } }')).place.quantities;
    expect([...(shanghai?.quantities ?? []), ...own]).toContainEqual(expect.objectContaining({ value: 3_000_000_000, unit: 'CNY', qualifier: 'MORE_THAN' }));
  });

  it('15. Jiangsu\'s funds for Tibet in 2024: 557 million yuan', async () => {
    const rows = await twinnings('{ supporter: "place:32" }');
    const figures = (await ask(`{ nodes(ids: ${JSON.stringify(rows.map((t) => t.id))}) { ... on Twinning { quantities { value unit year } } } }`)).nodes
      .flatMap((n: any) => n.quantities);
    const own = (await ask('{ place(code: "32") { quantities { value unit year } } }')).place.quantities;
    expect([...figures, ...own]).toContainEqual(expect.objectContaining({ value: 557_000_000, unit: 'CNY', year: 2024 }));
  });

  it('16. the sources: fifteen or more, each stored copy saying what it holds and whether it is an excerpt', async () => {
    const stats = (await ask('{ stats { sources } }')).stats;
    expect(stats.sources).toBeGreaterThanOrEqual(15);
    const sources = (await ask('{ sources { id url storedCopy excerpt completeness licenseText } }')).sources;
    const stored = sources.filter((s: any) => s.storedCopy);
    expect(stored.length).toBeGreaterThanOrEqual(14);
    for (const s of stored) expect([s.id, s.completeness && s.licenseText ? 'said' : 'missing']).toEqual([s.id, 'said']);
    const byUrl = (part: string) => sources.find((s: any) => s.url?.includes(part));
    expect(byUrl('jixi.dbw.cn')).toMatchObject({ excerpt: true });
    expect(byUrl('news.ccmsa.com.cn')).toMatchObject({ excerpt: false });
  });

  it('17. every quote of a Wenchuan twinning names a source that says what it is', async () => {
    const ids = (await programmeTwinnings('programme:wenchuan-reconstruction')).map((t) => t.id);
    const nodes = (await ask(`{ nodes(ids: ${JSON.stringify(ids)}) { ... on Twinning { sources { quote source { title publisher publishedAt storedCopy completeness } } } } }`)).nodes;
    for (const n of nodes) {
      for (const c of n.sources) expect(c.source).toMatchObject({ title: expect.any(String), publisher: expect.any(String), storedCopy: true, completeness: expect.any(String) });
    }
  });

  it('18. Dujiangyan reaches Shigatse through Shanghai only while its Wenchuan twinning ran', async () => {
    const paths = async (year: number) => (await ask(`{ connections(from: "place:510181", to: "place:5402", maxHops: 2, asOf: ${year}) {
      since until nodes { id ... on Place { code } } } }`)).connections;
    const in2009 = await paths(2009);
    expect(in2009.map((p: any) => p.nodes.map((n: any) => n.code).join('→'))).toContain('510181→31→5402');
    const through = in2009.find((p: any) => p.nodes[1].code === '31');
    expect(through).toMatchObject({ since: 2008, until: 2011 });
    expect(await paths(2015)).toEqual([]);
  });

  it('19. who supports Yushu prefecture: Beijing', async () => {
    expect((await twinnings('{ recipient: "place:6327" }')).map((t) => t.supporter.code)).toContain('11');
  });

  it('20. the 2010 round of 对口援疆: the six provinces and cities the text names pair with Xinjiang', async () => {
    const supporters = (await twinnings('{ recipient: "place:65", programme: "programme:aid-xinjiang" }')).map((t) => t.supporter.code);
    expect(supporters).toEqual(expect.arrayContaining(['11', '12', '31', '44', '21', '4403']));
  });

  it('21. Dujiangyan\'s neighbourhood as of 2015 has lost the Shanghai twinning it had in 2009', async () => {
    const edges = async (year: number) => (await ask(`{ neighborhood(id: "place:510181", asOf: ${year}) { edges { type from { id } to { id ... on Place { code } } } } }`))
      .neighborhood.edges.filter((e: any) => e.type === 'TWINNED_WITH' && e.to.code === '510181');
    expect((await edges(2009)).length).toBeGreaterThan(0);
    expect(await edges(2015)).toEqual([]);
  });

  it('22. Shanghai\'s twinnings under 对口援藏, asked by the programme\'s Chinese name, reach Shigatse', async () => {
    const recipients = (await twinnings('{ supporter: "place:31", programme: "对口援藏" }')).map((t) => t.recipient.code);
    expect(recipients).toEqual(expect.arrayContaining(['5402']));
  });

  it('23. the first article\'s twinnings still run under 对口援藏 beside the new ones', async () => {
    const pairs = (await programmeTwinnings('programme:aid-tibet')).map(pairOf);
    expect(pairs).toEqual(expect.arrayContaining(['21→5406', '31→5402', '32→5401']));
  });
});

describe('a programme\'s twinnings, a page at a time', () => {
  it('gives the first so many in the full list\'s order, and the total beside them', async () => {
    const data = await ask(`{ programme(id: "programme:aid-tibet") {
      all: twinnings { id } two: twinnings(first: 2) { id } none: twinnings(first: 0) { id } twinningCount
      in2020: twinnings(asOf: 2020) { id } count2020: twinningCount(asOf: 2020) two2020: twinnings(asOf: 2020, first: 2) { id }
      many: twinnings(first: 1000) { id } } }`);
    const p = data.programme;
    expect(p.all.length).toBeGreaterThan(2);
    expect(p.two).toEqual(p.all.slice(0, 2));
    expect(p.none).toEqual([]);
    expect(p.twinningCount).toBe(p.all.length);
    expect(p.count2020).toBe(p.in2020.length);
    // A page is read as a page (programmes.twinnings (page)): the same order and the same year rule as the whole list.
    expect(p.two2020).toEqual(p.in2020.slice(0, 2));
    expect(p.many).toEqual(p.all);
    // The count asked alone (programmes.twinning-count) says what the count beside a page says.
    const alone = (await ask('{ programme(id: "programme:aid-tibet") { twinningCount count2020: twinningCount(asOf: 2020) } }')).programme;
    expect(alone).toEqual({ twinningCount: p.all.length, count2020: p.in2020.length });
  });

  it('refuses a page size out of range, naming the argument', async () => {
    const res = await api.gql('{ programme(id: "programme:aid-tibet") { twinnings(first: -1) { id } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});
