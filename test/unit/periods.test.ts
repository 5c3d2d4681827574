// When facts hold: one rule (domain/periods.ts) for twinnings, supports, paths and aid summaries.
import { describe, expect, it } from 'vitest';
import { activeIn, overlap } from '../../src/domain/periods.js';
import { spanOf } from '../../src/modules/entities/edge-periods.js';
import { parseRelationship } from '../../src/modules/entities/relationships.mappers.js';
import { asOfScope } from '../../src/modules/twinnings/aid-summary.js';
import type { QuantityRecord } from '../../src/modules/provenance/provenance.mappers.js';
import type { SupportRecord } from '../../src/modules/twinnings/twinnings.mappers.js';

describe('a span of years', () => {
  it('holds from its start to its end, both inclusive, with unknown ends open', () => {
    const wenchuan = { since: 2008, until: 2011 };
    expect([2007, 2008, 2009, 2011, 2012].map((y) => activeIn(wenchuan, y))).toEqual([false, true, true, true, false]);
    expect(activeIn({ since: null, until: 2011 }, 1950)).toBe(true);
    expect(activeIn({ since: 1994, until: null }, 2024)).toBe(true);
    expect(activeIn({ since: 1994, until: null }, 1990)).toBe(false);
  });

  it('overlaps others only where all share a year', () => {
    expect(overlap([{ since: 2008, until: 2011 }, { since: 2016, until: null }])).toBeNull();
    expect(overlap([{ since: 2008, until: 2011 }, { since: 2010, until: null }, { since: null, until: null }])).toEqual({ since: 2010, until: 2011 });
    expect(overlap([{ since: null, until: null }])).toEqual({ since: null, until: null });
  });

  it('is read off each edge type where its sources put it', () => {
    const twinning = parseRelationship({ type: 'TWINNED_WITH', fromId: 'a', toId: 'b', props: { id: 'twinning:a--b', since: 2008, until: 2011, untilBasis: 'PROGRAMME_TERM' } });
    const post = parseRelationship({ type: 'HOLDS_POST', fromId: 'p', toId: 'o', props: { id: 'post:p--o', from: '2019-07', until: '2022' } });
    const partOf = parseRelationship({ type: 'PART_OF', fromId: 'a', toId: 'b', props: { id: 'part-of:a' } });
    expect([spanOf(twinning), spanOf(post), spanOf(partOf)]).toEqual([
      { since: 2008, until: 2011 }, { since: 2019, until: 2022 }, { since: null, until: null },
    ]);
  });
});

describe('an aid summary as of a year', () => {
  const support = (id: string, from: number | null, until: number | null) => ({ id, type: 'SUPPORTS', from, until } as SupportRecord);
  const figure = (subjectId: string, over: Partial<QuantityRecord>): QuantityRecord => ({
    id: `quantity:${subjectId}/${JSON.stringify(over)}`, subjectId, metric: 'aidFunding', value: 1, unit: 'CNY', qualifier: 'EXACT', measure: 'LEVEL',
    year: null, baselineYear: null, from: null, until: null, asOf: null, note: null, ...over,
  });
  const scope = {
    supports: [support('support:old', 2008, 2011), support('support:new', 2016, null), support('support:undated', null, null)],
    projects: [
      { id: 'project:built-2019', name: 'x', supportMode: null, year: '2019', participantIds: [], recipientIds: [] },
      { id: 'project:undated', name: 'y', supportMode: null, year: null, participantIds: [], recipientIds: [] },
    ],
    people: [],
  };
  const quantities = [figure('support:old', { year: 2009 }), figure('support:old', { year: 2010 }), figure('support:undated', {}), figure('support:new', { from: 2016, until: 2020 })];

  it('keeps what held that year, and the figures for that year or undated', () => {
    const in2009 = asOfScope(scope, quantities, 2009);
    expect(in2009.scope.supports.map((s) => s.id)).toEqual(['support:old', 'support:undated']);
    expect(in2009.scope.projects.map((p) => p.id)).toEqual(['project:undated']);
    expect(in2009.quantities.map((q) => [q.subjectId, q.year])).toEqual([['support:old', 2009], ['support:undated', null]]);
    const in2017 = asOfScope(scope, quantities, 2017);
    expect(in2017.scope.supports.map((s) => s.id)).toEqual(['support:new', 'support:undated']);
    expect(in2017.quantities.map((q) => q.subjectId)).toEqual(['support:undated', 'support:new']);
    expect(asOfScope(scope, quantities, null).scope).toBe(scope);
  });
});
