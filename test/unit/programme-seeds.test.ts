// The seed format of programmes, twinning periods and stored-copy sources (seeds/README.md), across
// two source folders: a programme declared in both merges; one twinning stated by both is one edge
// with both citations; a second id for it, an undeclared programme, a wrong term end are refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { FIXTURE_TERMS, issuesOf, writeSeedFixture } from '../helpers/seed-fixtures.js';

const PLACES = `- id: province:alpha
  kind: Province
  name: Alpha
  nameZh: 阿尔法省
  aliases: [阿尔法]
  citations: [阿尔法省援建贝塔县]
- id: county:beta
  kind: District
  name: Beta County
  nameZh: 贝塔县
  citations: [阿尔法省援建贝塔县]
`;

const PROGRAMME_A = `- id: programme:wenchuan-reconstruction
  kind: Programme
  name: Post-earthquake reconstruction pairing
  nameZh: 汶川地震灾后恢复重建对口支援
  properties: { since: 2008, termYears: 3 }
  citations:
    - 汶川地震灾后恢复重建对口支援方案
    - 对口支援期限按3年安排
`;

const TWINNING = (id: string, extra = '') => `- id: ${id}
  type: TWINNED_WITH
  from: province:alpha
  to: county:beta
  properties:
    programme: programme:wenchuan-reconstruction
    since: 2008
    until: 2011
    untilBasis: PROGRAMME_TERM${extra}
  citations:
    - 阿尔法省援建贝塔县
    - { quote: 对口支援期限按3年安排, source: source-a }
`;

const SOURCE = (id: string, extra = '') => `id: ${id}
title: 来源${id}
publisher: Test Daily
publishedAt: 2010-05-12
${FIXTURE_TERMS}${extra}`;

/** Seeds dir with folder a (the programme document) and folder b (a report), each overridable. */
function twoFolders(files: { aEntities?: string; aRels?: string; bEntities?: string; bRels?: string; bSource?: string } = {}): string {
  const dir = writeSeedFixture({
    source: SOURCE('source-a'),
    entities: files.aEntities ?? PLACES + PROGRAMME_A,
    relationships: files.aRels ?? TWINNING('twinning:alpha--beta'),
    quantities: '',
  });
  const b = path.join(dir, 'report');
  fs.mkdirSync(b);
  fs.writeFileSync(path.join(b, 'source.yaml'), files.bSource ?? SOURCE('source-b'));
  fs.writeFileSync(path.join(b, 'entities.yaml'), files.bEntities ?? PLACES);
  fs.writeFileSync(path.join(b, 'relationships.yaml'), files.bRels ?? TWINNING('twinning:alpha--beta'));
  return dir;
}

describe('programme seeds', () => {
  it('loads a programme, and one twinning two folders state as one edge with both citations', () => {
    const data = loadSeedFolders(twoFolders());
    const programme = data.entities.find((e) => e.id === 'programme:wenchuan-reconstruction');
    expect(programme).toMatchObject({ kind: 'PROGRAMME', props: { since: 2008, termYears: 3, nameZh: '汶川地震灾后恢复重建对口支援' } });
    expect(data.relationships.filter((r) => r.type === 'TWINNED_WITH')).toHaveLength(1);
    const cites = data.citations.filter((c) => c.subjectId === 'twinning:alpha--beta');
    expect(cites.map((c) => `${c.sourceId}: ${c.quote}`).sort()).toEqual([
      'source-a: 对口支援期限按3年安排', 'source-a: 阿尔法省援建贝塔县', 'source-b: 阿尔法省援建贝塔县',
    ]);
    expect(data.relationships[0]!.props).toMatchObject({ programme: 'programme:wenchuan-reconstruction', until: 2011, untilBasis: 'PROGRAMME_TERM' });
  });

  it('merges a programme declared in two folders, each adding its citations', () => {
    const data = loadSeedFolders(twoFolders({
      bEntities: PLACES + PROGRAMME_A.replace('properties: { since: 2008, termYears: 3 }', 'aliases: [灾后恢复重建对口支援]').replace(/  citations:[\s\S]*$/, '  citations: [灾后恢复重建对口支援机制]\n'),
    }));
    const programme = data.entities.find((e) => e.id === 'programme:wenchuan-reconstruction')!;
    expect(programme.props).toMatchObject({ since: 2008, termYears: 3, aliases: ['灾后恢复重建对口支援'] });
    expect(data.citations.filter((c) => c.subjectId === programme.id).map((c) => c.sourceId).sort()).toEqual(['source-a', 'source-a', 'source-b']);
  });

  it('refuses a second id for the same supporter, recipient and programme, naming both', () => {
    const issues = issuesOf(twoFolders({ bRels: TWINNING('twinning:alpha-province--beta') }));
    expect(issues).toEqual([expect.objectContaining({
      field: 'id', reason: expect.stringMatching(/twinning:alpha--beta and twinning:alpha-province--beta are one twinning \(province:alpha → county:beta, programme:wenchuan-reconstruction\): write it with one id/),
    })]);
  });

  it('refuses a twinning of the same pair that leaves its programme out beside one that names it', () => {
    const bare = TWINNING('twinning:alpha-beta-2').replace(/    programme:.*\n    since: 2008\n    until: 2011\n    untilBasis: PROGRAMME_TERM\n/, '    level: PROVINCE\n').replace(/    - \{ quote.*\n/, '');
    const issues = issuesOf(twoFolders({ bRels: bare }));
    expect(issues).toEqual([expect.objectContaining({ field: 'id', reason: expect.stringMatching(/one of them does not name its programme/) })]);
  });

  it('keeps two twinnings of one pair under two programmes apart', () => {
    const other = `- id: programme:east-west-cooperation
  kind: Programme
  name: East-West cooperation
  nameZh: 东西部扶贫协作
  properties: { since: 1996 }
  citations: [东西部扶贫协作]
`;
    const second = `- id: twinning:alpha--beta--east-west
  type: TWINNED_WITH
  from: province:alpha
  to: county:beta
  properties: { programme: programme:east-west-cooperation, since: 2016 }
  citations: [阿尔法省援建贝塔县]
`;
    const data = loadSeedFolders(twoFolders({ bEntities: PLACES + other, bRels: second }));
    expect(data.relationships.map((r) => r.id).sort()).toEqual(['twinning:alpha--beta', 'twinning:alpha--beta--east-west']);
  });

  it('refuses a programme nobody declared, a legacy programme name, and a term end that is not start plus term', () => {
    const undeclared = issuesOf(twoFolders({ aRels: TWINNING('twinning:alpha--beta').replace('programme: programme:wenchuan-reconstruction', 'programme: programme:aid-tibet'), bRels: '' }));
    expect(undeclared).toContainEqual(expect.objectContaining({ field: 'properties.programme', reason: expect.stringMatching(/no programme with id "programme:aid-tibet".*programmes: programme:wenchuan-reconstruction/) }));

    const legacy = issuesOf(twoFolders({ bRels: '', aRels: TWINNING('twinning:alpha--beta').replace('programme: programme:wenchuan-reconstruction', 'programme: 对口援藏') }));
    expect(legacy).toContainEqual(expect.objectContaining({ field: 'properties.programme', reason: expect.stringMatching(/a programme id such as programme:aid-tibet/) }));

    const wrongEnd = issuesOf(twoFolders({ aRels: TWINNING('twinning:alpha--beta').replace('until: 2011', 'until: 2010'), bRels: '' }));
    expect(wrongEnd).toEqual([expect.objectContaining({ field: 'properties.until', reason: expect.stringMatching(/2008 \+ 3 = 2011, not 2010/) })]);
  });

  it('refuses a term end not cited by the sentence that gives the term', () => {
    const uncited = TWINNING('twinning:alpha--beta').replace(/    - \{ quote.*\n/, '');
    const issues = issuesOf(twoFolders({ aRels: uncited, bRels: '' }));
    expect(issues).toEqual([expect.objectContaining({ field: 'citations', reason: expect.stringMatching(/cited by the sentence that gives the term/) })]);
  });

  it('refuses untilBasis without an until, and until before since', () => {
    const noUntil = issuesOf(twoFolders({ aRels: TWINNING('twinning:alpha--beta').replace('    until: 2011\n', ''), bRels: '' }));
    expect(noUntil).toContainEqual(expect.objectContaining({ field: 'properties.untilBasis' }));
    const backwards = issuesOf(twoFolders({ aRels: TWINNING('twinning:alpha--beta').replace('    untilBasis: PROGRAMME_TERM\n', '').replace('until: 2011', 'until: 2001'), bRels: '' }));
    expect(backwards).toContainEqual(expect.objectContaining({ field: 'properties.until', reason: 'until is before since' }));
  });

  it('refuses a programme property it does not know', () => {
    const issues = issuesOf(twoFolders({ aEntities: PLACES + PROGRAMME_A.replace('termYears: 3', 'term: 3'), aRels: '', bRels: '' }));
    expect(issues).toEqual([expect.objectContaining({ field: 'properties.term', reason: 'unknown field "term"' })]);
  });

  it('reads what the index says of a stored copy, and refuses a stored copy that does not say what it holds', () => {
    const stored = SOURCE('source-b', `storedCopy: true
excerpt: true
completeness: "excerpt: the stored copy stops at '石棉'"
licenseText: Text of a Chinese state-organ document (Copyright Law art. 5)
dateText: 2008-06-11 (document); page 2008-06-19
url: http://www.gov.cn/zwgk/2008-07/22/content_1052835.htm
`);
    const data = loadSeedFolders(twoFolders({ bSource: stored }));
    expect(data.sources.find((s) => s.id === 'source-b')!.props).toMatchObject({
      storedCopy: true, excerpt: true, completeness: "excerpt: the stored copy stops at '石棉'", dateText: '2008-06-11 (document); page 2008-06-19',
    });
    expect(data.sources.find((s) => s.id === 'source-a')!.props).toMatchObject({ storedCopy: false, excerpt: false });
    const issues = issuesOf(twoFolders({ bSource: SOURCE('source-b', 'storedCopy: true\n') }));
    expect(issues).toEqual([expect.objectContaining({ field: 'completeness', reason: expect.stringMatching(/a stored copy says what it holds/) })]);
  });
});

describe('corps division seeds', () => {
  const DIVISION = `- id: corps-division:xpcc-14th-division
  kind: CorpsDivision
  name: 14th Division of the Xinjiang Production and Construction Corps
  nameZh: 新疆生产建设兵团农十四师
  aliases: [农十四师]
  citations: [阿尔法省对口支援贝塔县和新疆生产建设兵团农十四师团场]
`;
  const EDGES = `- id: located-in:xpcc-14th-division--beta
  type: LOCATED_IN
  from: corps-division:xpcc-14th-division
  to: county:beta
  properties: { note: "implied: the pairing sentence names the division beside the county it lies in" }
  citations: [{ quote: 阿尔法省对口支援贝塔县和新疆生产建设兵团农十四师团场, evidence: IMPLIES }]
- id: twinning:alpha--xpcc-14th-division
  type: TWINNED_WITH
  from: province:alpha
  to: corps-division:xpcc-14th-division
  properties: { level: PROVINCE }
  citations: [阿尔法省对口支援贝塔县和新疆生产建设兵团农十四师团场]
`;
  it('is a place outside the official list that a twinning may pair a supporter with', () => {
    const data = loadSeedFolders(writeSeedFixture({ source: SOURCE('source-a'), entities: PLACES + DIVISION, relationships: EDGES, quantities: '' }));
    expect(data.entities.find((e) => e.id === 'corps-division:xpcc-14th-division')).toMatchObject({ kind: 'CORPS_DIVISION' });
    expect(data.relationships.map((r) => r.id)).toContain('twinning:alpha--xpcc-14th-division');
  });

  it('has no official division code', () => {
    const issues = issuesOf(writeSeedFixture({ source: SOURCE('source-a'), entities: PLACES + DIVISION.replace('  aliases:', '  code: "659009"\n  aliases:'), relationships: '', quantities: '' }));
    expect(issues).toEqual([expect.objectContaining({ field: 'code', reason: expect.stringMatching(/only a place of the official list/) })]);
  });
});
