// The 2024 review of the seeds against the article (issue 8): each fixed defect stays fixed. The
// classes of defect are guarded for every seed by validation (test/unit/seed-quality.test.ts);
// these pin the article's own cases.
import { describe, expect, it } from 'vitest';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';

const data = loadSeedFolders(SEEDS_DIR);
const entity = (id: string) => data.entities.find((e) => e.id === id);
const edges = (pred: (r: (typeof data.relationships)[number]) => boolean) => data.relationships.filter(pred);

describe('the review of the Liaoning–Nagqu article', () => {
  it('has nothing in Nagqu supporting Nagqu, and no 以院包科 for 产科', () => {
    expect(edges((r) => r.type === 'SUPPORTS' && r.from === 'school:nagqu-higher-education-teaching-site')).toEqual([]);
    expect(edges((r) => r.type === 'SUPPORTS' && r.to === 'hospital:sog-county-peoples-hospital-obstetrics')).toEqual([]);
    expect(edges((r) => r.type === 'PART_OF' && r.from === 'hospital:sog-county-peoples-hospital-obstetrics').map((r) => r.to))
      .toEqual(['hospital:sog-county-peoples-hospital-obstetrics-gynecology']);
  });

  it('tags the ideological-education programme and its parts as education, like the support that delivers them', () => {
    for (const id of ['project:big-ideological-political-course-integration', 'project:sky-classroom', 'project:amdo-hand-in-hand-pairing']) {
      expect(entity(id)!.props.supportMode, id).toBe('EDUCATION');
    }
  });

  it('keeps the five medical firsts one kind, each supported by the aid team, none with an unstated benefit', () => {
    const firsts = data.entities.filter((e) => /^第一个/.test(String(e.props.nameZh)));
    expect(firsts).toHaveLength(4);
    for (const unit of [...firsts, entity('hospital:nagqu-peoples-hospital-picu')!]) {
      expect(unit.kind, unit.id).toBe('HOSPITAL');
      expect(edges((r) => r.type === 'SUPPORTS' && r.to === unit.id).map((r) => r.from), unit.id).toEqual(['org:liaoning-aid-tibet-team']);
      expect(edges((r) => r.type === 'BENEFITS' && r.from === unit.id), unit.id).toEqual([]);
    }
  });

  it("keeps 辽宁援藏 off the team, and gives the Amdo meeting Shenyang's team and the schools it names (各中小学)", () => {
    expect(entity('org:liaoning-aid-tibet-team')!.props.aliases).not.toContain('辽宁援藏');
    expect(edges((r) => r.type === 'PARTICIPATES_IN' && r.to === 'event:amdo-study-tour-planning-meeting-2024-05-27').map((r) => r.from).sort())
      .toEqual(['org:amdo-education-bureau', 'org:shenyang-10th-aid-team', 'school:amdo-meeting-primary-and-secondary-schools']);
  });

  it('dates "since the 18th Party Congress" as 2012, like the pairing\'s "30 years" as about 1994', () => {
    expect(edges((r) => r.id === 'twinning:liaoning--nagqu')[0]!.props).toMatchObject({ since: 1994, sinceQualifier: 'APPROXIMATELY' });
    expect(edges((r) => r.id === 'support:liaoning--nagqu-cultural-exchange')[0]!.props.from).toBe(2012);
    const since18th = data.quantities.filter((q) => String(q.props.note ?? '').includes('党的十八大以来'));
    expect(since18th.length).toBeGreaterThan(0);
    expect(since18th.every((q) => q.props.from === 2012)).toBe(true);
  });

  it('gives the 4000 km of the article one qualifier', () => {
    const km4000 = data.quantities.filter((q) => q.props.value === 4000 && q.props.unit === 'km');
    expect(km4000).toHaveLength(2);
    expect(new Set(km4000.map((q) => q.props.qualifier))).toEqual(new Set(['APPROXIMATELY']));
  });

  it('adds the facts the first pass missed, each cited', () => {
    const cited = (id: string) => data.citations.some((c) => c.subjectId === id);
    for (const id of ['project:amdo-hand-in-hand-pairing', 'project:baqen-municipal-infrastructure', 'support:liaoning--lobsang-employment', 'support:liaoning--renqing-dengzu-employment']) {
      expect(cited(id), id).toBe(true);
    }
  });

  it('romanises Tibetan personal names in Hanyu Pinyin, with Tibetan spellings as aliases', () => {
    const names = Object.fromEntries(data.entities.filter((e) => e.kind === 'PERSON').map((e) => [e.props.nameZh, e.props.name]));
    expect(names).toMatchObject({ 洛桑: 'Luosang', 才旦卓玛: 'Caidan Zhuoma', 仁青登祖: 'Renqing Dengzu', 扎西顿珠: 'Zhaxi Dunzhu', 米玛: 'Mima' });
    expect(entity('person:lobsang')!.props.aliases).toContain('Lobsang');
  });
});
