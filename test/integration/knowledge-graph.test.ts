// The knowledge graph is complete for its source and every fact traces back to a verbatim quote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { sourceText } from '../helpers/sources.js';
import { ARTICLE, missingNames, NAMED_IN_ARTICLE } from '../helpers/article-coverage.js';
import { statement } from '../../src/db/statement.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

interface Loaded { names: string[]; quantities: Array<{ value: number; unit: string }>; quotes: string[]; textFile: string | null }

async function loaded(): Promise<Loaded> {
  const [row] = await api.graph.read<Loaded>(
    statement(`// test.loaded
     CALL { MATCH (e:Entity) UNWIND [e.name, e.nameZh] + e.aliases AS n RETURN collect(n) AS names }
     CALL { MATCH (q:Quantity) RETURN collect({value: q.value, unit: q.unit}) AS quantities }
     CALL { MATCH (c:Citation)-[:QUOTES]->(:Source {id: $source}) RETURN collect(c.quote) AS quotes }
     MATCH (s:Source {id: $source})
     RETURN names, quantities, quotes, s.textFile AS textFile`),
    { source: ARTICLE },
  );
  return row!;
}

describe('coverage of the source article', () => {
  it('loads every named entity of the article, by whole name or alias', async () => {
    const { names } = await loaded();
    expect(missingNames(NAMED_IN_ARTICLE, names)).toEqual([]);
  });

  it('holds every figure of the article body, as a value or inside a citation quote', async () => {
    const { quantities, quotes, textFile } = await loaded();
    const text = sourceText(ARTICLE, textFile);
    // The body runs from the first paragraph to the byline; captions and page furniture are not facts.
    const body = text.slice(text.indexOf('辽宁,位于'), text.indexOf('编辑:'));
    // A figure with its scale, across a hedge word: 1800余万 is 18,000,000 (at least).
    const figures = [...body.matchAll(/(\d+(?:\.\d+)?)\s*(?:余|多)?\s*(万|亿)?/g)];
    expect(figures.length).toBeGreaterThan(50);
    const values = new Set(quantities.map((q) => q.value));
    let asValue = 0;
    const missing: string[] = [];
    for (const [match, digits, scale] of figures) {
      const n = Number(digits) * (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1);
      if (values.has(n) || values.has(-n)) asValue++;
      else if (!quotes.some((q) => q.includes(match.trim()))) missing.push(match);
    }
    console.log(`[coverage] ${figures.length} figures in the article body: ${asValue} stored as quantity values, ${figures.length - asValue - missing.length} only in citation quotes`);
    expect(missing).toEqual([]);
    // Most figures should be real values, not just text.
    expect(asValue / figures.length).toBeGreaterThan(0.7);
  });

  it('quotes every citation verbatim from its source text', async () => {
    const { quotes, textFile } = await loaded();
    const text = sourceText(ARTICLE, textFile);
    expect(quotes.length).toBeGreaterThan(100);
    expect(quotes.filter((q) => !text.includes(q))).toEqual([]);
  });

  it('cites every entity, edge and quantity, and reports what it loaded', async () => {
    const [row] = await api.graph.read<{ entities: number; edges: number; quantities: number; citations: number; uncited: string[] }>(
      statement(`// test.provenance
       CALL { MATCH (e:Seeded:Entity) RETURN count(e) AS entities, collect(e.id) AS entityIds }
       CALL { MATCH (:Entity)-[r]->(:Entity) WHERE r.contentHash IS NOT NULL RETURN count(r) AS edges, collect(r.id) AS edgeIds }
       CALL { MATCH (q:Quantity) RETURN count(q) AS quantities, collect(q.id) AS quantityIds }
       CALL { MATCH (c:Citation) RETURN count(c) AS citations }
       WITH entities, edges, quantities, citations, entityIds + edgeIds + quantityIds AS ids
       RETURN entities, edges, quantities, citations,
              [id IN ids WHERE NOT EXISTS { MATCH (c:Citation {subjectId: id}) }] AS uncited`),
    );
    console.log(`[coverage] loaded ${row!.entities} entities, ${row!.edges} edges, ${row!.quantities} quantities, ${row!.citations} citations`);
    expect(row!.uncited).toEqual([]);
    expect(row!.entities).toBe(api.seedReport!.entities.created);
    expect(row!.edges).toBe(api.seedReport!.relationships.created);
    // The gazetteer's places and PART_OF edges are cited by the list's records (provenance tests).
  });

  it('keeps vague figures vague: 1800余万元 is at least 18,000,000 CNY', async () => {
    const res = await api.gql(`{
      node(id: "support:shenyang-dalian-anshan-23-districts--nagqu-donation") {
        ... on Support { mode quantities { value unit qualifier text sources { quote } } }
      }
    }`);
    const q = res.data.node.quantities.find((x: any) => x.unit === 'CNY');
    expect(q).toMatchObject({ value: 18000000, qualifier: 'AT_LEAST', text: '≥ 18,000,000 CNY' });
    expect(q.sources[0].quote).toContain('1800余万元');
  });
});

describe('questions the graph answers, with citations', () => {
  it("who supports Sog County's hospital, and how", async () => {
    const res = await api.gql(`{
      entity(id: "hospital:sog-county-peoples-hospital") {
        ... on Hospital {
          nameZh
          locatedIn { id }
          supportsReceived { mode supporter { id name } sources { quote } }
          departments { nameZh supportsReceived { mode supporter { id } sources { quote } } }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const h = res.data.entity;
    expect(h.locatedIn.id).toBe('county:sog');
    const how = h.supportsReceived.map((s: any) => `${s.supporter.id}:${s.mode}`);
    expect(how).toEqual(expect.arrayContaining(['org:dalian-7-hospitals:HOSPITAL_TAKES_DEPARTMENT', 'city:dalian:MEDICAL_TEAM']));
    expect(h.supportsReceived.every((s: any) => s.sources.length > 0)).toBe(true);
    const anaesthesia = h.departments.find((d: any) => d.nameZh.includes('麻醉科'));
    expect(anaesthesia.supportsReceived[0]).toMatchObject({ mode: 'HOSPITAL_TAKES_DEPARTMENT', supporter: { id: 'org:dalian-7-hospitals' } });
    expect(anaesthesia.supportsReceived[0].sources.map((c: any) => c.quote).join(' ')).toMatch(/以院包科/);
  });

  it('what the Amdo government service hall cost, its floor area and when it opened', async () => {
    const res = await api.gql(`{
      entity(id: "project:amdo-government-service-hall") {
        ... on Project {
          nameZh openedOn locatedIn { id }
          investment { value unit qualifier text sources { quote } }
          floorArea { value unit qualifier text sources { quote } }
          participants { role participant { id } }
          sources { quote }
        }
      }
    }`);
    const p = res.data.entity;
    expect(p.investment).toMatchObject({ value: 40000000, unit: 'CNY', qualifier: 'EXACT' });
    expect(p.investment.sources[0].quote).toContain('4000万元');
    expect(p.floorArea).toMatchObject({ value: 1600, unit: 'm2', qualifier: 'APPROXIMATELY', text: '≈ 1,600 m²' });
    expect(p.floorArea.sources[0].quote).toContain('近1600平方米');
    expect(p.openedOn).toBe('2024-06-03');
    expect(p.sources.map((s: any) => s.quote).join()).toContain('6月3日');
    expect(p.participants).toContainEqual({ role: 'FUNDING', participant: { id: 'city:shenyang' } });
  });

  it("who leads Liaoning's tenth aid batch, and which posts he holds", async () => {
    const res = await api.gql(`{
      entity(id: "org:liaoning-10th-aid-batch") {
        ... on Organization {
          posts { role roleZh person { id nameZh posts { roleZh organization { nameZh } sources { quote } } } }
        }
      }
    }`);
    const leader = res.data.entity.posts.find((p: any) => /领队/.test(p.roleZh));
    expect(leader.person).toMatchObject({ id: 'person:yu-guoqiang', nameZh: '于国强' });
    const posts = leader.person.posts.map((p: any) => `${p.organization.nameZh}:${p.roleZh}`);
    expect(posts).toEqual(expect.arrayContaining([expect.stringMatching(/市委.*副书记/), expect.stringMatching(/常务副市长/)]));
    expect(leader.person.posts.every((p: any) => p.sources[0].quote.includes('于国强'))).toBe(true);
  });

  it("the senior high school's admission rate and share above the undergraduate cut-off line, by year", async () => {
    const res = await api.gql(`{
      entity(id: "school:nagqu-no2-senior-high-school") {
        indicators { metric unit points { year value qualifier sources { quote } } }
      }
    }`);
    const series = Object.fromEntries(res.data.entity.indicators.map((s: any) => [s.metric, s.points.map((p: any) => [p.year, p.value])]));
    expect(series.collegeAdmissionRate).toEqual([[2016, 85], [2023, 98.7]]);
    expect(series.undergraduateCutoffShare).toEqual([[2016, 47.2], [2023, 69.1]]);
    expect(res.data.entity.indicators.every((s: any) => s.unit === 'percent' && s.points.every((p: any) => p.sources.length > 0))).toBe(true);
  });

  it('hospital changes stated as percentages stay changes with their two years', async () => {
    const res = await api.gql(`{ entity(id: "hospital:nagqu-peoples-hospital") { indicators { metric measure points { year value } } quantities { metric measure year baselineYear value text } } }`);
    const changes = res.data.entity.quantities.filter((q: any) => q.measure === 'CHANGE');
    expect(changes.length).toBe(3);
    expect(changes.every((q: any) => q.year === 2023 && q.baselineYear === 2015)).toBe(true);
    expect(changes.map((q: any) => q.value).sort()).toEqual([234.89, 62.24, 66.44]);
    expect(changes[0].text).toMatch(/^\+[\d.]+ % \(2023 vs 2015\)$/);
  });

  it('where the Nagqu graduate from Pana town now works', async () => {
    const res = await api.gql(`{
      entity(id: "township:pana") {
        relationships(types: [COMES_FROM], direction: INCOMING) {
          sources { quote }
          from { id nameZh ... on Person { workplaces { employer { id nameZh ... on Organization { locatedIn { nameZh } } } sources { quote } } } }
        }
      }
    }`);
    const [origin] = res.data.entity.relationships;
    expect(origin.from).toMatchObject({ id: 'person:lobsang', nameZh: '洛桑' });
    expect(origin.from.workplaces[0].employer).toMatchObject({ id: 'org:panjin-health-commission', locatedIn: { nameZh: '盘锦市' } });
    expect(origin.from.workplaces[0].sources[0].quote).toContain('现在盘锦市卫健委工作');
  });
});
