// What a figure measures, what it is about and when it holds: each rule of figure-metrics.ts,
// figure-subjects.ts, figure-periods.ts and named-things.ts on sentences written for these tests in
// the ways the programme's reports state figures (other places, other numbers than the dev set's), so
// each is seen to be a rule and not one sentence; and a sentence a rule must leave alone beside it.
import { describe, expect, it } from 'vitest';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { draftFromText, type Draft } from '../../src/ingest/draft/draft.js';
import { metricFor, respectiveNouns } from '../../src/ingest/draft/figure-metrics.js';
import { periodOf } from '../../src/ingest/draft/figure-periods.js';
import { findFigures } from '../../src/ingest/draft/figures.js';
import { findNamedThings } from '../../src/ingest/draft/named-things.js';
import { PlaceIndex } from '../../src/ingest/draft/places.js';
import { matchingCopy, sentencesOf } from '../../src/ingest/draft/text.js';

const places = new PlaceIndex(gazetteerEdition());
const meta = { id: 'rules', title: 't', publisher: 'p', publishedAt: '2018-09-14', license: 'All rights reserved', rightsHolder: 'p', usageNote: 'u' };
const draft = (text: string) => draftFromText(text, meta, { places });

/** The metric of each figure of a text, as `value metric`. */
const metrics = (text: string) => findFigures(matchingCopy(text), sentencesOf(text), 2018).map((f) => `${f.value} ${f.metric}`);
/** Each figure of a draft as `value subject` (a place by its code). */
function subjects(d: Draft): string[] {
  const code = new Map(d.entities.map((e) => [e.id, e.code ? `place:${e.code}` : e.id]));
  return d.quantities.map((q) => `${q.value} ${code.get(q.subject)}`);
}
const period = (text: string, figure: string) => periodOf(text, 0, text.indexOf(figure), meta.publishedAt);

describe('what a figure measures', () => {
  it('reads the divisions a place governs in a 辖 clause, each by its own word', () => {
    expect(metrics('甘孜州下辖2市16县,辖12个街道办事处和2153个村。')).toEqual([
      '2 countyLevelCitiesGoverned', '16 countiesGoverned', '12 subdistrictsGoverned', '2153 villagesGoverned',
    ]);
  });

  it("reads a programme's parties by what the count counts, and the side a count of provinces is on", () => {
    expect(metrics('会议确定,17个对口支援省市结对帮助西藏7个地(市)的74个县(区),另有3个师。')).toEqual([
      '17 supportingProvinces', '7 pairedPrefectures', '74 pairedDistricts', '3 pairedCorpsDivisions',
    ]);
    expect(metrics('中央安排东部8省(市)对口帮扶西部9个省(区、市)。')).toEqual(['8 supportingProvinces', '9 pairedProvinces']);
  });

  it('tells projects settled on from projects built by the words right before the count', () => {
    expect(metrics('截至年底,援建各方已经确定援建项目215个。')).toEqual(['215 projectsPlanned']);
    expect(metrics('天津援建了各类项目450多个。')).toEqual(['450 projectsImplemented']);
    // 确定 far from the count decides nothing about it; what it counts (项目) decides the family.
    expect(metrics('代表团确定对口支援昌都市、林芝市和山南市的8个重点项目同时开工。')).toEqual(['8 projectsImplemented']);
  });

  it('reads a span of support, a programme\'s age, a term and a build time from the words around the span', () => {
    expect(metrics('25年来,浙江坚持把产业援建作为对口支援的重点。')).toEqual(['25 supportPeriod']);
    expect(metrics('对口援疆15年来,成效显著。')).toEqual(['15 duration']);
    expect(metrics('有关方面表示,为期5年的对口援建已经过半。')).toEqual(['5 programmeTerm']);
    expect(metrics('这所学校按常规需要两年才能完工,只用了一年即建成投用。')).toEqual(['2 usualBuildTime', '1 buildTime']);
  });

  it('takes square kilometres as a land area, square metres as a floor', () => {
    expect(metrics('全县面积1.2万平方公里,服务大厅建筑面积3000平方米。')).toEqual(['12000000000 landArea', '3000 floorArea']);
    expect(metrics('新建校舍3000平方米。')).toEqual(['3000 schoolBuildingFloorArea']);
  });

  it('answers "A、B分别…X和Y" one for one, and leaves a run without such a list alone', () => {
    expect(metrics('投向民生、基层的资金分别占比76%和88%。')).toEqual(['76 livelihoodFundingShare', '88 grassrootsFundingShare']);
    expect(respectiveNouns('门急诊量、住院量分别比2015年增加了', 2)).toEqual(['门急诊量', '住院量']);
    expect(respectiveNouns('投向基层的资金占比', 2)).toBeUndefined();
  });

  it('gives a part of a count "其中:" breaks down the count\'s metric', () => {
    expect(metrics('二、重灾区\n共20个县(市、区),其中:\n甘肃省(6个):文县、武都区。')).toEqual(['20 heavilyHitCounties', '6 heavilyHitCounties']);
  });

  it('scores a label by the words of the figure, not the words another label shares by chance', () => {
    expect(metricFor({ before: '各省市、中央企业单位先后选派', after: '干部和技术人员进藏工作', rest: '干部和技术人员进藏工作', word: '名', unit: 'person', measure: 'LEVEL' })).toBe('cadresSent');
  });
});

describe('what a figure is about', () => {
  it("gives what the programme's parties did together to the programme", () => {
    const d = draft('自1995年以来,各对口援藏省市先后选派3000余名干部,累计投入资金90亿元。');
    expect(subjects(d)).toEqual(['3000 programme:aid-tibet', '9000000000 programme:aid-tibet']);
  });

  it("gives an extreme height to the place whose paragraph it is, not the township it lies in", () => {
    const d = draft('那曲市平均海拔4500米,最低处嘉黎县忠玉乡海拔3400米。');
    expect(subjects(d)).toEqual(['4500 place:5406', '3400 place:5406']);
  });

  it('gives aid a recipient was given to its one supporter, and keeps a plain fact the place\'s', () => {
    const d = draft('天津对口援建的昌都市,新建学校援建仅用90天。昌都市海拔3200米。');
    expect(subjects(d)).toEqual(['90 place:12', '3200 place:5403']);
  });

  it("gives a span right after a programme's name to the programme", () => {
    expect(subjects(draft('对口援疆十五年 新疆和田地区发展纪实'))).toEqual(['15 programme:aid-xinjiang']);
  });

  it('carries a sentence that names nothing on from the figure before it', () => {
    expect(subjects(draft('广州到那曲,是4000公里的距离;平原到高原,是3000米海拔的提升。'))).toEqual(['4000 place:4401', '3000 place:4401']);
  });

  it("gives a bridge's length and build time to the bridge the paragraph names", () => {
    const d = draft('在绵竹市,有一座大桥叫新汉旺大桥,全长800米,按常规需要两年才能完工的项目,只用了一年即建成通车。');
    expect(subjects(d)).toEqual(['800 project:xin-han-wang-da-qiao', '2 project:xin-han-wang-da-qiao', '1 project:xin-han-wang-da-qiao']);
  });
});

describe('projects and events a text names', () => {
  it('reads a disaster by its place and a built thing by its name, not a counted one', () => {
    // A short place name counts where the text names the place in full (汶川县), as the place rules ask.
    const text = '关于汶川地震灾害的报告。四川省汶川县有一座大桥叫结古大桥,这条公路通车了,禹门桥等项目交付。';
    const mt = matchingCopy(text);
    expect(findNamedThings(mt, places.find(text, mt)).map((t) => `${t.kind} ${t.name}`)).toEqual(['EVENT 汶川地震', 'PROJECT 结古大桥', 'PROJECT 禹门桥']);
  });
});

describe('when a figure holds', () => {
  it('dates a figure as of 截至/到 a date, a dateline, or now', () => {
    expect(period('截至2017年6月30日,累计投入资金12亿元。', '12亿')).toEqual({ asOf: '2017-06-30' });
    expect(period('到8月31日,确定项目310个。', '310')).toEqual({ asOf: '2018-08-31' });
    expect(period('13日,记者获悉,已建成学校9所。', '9所')).toEqual({ asOf: '2018-09-13' });
    expect(period('这个村如今人均年收入达到8000元。', '8000')).toEqual({ asOf: '2018-09-14' });
    expect(period('人均年收入由当初的600元增加到8000元。', '600')).toEqual({});
  });

  it('dates a figure since a start: a year with 以来, a congress, N年来 or a span that lasted', () => {
    expect(period('自1996年对口帮扶以来,累计投入资金12亿元。', '12亿')).toEqual({ since: 1996 });
    expect(period('党的十九大以来,投入资金8亿元。', '8亿')).toEqual({ since: 2017 });
    expect(period('20年来,共选派干部500名。', '500')).toEqual({ since: 1998 });
    expect(period('20年来,共选派干部500名。', '20')).toEqual({ since: 1998 });
    expect(period('援建工作已经持续进行了12年。', '12')).toEqual({ since: 2006 });
  });

  it('dates a figure in a year: N年前, a stated year (not one in parentheses), a date without a year, a headline', () => {
    expect(period('10年前,中央安排东部6省对口帮扶。', '6省')).toEqual({ year: 2008 });
    expect(period('2016年,援建项目45个。', '45')).toEqual({ year: 2016 });
    expect(period('现辖格尔木市(2015年撤镇设市)等3县。', '3县')).toEqual({});
    expect(period('5月20日,代表团确定了8个项目。', '8个')).toEqual({ year: 2018 });
    expect(period('2017天津援藏资金总计3亿元', '3亿')).toEqual({ year: 2017 });
    expect(period('援建项目共计30个。', '30')).toEqual({});
  });
});

describe('places written short', () => {
  it('reads an autonomous prefecture whose people is written without 族 by its short form', () => {
    const text = '新疆伊犁州和博尔塔拉州。';
    const mt = matchingCopy(text);
    expect(places.find(text, mt).map((m) => m.code)).toEqual(expect.arrayContaining(['6540', '6527']));
  });
});
