import { describe, expect, it } from 'vitest';
import { sumQualifier, totalsOf } from '../../src/modules/partnerships/aid-summary.js';
import type { QuantityRecord } from '../../src/modules/provenance/provenance.mappers.js';

const q = (over: Partial<QuantityRecord>): QuantityRecord => ({
  id: `q${Math.random()}`, subjectId: 's', metric: 'amount', value: 1, unit: 'CNY', qualifier: 'EXACT', measure: 'LEVEL',
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

  it('never adds different units, percentages or changes', () => {
    const totals = totalsOf([
      q({ value: 18_000_000, qualifier: 'AT_LEAST' }),
      q({ value: 40_000_000 }),
      q({ metric: 'amount', unit: 'person', value: 132 }),
      q({ metric: 'share', unit: 'percent', value: 80.79 }),
      q({ metric: 'visits', unit: 'percent', measure: 'CHANGE', value: 66.44, year: 2023, baselineYear: 2015 }),
    ]);
    expect(totals.map((t) => [t.metric, t.unit, t.value, t.qualifier, t.text])).toEqual([
      ['amount', 'CNY', 58_000_000, 'AT_LEAST', '≥ 58,000,000 CNY'],
      ['amount', 'person', 132, 'EXACT', '132 person'],
    ]);
    expect(totals[0]!.parts).toHaveLength(2);
  });
});
