import { describe, expect, it } from 'vitest';
import { summarize, sumQualifier, totalsOf, unsummedOf } from '../../src/modules/twinnings/aid-summary.js';
import { disagreeing } from '../../src/modules/provenance/provenance.mappers.js';
import type { QuantityRecord } from '../../src/modules/provenance/provenance.mappers.js';

let n = 0;
const q = (over: Partial<QuantityRecord>): QuantityRecord => ({
  id: `q${n++}`, subjectId: 's', metric: 'aidFunding', value: 1, unit: 'CNY', qualifier: 'EXACT', measure: 'LEVEL',
  year: null, baselineYear: null, from: null, until: null, asOf: null, note: null, ...over,
});

describe('adding up quantities', () => {
  it('keeps a sum exact only when every part is exact', () => {
    expect(sumQualifier(['EXACT', 'EXACT'])).toBe('EXACT');
    expect(sumQualifier(['EXACT', 'AT_LEAST'])).toBe('AT_LEAST');
    expect(sumQualifier(['AT_LEAST', 'MORE_THAN', 'EXACT'])).toBe('MORE_THAN');
    expect(sumQualifier(['AT_MOST', 'EXACT'])).toBe('AT_MOST');
    expect(sumQualifier(['AT_LEAST', 'AT_MOST'])).toBe('APPROXIMATELY');
    expect(sumQualifier(['APPROXIMATELY', 'EXACT'])).toBe('APPROXIMATELY');
  });

  it('adds parts of one additive metric, keeping a lower bound a lower bound', () => {
    const totals = totalsOf([q({ value: 18_000_000, qualifier: 'AT_LEAST' }), q({ value: 40_000_000 })]);
    expect(totals.map((t) => [t.metric, t.unit, t.value, t.qualifier, t.text])).toEqual([['aidFunding', 'CNY', 58_000_000, 'AT_LEAST', '≥ 58,000,000 CNY']]);
    expect(totals[0]!.parts).toHaveLength(2);
    expect(totals[0]!.definition).toMatchObject({ dimension: 'MONEY', flow: 'GIVEN', additive: true });
  });

  it('never adds money given to money attracted, though both are CNY', () => {
    const figures = [
      q({ metric: 'aidFunding', value: 40_000_000 }),
      q({ metric: 'donations', value: 18_000_000, qualifier: 'AT_LEAST' }),
      q({ metric: 'investmentAttracted', value: 3_000_000_000, qualifier: 'AT_LEAST' }),
      q({ metric: 'contractedSales', value: 400_000_000, qualifier: 'MORE_THAN' }),
    ];
    const totals = totalsOf(figures);
    expect(totals.map((t) => [t.metric, t.value, t.definition.flow])).toEqual([
      ['aidFunding', 40_000_000, 'GIVEN'],
      ['contractedSales', 400_000_000, 'ATTRACTED'],
      ['donations', 18_000_000, 'GIVEN'],
      ['investmentAttracted', 3_000_000_000, 'ATTRACTED'],
    ]);
    expect(totals.every((t) => t.parts.length === 1)).toBe(true);
  });

  it('says what a total is: how many stated figures it adds, that it covers only what sources state, and what stays apart', () => {
    const totals = totalsOf([
      q({ metric: 'projectInvestment', value: 40_000_000 }),
      q({ metric: 'donations', value: 18_000_000, qualifier: 'AT_LEAST' }),
      q({ metric: 'donations', value: 2_000_000 }),
    ]);
    const byMetric = Object.fromEntries(totals.map((t) => [t.metric, t]));
    expect(byMetric.projectInvestment).toMatchObject({ count: 1, otherMetrics: ['donations'] });
    expect(byMetric.projectInvestment!.note).toMatch(/^One figure a source states \(Total investment in a project\), not a sum\. It covers only what the sources state/);
    expect(byMetric.projectInvestment!.note).toContain('not added to it: Donations of money and goods');
    expect(byMetric.donations).toMatchObject({ count: 2, value: 20_000_000, otherMetrics: ['projectInvestment'] });
    expect(byMetric.donations!.note).toMatch(/^The sum of 2 figures the sources state/);
    expect(byMetric.donations!.noteZh).toMatch(/^来源所述2个数字（捐资捐物）之和。仅涵盖来源所述/);
    // A metric alone in its dimension names nothing apart.
    expect(totalsOf([q({ metric: 'medicalExpertsSent', unit: 'person', value: 132 })])[0]!.otherMetrics).toEqual([]);
  });

  it('lists durations, distances, rates and percent changes one by one instead of adding them', () => {
    const figures = [
      q({ metric: 'supportPeriod', unit: 'year', value: 10, qualifier: 'APPROXIMATELY' }),
      q({ metric: 'freeAccommodation', unit: 'day', value: 7 }),
      q({ metric: 'distance', unit: 'km', value: 4000 }),
      q({ metric: 'livelihoodFundingShare', unit: 'percent', value: 80.79 }),
      q({ metric: 'grassrootsFundingShare', unit: 'percent', value: 85.86 }),
      q({ metric: 'surgeries', unit: 'percent', measure: 'CHANGE', value: 234.89, year: 2023, baselineYear: 2015 }),
      q({ metric: 'surgeries', unit: 'percent', measure: 'CHANGE', value: 10, year: 2023, baselineYear: 2015 }),
      q({ metric: 'madeUpMetric', unit: 'count', value: 3 }),
      q({ metric: 'medicalExpertsSent', unit: 'person', value: 132 }),
    ];
    expect(totalsOf(figures).map((t) => t.metric)).toEqual(['medicalExpertsSent']);
    expect(unsummedOf(figures).map((x) => x.metric)).toEqual([
      'distance', 'freeAccommodation', 'grassrootsFundingShare', 'livelihoodFundingShare', 'madeUpMetric', 'supportPeriod', 'surgeries', 'surgeries',
    ]);
  });

  it('never adds a level stated in a unit other than its metric’s', () => {
    expect(totalsOf([q({ metric: 'floorArea', unit: 'km', value: 3 })])).toEqual([]);
  });
});

describe('figures two sources state differently', () => {
  const a = q({ id: 'qa', subjectId: 'support:x', value: 3_000_000_000, qualifier: 'MORE_THAN', year: 2015 });
  const b = q({ id: 'qb', subjectId: 'support:x', value: 2_800_000_000, qualifier: 'EXACT', year: 2015 });
  const sameAgain = q({ id: 'qc', subjectId: 'support:x', value: 3_000_000_000, qualifier: 'MORE_THAN', year: 2015 });
  const otherYear = q({ id: 'qd', subjectId: 'support:x', value: 1_000_000, year: 2016 });

  it('disagree when subject, metric and period match and value, unit or qualifier differ', () => {
    expect(disagreeing(a, [a, b, sameAgain, otherYear]).map((x) => x.id)).toEqual(['qb']);
    expect(disagreeing(otherYear, [a, b, otherYear])).toEqual([]);
    expect(disagreeing(a, [q({ ...a, id: 'qe', qualifier: 'APPROXIMATELY' })]).map((x) => x.id)).toEqual(['qe']);
    // Undated figures of one metric may be parts of one whole: never compared.
    const undated = [q({ id: 'qf', subjectId: 'support:y', value: 5 }), q({ id: 'qg', subjectId: 'support:y', value: 7 })];
    expect(disagreeing(undated[0]!, undated)).toEqual([]);
    // The year a source states a figure as current dates it.
    expect(disagreeing(q({ id: 'qh', asOf: '2015-09-06' }), [q({ id: 'qi', asOf: '2015', value: 2 })]).map((x) => x.id)).toEqual(['qi']);
  });

  it('are never added into a total: both are listed, and the rest still adds up', () => {
    const scope = { supports: [{ id: 'support:x' }], projects: [], people: [] } as never;
    const { overall } = summarize(scope, [a, b, otherYear], 'MODE');
    expect(overall.totals.map((t) => [t.metric, t.value])).toEqual([['aidFunding', 1_000_000]]);
    expect(overall.unsummed.map((x) => x.id)).toEqual(['qa', 'qb']);
  });
});
