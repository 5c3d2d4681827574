// Records parsed from what statements return: a compact row (projection.ts), and the same row with
// the entity's property map after it (as a seed's entity travels), give the same record, by the fast
// path or, for unusual values, by zod; a project's own facts are read from the map.
import { describe, expect, it } from 'vitest';
import { parseEntity } from '../../src/modules/entities/entities.mappers.js';
import { parseRelationship } from '../../src/modules/entities/relationships.mappers.js';
import { COMPACT_ORDER } from '../../src/modules/entities/projection.js';

const compactOf = (p: Record<string, unknown>) => COMPACT_ORDER.map((k) => p[k] ?? null);
/** The row of an entity a seed wrote: its compact row, then its property map. */
const rowOf = (p: Record<string, unknown>) => [...compactOf(p), p];

describe('entity records from compact rows', () => {
  const village = { id: 'place:540624100001', kind: 'VILLAGE', name: 'Pana Juweihui', nameZh: '帕那居委会', code: '540624100001', searchText: '|pana|' };
  const claimed = { id: 'county:amdo', kind: 'DISTRICT', name: 'Amdo County', nameZh: '安多', aliases: ['Amdo'], code: '540624', officialName: '安多县' };
  const unlisted = { id: 'org:team', kind: 'ORGANIZATION', name: 'Aid team', nameZh: null };

  it.each([['a village of the list', village], ['a place whose seed names it otherwise', claimed], ['an entity without a code', unlisted]])(
    '%s: the same record either way', (_what, props) => {
      const fromRow = parseEntity(compactOf(props));
      expect(fromRow).toEqual(parseEntity(rowOf(props)));
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

describe('project records', () => {
  const project = {
    id: 'project:amdo-government-service-hall', kind: 'PROJECT', name: 'Amdo County Government Service Hall', nameZh: '安多县政务服务大厅',
    aliases: ['安多政务服务大厅'], openedOn: '2019', supportMode: 'INFRASTRUCTURE', projectType: 'public building', contentHash: 'x',
  };

  it('reads its facts from its map, the same by the fast path as by zod (a year stored as a number becomes text)', () => {
    const usual = parseEntity(rowOf(project));
    expect(usual).toMatchObject({ kind: 'PROJECT', openedOn: '2019', supportMode: 'INFRASTRUCTURE', projectType: 'public building' });
    const numberYear = parseEntity(rowOf({ ...project, openedOn: 2019 }));
    expect({ ...numberYear, properties: usual.properties }).toEqual(usual);
    expect(() => parseEntity(rowOf({ ...project, supportMode: 'MAGIC' }))).toThrow();
  });

  it('from a compact row (a search page of core fields) has no facts of its own, as its map without them', () => {
    const { openedOn: _o, supportMode: _s, projectType: _t, contentHash: _h, ...core } = project;
    const fromRow = parseEntity(compactOf(core));
    expect(fromRow).toEqual(parseEntity(rowOf(core)));
    expect(fromRow).toMatchObject({ openedOn: null, supportMode: null, projectType: null, properties: {} });
  });
});

describe('twinning and support records', () => {
  const twinning = {
    type: 'TWINNED_WITH', fromId: 'province:liaoning', toId: 'city:nagqu',
    props: { id: 'twinning:liaoning-nagqu', level: 'PROVINCE', programme: 'Tibet aid', since: 1994, sinceQualifier: 'EXACT', contentHash: 'h' },
  };
  const support = {
    type: 'SUPPORTS', fromId: 'city:dalian', toId: 'county:amdo',
    props: { id: 'support:dalian-amdo', mode: 'MEDICAL_TEAM', from: 1995, description: 'doctors', contentHash: 'h' },
  };

  it('are the same by the fast path as by zod, which converts what is unusual (a year stored as text)', () => {
    const usualTwinning = parseRelationship(twinning);
    expect(usualTwinning).toEqual({
      id: 'twinning:liaoning-nagqu', type: 'TWINNED_WITH', fromId: 'province:liaoning', toId: 'city:nagqu',
      properties: { id: 'twinning:liaoning-nagqu', level: 'PROVINCE', programme: 'Tibet aid', since: 1994, sinceQualifier: 'EXACT' },
      level: 'PROVINCE', programme: 'Tibet aid', since: 1994, sinceQualifier: 'EXACT', until: null, untilQualifier: null, untilBasis: null,
    });
    const textYear = parseRelationship({ ...twinning, props: { ...twinning.props, since: '1994' } });
    expect({ ...textYear, properties: usualTwinning.properties }).toEqual(usualTwinning);

    const usualSupport = parseRelationship(support);
    expect(usualSupport).toMatchObject({ mode: 'MEDICAL_TEAM', from: 1995, until: null, asOf: null, description: 'doctors' });
    const textFrom = parseRelationship({ ...support, props: { ...support.props, from: '1995' } });
    expect({ ...textFrom, properties: usualSupport.properties }).toEqual(usualSupport);
  });

  it('refuse what zod refuses: a level or mode outside the vocabulary, a support without its mode', () => {
    expect(() => parseRelationship({ ...twinning, props: { ...twinning.props, level: 'GALAXY' } })).toThrow();
    expect(() => parseRelationship({ ...support, props: { ...support.props, mode: 'MAGIC' } })).toThrow();
    const { mode: _m, ...modeless } = support.props;
    expect(() => parseRelationship({ ...support, props: modeless })).toThrow();
  });
});
