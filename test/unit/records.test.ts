// Records parsed from what statements return: a compact row (projection.ts) and the property map it
// stands for give the same record, by the fast path or, for unusual values, by zod.
import { describe, expect, it } from 'vitest';
import { parseEntity } from '../../src/modules/entities/entities.mappers.js';
import { COMPACT_ORDER } from '../../src/modules/entities/projection.js';

const compactOf = (p: Record<string, unknown>) => COMPACT_ORDER.map((k) => p[k] ?? null);

describe('entity records from compact rows', () => {
  const village = { id: 'place:540624100001', kind: 'VILLAGE', name: 'Pana Juweihui', nameZh: '帕那居委会', code: '540624100001', searchText: '|pana|' };
  const claimed = { id: 'county:amdo', kind: 'DISTRICT', name: 'Amdo County', nameZh: '安多', aliases: ['Amdo'], code: '540624', officialName: '安多县' };
  const unlisted = { id: 'org:team', kind: 'ORGANIZATION', name: 'Aid team', nameZh: null };

  it.each([['a village of the list', village], ['a place whose seed names it otherwise', claimed], ['an entity without a code', unlisted]])(
    '%s: the same record either way', (_what, props) => {
      const fromRow = parseEntity(compactOf(props));
      expect(fromRow).toEqual(parseEntity(props));
      expect(fromRow.properties).toEqual({});
    });

  it('gives the list\'s name as the official one when no other is stored, and none without a code', () => {
    expect(parseEntity(compactOf(village)).officialName).toBe('帕那居委会');
    expect(parseEntity(compactOf(claimed)).officialName).toBe('安多县');
    expect(parseEntity(compactOf(unlisted)).officialName).toBeNull();
  });

  it('reads an unusual value the long way (a code stored as a number becomes text) and refuses a broken row', () => {
    expect(parseEntity(compactOf({ ...village, code: 540624100001 })).code).toBe('540624100001');
    expect(() => parseEntity(compactOf({ ...village, kind: 'CASTLE' }))).toThrow();
  });
});
