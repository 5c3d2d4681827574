import { describe, expect, it } from 'vitest';
import { DIMENSION_UNITS, METRICS, metricIssues } from '../../src/domain/metric-vocabulary.js';
import { UNITS } from '../../src/domain/vocabulary.js';

describe('the metric vocabulary', () => {
  it('declares every metric with both labels, a unit of its own dimension, and a flow for money only', () => {
    expect(METRICS.size).toBeGreaterThan(40);
    for (const m of METRICS.values()) {
      expect(m.label, m.name).not.toBe('');
      expect(m.labelZh, m.name).toMatch(/\p{Script=Han}/u);
      expect(DIMENSION_UNITS[m.dimension], m.name).toContain(m.unit);
      expect(m.flow !== null, m.name).toBe(m.dimension === 'MONEY');
    }
  });

  it('uses only units the seed schema accepts, and never calls a rate, duration or distance additive', () => {
    for (const units of Object.values(DIMENSION_UNITS)) for (const u of units) expect(UNITS).toContain(u);
    const never = [...METRICS.values()].filter((m) => ['RATE', 'DURATION', 'DISTANCE'].includes(m.dimension));
    expect(never.length).toBeGreaterThan(5);
    expect(never.filter((m) => m.additive)).toEqual([]);
  });

  it('explains a quantity that does not fit', () => {
    expect(metricIssues({ metric: 'floorArea', unit: 'm2', measure: 'LEVEL' })).toEqual([]);
    expect(metricIssues({ metric: 'surgeries', unit: 'percent', measure: 'CHANGE' })).toEqual([]);
    expect(metricIssues({ metric: 'investment', unit: 'CNY', measure: 'LEVEL' })[0]).toMatchObject({ field: 'metric', reason: expect.stringMatching(/undeclared metric "investment"/) });
    expect(metricIssues({ metric: 'floorArea', unit: 'km', measure: 'LEVEL' })[0]!.reason).toMatch(/a DISTANCE unit, and floorArea is AREA in m2/);
    expect(metricIssues({ metric: 'surgeries', unit: 'count', measure: 'CHANGE' })[0]!.reason).toMatch(/in percent/);
  });
});
