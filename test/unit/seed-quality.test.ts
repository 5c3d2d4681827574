// The rules across records (src/ingest/quality.ts): each is shown refusing a seed that breaks it,
// naming file, line, record and field, and the real seeds pass them all (seed loading runs them).
import { describe, expect, it } from 'vitest';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { isGenericAlias } from '../../src/ingest/quality.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS, issuesOf, writeSeedFixture } from '../helpers/seed-fixtures.js';


const GAMMA = `- id: city:gamma
  kind: City
  name: Gamma
  nameZh: 伽马市
  aliases: [伽马]
  citations: [伽马市]
`;
const PROJECT = (mode: string) => `- id: project:school
  kind: Project
  name: School building
  nameZh: 伽马市新学校工程
  properties: { supportMode: ${mode} }
  citations: [伽马市新学校工程]
`;
const DELIVERY = `- id: participation:alpha--school
  type: PARTICIPATES_IN
  from: province:alpha
  to: project:school
  properties: { role: FUNDING }
  citations: [阿尔法省出资建设伽马市新学校工程]
- id: benefit:school--gamma
  type: BENEFITS
  from: project:school
  to: city:gamma
  citations: [伽马市新学校工程惠及伽马市]
- id: support:alpha--gamma-education
  type: SUPPORTS
  from: province:alpha
  to: city:gamma
  properties: { mode: EDUCATION }
  citations: [阿尔法省教育支援伽马市]
`;

describe('a supporter is not the recipient', () => {
  it('accepts a supporter outside the beneficiary', () => {
    expect(() => loadSeedFolders(writeSeedFixture({ entities: FIXTURE_ENTITIES + GAMMA + PROJECT('EDUCATION'), relationships: FIXTURE_RELATIONSHIPS + DELIVERY }))).not.toThrow();
  });

  it('refuses a support whose supporter lies within the beneficiary (a teaching site "supporting" its own city)', () => {
    const issues = issuesOf(writeSeedFixture({
      relationships: FIXTURE_RELATIONSHIPS + `- id: support:beta--alpha\n  type: SUPPORTS\n  from: city:beta\n  to: province:alpha\n  properties: { mode: EDUCATION }\n  citations: [贝塔市支援阿尔法省]\n`,
    }));
    expect(issues).toEqual([expect.objectContaining({ line: 6, record: 'support:beta--alpha', field: 'from', reason: expect.stringMatching(/city:beta lies within the beneficiary province:alpha/) })]);
    expect(issues[0]!.file).toMatch(/fixture\/relationships\.yaml$/);
  });
});

describe('one mode for one fact', () => {
  it('accepts a project with the mode of the support that delivers it', () => {
    expect(() => loadSeedFolders(writeSeedFixture({ entities: FIXTURE_ENTITIES + GAMMA + PROJECT('EDUCATION'), relationships: FIXTURE_RELATIONSHIPS + DELIVERY }))).not.toThrow();
  });

  it('refuses a project tagged with another mode than the support that delivers it', () => {
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES + GAMMA + PROJECT('CULTURAL_EXCHANGE'), relationships: FIXTURE_RELATIONSHIPS + DELIVERY }));
    expect(issues).toEqual([expect.objectContaining({
      record: 'project:school', field: 'properties.supportMode',
      reason: 'CULTURAL_EXCHANGE, but the supports that deliver it (support:alpha--gamma-education: EDUCATION) are not: one mode for one fact',
    })]);
  });

  it('refuses a part whose mode differs from its whole', () => {
    const part = `- id: project:classroom\n  kind: Project\n  name: Classroom\n  nameZh: 伽马市新学校教室\n  properties: { supportMode: CULTURAL_EXCHANGE }\n  citations: [伽马市新学校教室]\n`;
    const edge = `- id: part-of:classroom--school\n  type: PART_OF\n  from: project:classroom\n  to: project:school\n  citations: [伽马市新学校工程包括伽马市新学校教室]\n`;
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES + GAMMA + PROJECT('EDUCATION') + part, relationships: FIXTURE_RELATIONSHIPS + DELIVERY + edge }));
    expect(issues.map((i) => `${i.record}: ${i.reason}`)).toEqual(['project:classroom: CULTURAL_EXCHANGE, but it is part of project:school, which is EDUCATION: one mode for one fact']);
  });
});

describe('every citation names what it proves', () => {
  it('refuses an entity quote that does not name the entity', () => {
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES.replace('citations: [贝塔市]', 'citations: [这座城市很美]') }));
    expect(issues).toEqual([expect.objectContaining({ record: 'city:beta', line: 7, field: 'citations', reason: 'the quote "这座城市很美" does not name city:beta' })]);
  });

  it('refuses an edge quote that names neither end (共捐资捐物1800余万元: no donor, no recipient)', () => {
    const issues = issuesOf(writeSeedFixture({
      entities: FIXTURE_ENTITIES + GAMMA,
      relationships: FIXTURE_RELATIONSHIPS + `- id: support:alpha--gamma\n  type: SUPPORTS\n  from: province:alpha\n  to: city:gamma\n  properties: { mode: DONATION }\n  citations: [共捐资捐物1800余万元]\n`,
    }));
    expect(issues.map((i) => `${i.record} ${i.field}: ${i.reason}`)).toEqual([
      'support:alpha--gamma citations: the quote "共捐资捐物1800余万元" names neither province:alpha nor city:gamma',
    ]);
  });

  it('refuses an edge whose quotes together name only one end, unless its note marks it implied', () => {
    const edge = (note: string, quote: string) => FIXTURE_RELATIONSHIPS.replace('citations: [贝塔市属于阿尔法省]', `properties: { note: ${note} }\n  citations: [${quote}]`);
    const issues = issuesOf(writeSeedFixture({ relationships: edge('stated', '贝塔市是一座城市') }));
    expect(issues).toEqual([expect.objectContaining({ record: 'part-of:beta--alpha', reason: expect.stringMatching(/^no citation names province:alpha/) })]);
    // An implied edge's quotes only support it (seeds/README.md, evidence).
    expect(() => loadSeedFolders(writeSeedFixture({ relationships: edge('"implied; the source never says so outright"', '{ quote: 贝塔市是一座城市, evidence: IMPLIES }') }))).not.toThrow();
  });

  it('refuses a quantity quote that does not state the figure, and reads 万, 亿 and Chinese numerals', () => {
    const quantity = (value: number, quote: string) => `- subject: city:beta\n  metric: participants\n  value: ${value}\n  unit: person\n  citations: ['${quote}']\n`;
    expect(issuesOf(writeSeedFixture({ quantities: quantity(1000, '贝塔市参加者众多') }))).toEqual([
      expect.objectContaining({ field: 'citations', reason: 'the quote "贝塔市参加者众多" does not state the figure 1000' }),
    ]);
    for (const [value, quote] of [[13000, '带动1.3万余名'], [3_000_000_000, '累计30多亿元'], [4000, '四千公里之路遥'], [30, '三十载接力前行'], [85.86, '占比85.86%']] as const) {
      expect(() => loadSeedFolders(writeSeedFixture({ quantities: quantity(value, quote) })), quote).not.toThrow();
    }
  });
});

describe('aliases name one thing', () => {
  it('refuses the same alias on two places, with file and line of the second', () => {
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES + GAMMA.replace('aliases: [伽马]', 'aliases: [伽马, 阿尔法]') }));
    expect(issues).toEqual([expect.objectContaining({ record: 'city:gamma', line: 12, field: 'aliases', reason: expect.stringMatching(/"阿尔法" already names province:alpha \(places may not share/) })]);
  });

  it('lets a person share a name with a place, which no reader confuses', () => {
    const person = `- id: person:alpha\n  kind: Person\n  name: Alpha\n  nameZh: 阿尔法\n  citations: [阿尔法先生]\n`;
    expect(() => loadSeedFolders(writeSeedFixture({ entities: FIXTURE_ENTITIES + person }))).not.toThrow();
  });

  it('refuses a generic alias until it is qualified', () => {
    const dept = (alias: string) => `- id: hospital:beta-pediatrics\n  kind: Hospital\n  name: Beta pediatrics\n  nameZh: 贝塔市医院儿科\n  aliases: [${alias}]\n  citations: [贝塔市医院儿科]\n`;
    expect(issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES + dept('儿科') }))).toEqual([
      expect.objectContaining({ record: 'hospital:beta-pediatrics', field: 'aliases', reason: '"儿科" names a kind of thing, not hospital:beta-pediatrics: qualify it (whose, where) or drop it' }),
    ]);
    expect(() => loadSeedFolders(writeSeedFixture({ entities: FIXTURE_ENTITIES + dept('贝塔医院儿科') }))).not.toThrow();
    expect(['六一儿童节', '县教育局', '比如', '产科', '护理部', '18个项目', 'PICU', '校外教学点'].filter((a) => !isGenericAlias(a))).toEqual([]);
    expect(['比如县', '安多县教育局', '鞍山援藏干部', '索县医院产科', '那曲市人民医院PICU'].filter(isGenericAlias)).toEqual([]);
  });
});
