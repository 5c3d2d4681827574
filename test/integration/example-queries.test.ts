// Every operation in docs/queries/ runs against the seeded graph and answers its question, with
// citations. A new example file without a check here fails the suite.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

const DIR = path.resolve(import.meta.dirname, '../../docs/queries');
let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const run = async (file: string) => {
  const res = await api.gql(fs.readFileSync(path.join(DIR, file), 'utf8'));
  expect(res.errors).toBeUndefined();
  return res.data;
};
const cited = (x: { sources: Array<{ quote: string }> }) => x.sources.length > 0 && x.sources.every((s) => s.quote.length > 0);

const CHECKS: Record<string, () => Promise<void>> = {
  'analysts.city-county-twinnings.graphql': async () => {
    const { twinnings } = await run('analysts.city-county-twinnings.graphql');
    const pairs = twinnings.edges.map((e: any) => `${e.node.supporter.id} → ${e.node.recipient.id}`);
    expect(pairs).toEqual(['city:anshan → county:baqen', 'city:dalian → county:sog', 'city:shenyang → county:amdo']);
    expect(twinnings.totalCount).toBe(3);
    expect(twinnings.edges.every((e: any) => cited(e.node) && e.node.sources[0].source.publishedAt === '2024-06-21')).toBe(true);
  },
  'analysts.dalian-support-modes-in-sog.graphql': async () => {
    const { supports } = await run('analysts.dalian-support-modes-in-sog.graphql');
    const modes = new Set(supports.edges.map((e: any) => e.node.mode));
    expect(modes).toEqual(new Set(['EMPLOYMENT', 'HOSPITAL_TAKES_DEPARTMENT', 'MEDICAL_TEAM']));
    expect(supports.totalCount).toBe(supports.edges.length);
    for (const { node } of supports.edges) {
      expect(cited(node)).toBe(true);
      expect(node.supporter.id === 'city:dalian' || node.supporter.nameZh.includes('大连')).toBe(true);
      expect(node.recipient.nameZh).toMatch(/^索县/);
    }
  },
  'analysts.amdo-aid-summary.graphql': async () => {
    const { aidSummary } = await run('analysts.amdo-aid-summary.graphql');
    expect(aidSummary.recipient.id).toBe('county:amdo');
    const byKey = Object.fromEntries(aidSummary.groups.map((g: any) => [g.key, g]));
    expect(byKey.PUBLIC_SERVICES.projects).toBeGreaterThanOrEqual(1);
    const money = byKey.PUBLIC_SERVICES.totals.find((t: any) => t.unit === 'CNY');
    // 总投入 is a project's total investment, not aid given: no money flow is claimed for it.
    expect(money).toMatchObject({ metric: 'projectInvestment', value: 40000000, qualifier: 'EXACT', definition: { flow: 'UNATTRIBUTED' } });
    expect(money.parts.every(cited)).toBe(true);
    // Groups add up to the whole.
    const sum = (k: string) => aidSummary.groups.reduce((t: number, g: any) => t + g[k], 0);
    expect(sum('supports')).toBe(aidSummary.overall.supports);
    expect(aidSummary.overall.supports).toBeGreaterThan(0);
  },
  'analysts.twinning-portfolio.graphql': async () => {
    const { twinnings } = await run('analysts.twinning-portfolio.graphql');
    expect(twinnings.totalCount).toBe(4);
    const byPair = Object.fromEntries(twinnings.edges.map((e: any) => [`${e.node.supporter.name}→${e.node.recipient.name}`, e.node]));
    const shenyang = byPair['Shenyang→Amdo County'];
    expect(shenyang.projects.map((p: any) => p.name)).toContain('Amdo County Government Service Hall');
    expect(shenyang.projects.find((p: any) => p.investment)?.investment.text).toBe('40,000,000 CNY');
    const liaoning = byPair['Liaoning Province→Nagqu'];
    expect(liaoning).toMatchObject({ since: 1994, sinceQualifier: 'APPROXIMATELY' });
    expect(liaoning.people.map((p: any) => p.nameZh)).toContain('于国强');
    expect(liaoning.supports.length).toBeGreaterThan(shenyang.supports.length);
  },
  'journalists.pana-graduate-to-liaoning.graphql': async () => {
    const { connections } = await run('journalists.pana-graduate-to-liaoning.graphql');
    expect(connections.length).toBeGreaterThan(0);
    const [shortest] = connections;
    expect(shortest.nodes[0].id).toBe('person:lobsang');
    expect(shortest.nodes.at(-1).id).toBe('province:liaoning');
    expect(shortest.length).toBe(shortest.relationships.length);
    // The article gives him as an example of Liaoning's employment aid (an implied edge), and he works in Panjin.
    expect(shortest.relationships.map((r: any) => r.type)).toEqual(['SUPPORTS']);
    expect(connections.some((c: any) => c.nodes.some((n: any) => n.id === 'city:panjin'))).toBe(true);
    expect(shortest.relationships.every(cited)).toBe(true);
    for (let i = 1; i < connections.length; i++) expect(connections[i].length).toBeGreaterThanOrEqual(connections[i - 1].length);
  },
  'journalists.nagqu-hospital-timeline.graphql': async () => {
    const { timeline } = await run('journalists.nagqu-hospital-timeline.graphql');
    expect(timeline.length).toBeGreaterThan(3);
    const dates = timeline.map((t: any) => t.date);
    expect([...dates].sort()).toEqual(dates);
    expect(timeline.every(cited)).toBe(true);
    expect(timeline.some((t: any) => t.date === '2015' && t.until === '2023' && /surgeries changed by \+234\.89 %/.test(t.what))).toBe(true);
  },
  'journalists.around-sog-hospital.graphql': async () => {
    const { neighborhood } = await run('journalists.around-sog-hospital.graphql');
    const ids = neighborhood.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe('hospital:sog-county-peoples-hospital');
    expect(ids).toEqual(expect.arrayContaining(['county:sog', 'org:dalian-7-hospitals', 'city:dalian', 'city:nagqu']));
    expect(neighborhood.truncated).toBe(false);
    expect(neighborhood.totalNodes).toBe(ids.length - 1);
    const inside = new Set(ids);
    expect(neighborhood.edges.every((e: any) => inside.has(e.from.id) && inside.has(e.to.id) && cited(e))).toBe(true);
  },
  'services.fetch-by-id.graphql': async () => {
    const { nodes } = await run('services.fetch-by-id.graphql');
    expect(nodes.map((n: any) => n?.__typename ?? null)).toEqual(['District', 'Twinning', 'Quantity', null]);
    expect(nodes[2]).toMatchObject({ metric: 'projectInvestment', value: 40000000, unit: 'CNY', qualifier: 'EXACT' });
  },
  'services.release-and-terms.graphql': async () => {
    const { stats } = await run('services.release-and-terms.graphql');
    expect(stats.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(stats.dataVersion.sources).toContainEqual(expect.objectContaining({
      id: 'tibet-daily-2024-06-21-liaoning-nagqu', publishedAt: '2024-06-21', license: 'All rights reserved', rightsHolder: '西藏日报 (Tibet Daily)',
    }));
    expect(stats.dataVersion.sources.every((s: any) => s.license && s.rightsHolder && s.usageNote)).toBe(true);
  },
};

describe('docs/queries', () => {
  it('has a check for every example file', () => {
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort()).toEqual(Object.keys(CHECKS).sort());
  });
  for (const [file, check] of Object.entries(CHECKS)) it(file, check);
});
