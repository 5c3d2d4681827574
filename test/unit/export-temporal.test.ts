// Date-times survive the JSONL round trip (the citation check's `checkedAt`): tagged on the way
// out, the driver's DateTime again on the way in, to the nanosecond, with offset or zone.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { taggedProperties, untaggedProperties } from '../../src/export/temporal.js';

const through = (props: Record<string, unknown>) => untaggedProperties(JSON.parse(JSON.stringify(taggedProperties(props))));

describe('date-times in the JSONL export', () => {
  it('come back as the same DateTime, whatever their offset or zone', () => {
    const values = [
      new neo4j.types.DateTime(2026, 11, 29, 15, 51, 59, 202_000_000, 0),
      new neo4j.types.DateTime(2026, 1, 2, 3, 4, 5, 6, undefined, 'Asia/Shanghai'),
      new neo4j.types.DateTime(1999, 12, 31, 23, 59, 0, 0, -(5 * 3600 + 30 * 60)),
    ];
    for (const checkedAt of values) {
      const back = through({ id: 'citations', uncited: 0, checkedAt }).checkedAt;
      expect(neo4j.isDateTime(back)).toBe(true);
      expect(String(back)).toBe(checkedAt.toString());
    }
  });

  it('leave other properties as they are, and refuse a tag that holds no date-time', () => {
    const props = { id: 'place:540624', aliases: ['Anduo'], code: '540624' };
    expect(taggedProperties(props)).toBe(props);
    expect(() => untaggedProperties({ checkedAt: { $datetime: 'yesterday' } })).toThrow(/checkedAt: "yesterday" is not an ISO 8601 date-time/);
  });
});
