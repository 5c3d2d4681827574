// A year is an Int throughout the API. Posts and memberships may be dated to the month or the day
// by their source: their records keep that text and give its year.
import { describe, expect, it } from 'vitest';
import { yearOf } from '../../src/domain/parse.js';
import { parseRelationship } from '../../src/modules/entities/relationships.mappers.js';

describe('years', () => {
  it('reads the year of a date as precise as the source gives it, and nothing else', () => {
    expect([yearOf('2019'), yearOf('2019-07'), yearOf('2019-07-01')]).toEqual([2019, 2019, 2019]);
    expect([yearOf(null), yearOf(''), yearOf('recently'), yearOf('20190'), yearOf('1990s')]).toEqual([null, null, null, null, null]);
  });

  it('gives a post and a membership their span as years, keeping the source\'s own text', () => {
    const post = parseRelationship({ type: 'HOLDS_POST', fromId: 'person:a', toId: 'org:b', props: { id: 'post:a--b', from: '2019-07', until: 2021 } });
    expect(post).toMatchObject({ type: 'HOLDS_POST', from: '2019-07', until: '2021', fromYear: 2019, untilYear: 2021 });
    const membership = parseRelationship({ type: 'MEMBER_OF', fromId: 'person:a', toId: 'org:b', props: { id: 'membership:a--b', batch: 10 } });
    expect(membership).toMatchObject({ type: 'MEMBER_OF', batch: 10, from: null, fromYear: null, untilYear: null });
  });
});
