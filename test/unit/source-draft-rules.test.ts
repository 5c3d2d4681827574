// The drafting rules one by one, on sentences written for these tests in the ways the programme's
// documents and reports state facts (not copied from the dev set), so each rule is seen to be a
// rule: a list line, a dash pair, a change, an enumeration, a programme, a renamed place, a figure
// with its hedge, a name in traditional characters; and bad input refused before anything is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { addSource, MAX_CHARACTERS, readSourceText } from '../../src/ingest/draft/add.js';
import { draftFromText, type Draft } from '../../src/ingest/draft/draft.js';
import { devCases } from '../../src/ingest/draft/score.js';
import { readRecords } from '../../src/ingest/draft/folder.js';
import { statesValue } from '../../src/domain/chinese-numbers.js';
import { findFigures } from '../../src/ingest/draft/figures.js';
import { findInstitutions } from '../../src/ingest/draft/institutions.js';
import { findPeople } from '../../src/ingest/draft/people.js';
import { PlaceIndex } from '../../src/ingest/draft/places.js';
import { programmeOf, programmeWords } from '../../src/ingest/draft/programme.js';
import { RENAMES } from '../../src/ingest/draft/renames.js';
import { inContext } from '../../src/ingest/draft/review.js';
import { matchingCopy, sentencesOf } from '../../src/ingest/draft/text.js';

const places = new PlaceIndex(gazetteerEdition());
const meta = { id: 'rules', title: 't', publisher: 'p', publishedAt: '2024-06-01', license: 'All rights reserved', rightsHolder: 'p', usageNote: 'u' };
const draft = (text: string) => draftFromText(text, meta, { places });

/** The twinnings of a draft as `supporter code → recipient code` with their properties. */
function twinnings(d: Draft) {
  const code = new Map(d.entities.map((e) => [e.id, e.code ?? e.nameZh ?? e.id]));
  return d.relationships.filter((r) => r.type === 'TWINNED_WITH')
    .map((r) => ({ pair: `${code.get(r.from)}→${code.get(r.to)}`, ...r.properties, rule: r.draft.rule }));
}
const pairs = (d: Draft) => twinnings(d).map((t) => t.pair).sort();

describe('text for matching', () => {
  it('converts traditional characters one for one, so offsets and quotes stay the original text\'s', () => {
    const text = '遼寧省對口支援那曲市,廣東援建和田縣人民醫院。';
    const copy = matchingCopy(text);
    expect(copy).toHaveLength(text.length);
    expect(copy).toBe('辽宁省对口支援那曲市,广东援建和田县人民医院。');
    const d = draft(text);
    expect(pairs(d)).toContain('21→5406');
    for (const r of [...d.entities, ...d.relationships, ...d.quantities]) for (const q of r.citations) expect(text).toContain(q);
  });
});

describe('places', () => {
  it('gives every place its official code as id: 苏州市 and 宿州市 (both suzhoushi) stay two', () => {
    const d = draft('江苏省苏州市与安徽省宿州市开展合作。');
    const ids = d.entities.filter((e) => e.code === '3205' || e.code === '3413').map((e) => e.id).sort();
    expect(ids).toEqual(['city:3205', 'city:3413']);
  });

  it('reads a renamed place as today\'s, keeping the old name as a cited alias', () => {
    const d = draft('四川省北川县陈家坝乡的学校已经建成。日喀则地区的干部也来了。');
    const chenjiaba = d.entities.find((e) => e.code === '510726108')!;
    expect(chenjiaba).toMatchObject({ nameZh: '陈家坝镇', aliases: ['陈家坝乡'] });
    expect(chenjiaba.draft.rule).toMatch(/renamed/u);
    expect(d.entities.find((e) => e.code === '5402')).toMatchObject({ nameZh: '日喀则市', aliases: ['日喀则地区'] });
    // Each entry of the rename table points at a code the official list holds.
    for (const r of RENAMES) expect(places.nameOf(r.code), r.old).toBeDefined();
  });

  it('takes no place from inside a word, and a township only beside its county', () => {
    expect(places.find('新县城建设项目已完工')).toEqual([]); // 新县 is a county, 新县城 a new county town
    expect(places.find('该镇位于街道旁')).toEqual([]); // 街道 is a township's name somewhere
    expect(places.find('汶川县三江乡').map((m) => m.code)).toEqual(['513221', '513221107']);
  });

  it('reads autonomous areas by their plain names and a short form by the place named beside it', () => {
    expect(places.find('青海省玉树州').map((m) => m.code)).toEqual(['63', '6327']);
    expect(places.find('四川省北川县').map((m) => m.code)).toEqual(['51', '510726']);
    expect(places.find('日喀则下属江孜、亚东').map((m) => m.code)).toEqual(['5402', '540222', '540233']);
  });

  it('lists the other places of an ambiguous name for the reviewer', () => {
    const [m] = places.find('朝阳区的一所学校');
    expect(m!.options.length).toBeGreaterThan(0);
    expect(m!.confidence).toBeLessThan(0.95);
  });
});

describe('pairings', () => {
  it('reads list lines: supporter, colon, recipients', () => {
    const d = draft('结对关系如下。\n1、浙江省:四川省甘孜州、阿坝州\n2、广东省:广西壮族自治区、贵州省毕节市');
    expect(pairs(d)).toEqual(['33→5132', '33→5133', '44→45', '44→5205']);
    expect(twinnings(d).every((t) => /list line/u.test(t.rule))).toBe(true);
  });

  it('reads dash pairs in a list', () => {
    const d = draft('天津市对口支援甘肃省,结对如下:和平区——临夏县,河西区——东乡族自治县,南开区—广河县。');
    expect(pairs(d)).toEqual(expect.arrayContaining(['120101→622921', '120103→622926', '120104→622924']));
  });

  it('reads a change as one pairing ended and another begun, never A supports B', () => {
    const d = draft('2010年,深圳市由援建甘孜县改为援建喀什市。');
    const t = twinnings(d);
    expect(t.find((x) => x.pair === '4403→513328')).toMatchObject({ until: 2010 });
    expect(t.find((x) => x.pair === '4403→653101')).toMatchObject({ since: 2010 });
    expect(t.some((x) => x.pair === '513328→653101')).toBe(false);
  });

  it('reads enumerations across a sentence: recipients by 、和及与, a province and its city as the city', () => {
    const d = draft('福建省帮扶宁夏回族自治区、甘肃省定西市和临夏州;广东省帮扶广西壮族自治区。');
    expect(pairs(d)).toEqual(['35→6211', '35→6229', '35→64', '44→45']);
  });

  it('reads several supporters sharing one task (承担…任务) and a pair phrase (A与B结成帮扶对子)', () => {
    const d = draft('会议确定北京、上海、广东等省市承担对口支援西藏的任务。山东与重庆结成帮扶对子。');
    expect(pairs(d)).toEqual(['11→54', '31→54', '37→50', '44→54']);
  });

  it('gives each twinning its programme and the years the text states', () => {
    const d = draft('自1996年对口帮扶宁夏以来,福建省累计投入资金30亿元。上海市对口支援日喀则市。天津市帮扶甘肃省,推进东西部扶贫协作。');
    const t = twinnings(d);
    expect(t.find((x) => x.pair === '35→64')).toMatchObject({ since: 1996, programme: 'programme:east-west-cooperation' });
    expect(t.find((x) => x.pair === '12→62')).toMatchObject({ programme: 'programme:east-west-cooperation' });
    // The programme is declared in the draft, cited by a sentence that names it.
    expect(d.entities.find((e) => e.id === 'programme:east-west-cooperation')?.citations[0]).toMatch(/东西部扶贫协作/u);
    // 日喀则 lies in Tibet, but this text never names 援藏: the programme is left to the reviewer.
    const shigatse = d.relationships.find((r) => r.type === 'TWINNED_WITH' && r.to === 'city:5402')!;
    expect(shigatse.properties).not.toHaveProperty('programme');
    expect(shigatse.draft.note).toMatch(/aid-tibet left out/u);
  });

  it('reads a duration as the start, as of the text\'s year, approximately', () => {
    const d = draft('江苏省对口支援拉萨市,对口援藏30年来成效显著。');
    expect(twinnings(d).find((x) => x.pair === '32→5401')).toMatchObject({ since: 1994, sinceQualifier: 'APPROXIMATELY', programme: 'programme:aid-tibet' });
  });

  it('reads a span before the aid it dates, in a sentence naming the supporter short (一场N年的援藏接力)', () => {
    const d = draft('杭州八批干部 一场22年的援藏接力\n杭州市对口支援那曲市比如县。');
    expect(twinnings(d).find((x) => x.pair === '3301→540622')).toMatchObject({ since: 2002, sinceQualifier: 'APPROXIMATELY' });
    // A term set ahead dates nothing behind.
    expect(twinnings(draft('杭州市对口支援那曲市比如县,为期3年的对口援建已过半。')).find((x) => x.pair === '3301→540622')).not.toHaveProperty('since');
  });

  it('takes a year the text states over one read from a rounded span', () => {
    const d = draft('天津市对口支援昌都市,已经持续进行了25年。\n1995年5月,天津市由此和昌都市结下了不解之缘。');
    const t = twinnings(d).find((x) => x.pair === '12→5403');
    expect(t).toMatchObject({ since: 1995 });
    expect(t).not.toHaveProperty('sinceQualifier');
  });
});

describe('aid stated without a pairing verb', () => {
  /** The supports of a draft as `supporter → recipient mode`, by code for places and name otherwise. */
  const supports = (d: Draft) => {
    const name = new Map(d.entities.map((e) => [e.id, e.code ?? e.nameZh ?? e.id]));
    return d.relationships.filter((r) => r.type === 'SUPPORTS').map((r) => `${name.get(r.from)}→${name.get(r.to)} ${String(r.properties?.mode)}`).sort();
  };

  it('reads an aid cadre holding a post in the recipient as an implied pairing (X援疆干部、Y县委书记)', () => {
    const d = draft('杭州市第九批援疆干部、阿克苏地区阿瓦提县副县长张明介绍了情况。无锡市援藏干部、拉萨市林周县副县长李强说。');
    expect(pairs(d)).toEqual(['3202→540121', '3301→652928']);
    expect(twinnings(d).every((t) => /implied/u.test(t.rule))).toBe(true);
    // A cadre of a place serving in that same place states nothing.
    expect(pairs(draft('成都市援藏干部、成都市教育局副局长王刚说。'))).toEqual([]);
  });

  it('reads X的援建者 and a topic (X援疆,…) in a sentence about one place; a township is supported, never twinned', () => {
    const d = draft('在青川县,浙江的援建者建起了新学校。汶川县映秀镇在广东援建者的手中换了新颜。');
    expect(pairs(d)).toEqual(['33→510822']);
    expect(supports(d).some((s) => s.startsWith('44→513221'))).toBe(true);
    // X援疆 as a sentence's topic, about the one place it names after (implied); two places, none.
    expect(pairs(draft('杭州援疆,以阿瓦提县青少年为重点,开展了研学活动。'))).toEqual(['3301→652928']);
    expect(pairs(draft('杭州援疆,在阿瓦提县和乌什县都建了学校。'))).toEqual([]);
    // Builders in a sentence naming two places say nothing about which.
    expect(pairs(draft('山东的援建者在北川和青川都建了学校。'))).toEqual([]);
  });

  it('gives what a clause builds, delivers or aids with its supporter left unsaid to the text\'s one supporter (implied)', () => {
    const unsaid = (d: Draft) => d.relationships.filter((r) => r.type === 'SUPPORTS' && /left unsaid/u.test(r.draft.rule))
      .map((r) => `${d.entities.find((e) => e.id === r.from)?.code}→${d.entities.find((e) => e.id === r.to)?.nameZh}`).sort();
    expect(unsaid(draft('宁波市对口支援黔西南州兴义市。兴义市人民医院、万峰林大桥等项目将于10月交付使用。'))).toEqual(['3302→兴义市人民医院']);
    expect(unsaid(draft('深圳市对口支援喀什地区塔什库尔干县。近三年,先后选派6批次医生支援塔什库尔干县人民医院。'))).toEqual(['4403→塔什库尔干县人民医院']);
    expect(unsaid(draft('广东省对口支援喀什地区疏附县和伽师县。今年的重点是疏附县人民医院门诊楼建设项目和伽师县职业技术学校实训楼工程。')))
      .toEqual(['44→伽师县职业技术学校', '44→疏附县人民医院']);
    const d = draft('深圳市对口支援喀什地区塔什库尔干县。近三年,先后选派6批次医生支援塔什库尔干县人民医院。');
    expect(d.relationships.find((r) => /left unsaid/u.test(r.draft.rule))?.properties).toMatchObject({ note: expect.stringMatching(/^implied/u) });
    // Two supporters with a pairing each: whose the hospital is, the text does not say.
    expect(unsaid(draft('杭州市对口支援阿克苏地区阿瓦提县。宁波市对口支援阿克苏地区乌什县。阿瓦提县人民医院将于9月建成。'))).toEqual([]);
    // The recipient alone, with no supporter in the text.
    expect(unsaid(draft('阿瓦提县人民医院将于9月建成。'))).toEqual([]);
    // The supporter's own hospital is no recipient of its aid; another supporter named before the clause is the clause's own.
    expect(unsaid(draft('杭州市对口支援阿瓦提县。杭州市第一人民医院新院区将于9月建成。'))).toEqual([]);
    expect(unsaid(draft('杭州市对口支援阿瓦提县和温宿县,宁波市对口支援乌什县。宁波援建的乌什县第一小学已建成,乌什县人民医院也于9月建成。'))).toEqual([]);
  });

  it('reads credit (这背后是X的支持), an agreement (A与B签署协议), a setting-up (在P设立W) and a visit to learn', () => {
    const d = draft('日喀则市人民医院建成了胸痛中心,这背后,是上海援藏医疗队的大力支持。');
    expect(supports(d)).toEqual(['31→日喀则市人民医院 MEDICAL_TEAM', '31→胸痛中心 MEDICAL_TEAM']);
    const a = draft('江苏省教育厅与拉萨市教育局签署教育帮扶协议。');
    expect(supports(a)).toContain('江苏省教育厅→拉萨市教育局 AGREEMENT');
    const s = draft('组织浙江大学、浙江工业大学等2所高校,在阿克苏地区设立远程教学点。');
    expect(supports(s)).toEqual(expect.arrayContaining(['浙江大学→远程教学点 HIGHER_EDUCATION', '浙江工业大学→远程教学点 HIGHER_EDUCATION']));
    const v = draft('今年5月,林周县卫生服务中心8名医生,赴无锡开展了为期一月的跟岗学习。');
    expect(supports(v)).toContain('3202→林周县卫生服务中心 TRAINING');
    // 援藏 before a noun (援藏项目, 援藏工作) modifies it and states no support between the names around it.
    expect(supports(draft('浙江援疆项目推进会在阿克苏地区召开。'))).toEqual([]);
  });
});

describe('a 兵团 division', () => {
  it('lies in the one Xinjiang prefecture its sentence names with it, cited; with two named, in none', () => {
    const d = draft('上海市对口支援喀什地区的莎车县、泽普县和新疆生产建设兵团农三师。');
    const division = d.entities.find((e) => e.kind === 'CorpsDivision')!;
    const located = d.relationships.filter((r) => r.type === 'LOCATED_IN' && r.from === division.id);
    expect(located.map((r) => r.to)).toEqual(['city:6531']);
    expect(located[0]!.citations[0]).toMatch(/喀什地区.*农三师/u);
    const two = draft('南疆的喀什地区、和田地区和新疆生产建设兵团农十四师。');
    expect(two.relationships.filter((r) => r.type === 'LOCATED_IN' && r.from.startsWith('corps-division:'))).toEqual([]);
  });
});

describe('programme', () => {
  const of = (text: string, code: string, phrase = '对口支援') => programmeOf(programmeWords(text), code, phrase, text)?.programme;
  it('reads the programme from the recipient\'s province and the text\'s words', () => {
    expect(of('对口支援', '540127')).toBe('programme:aid-tibet');
    expect(of('援疆工作', '653201')).toBe('programme:aid-xinjiang');
    expect(of('对口支援', '632701')).toBe('programme:aid-qinghai');
    expect(of('东西部协作', '6301', '帮扶')).toBe('programme:east-west-cooperation');
    expect(of('汶川地震灾后恢复重建', '510182', '援建')).toBe('programme:wenchuan-reconstruction');
    expect(of('一般合作', '510182', '援建')).toBeUndefined();
  });
});

describe('figures', () => {
  const read = (text: string) => findFigures(matchingCopy(text), sentencesOf(text), 2024).map((f) => [f.value, f.unit, f.qualifier]);
  it('reads Chinese multipliers, units and hedges', () => {
    expect(read('累计投入133亿多元,超过了30亿元,近80亿元,1300多个项目,约三千人,50%以上')).toEqual([
      [13_300_000_000, 'CNY', 'AT_LEAST'], [3_000_000_000, 'CNY', 'MORE_THAN'], [8_000_000_000, 'CNY', 'APPROXIMATELY'],
      [1300, 'count', 'AT_LEAST'], [3000, 'person', 'APPROXIMATELY'], [50, 'percent', 'AT_LEAST'],
    ]);
  });
  it('reads 10批次1021名 as two figures, and no figure in a place name, a slogan or months', () => {
    expect(read('选派10批次1021名干部')).toEqual([[10, 'batch', 'EXACT'], [1021, 'person', 'EXACT']]);
    expect(read('“三个一”工程用了8个月')).toEqual([]);
  });
  it('attaches a figure to the supporter of the pairing its sentence states', () => {
    const d = draft('今年,浙江省对口支援阿坝州资金总计8.2亿元。');
    expect(d.quantities[0]).toMatchObject({ subject: 'province:33', value: 820_000_000 });
  });
});

describe('quantities as validation reads them', () => {
  it('reads a quote\'s values the way the figure rules do: multipliers, unit scales, hedges, 半, numerals', () => {
    expect(statesValue('总面积18.5万平方公里', 1.85e11)).toBe(true);
    expect(statesValue('用了半年时间', 0.5)).toBe(true);
    expect(statesValue('捐资捐物1800余万元', 1.8e7)).toBe(true);
    expect(statesValue('援助资金30多亿元', 3e9)).toBe(true);
    expect(statesValue('震后两年', 2)).toBe(true);
    expect(statesValue('下降了12.5%', -12.5)).toBe(true);
    expect(statesValue('撥款1.5億元', 1.5e8)).toBe(true);
    expect(statesValue('共1,021名', 1021)).toBe(true);
    expect(statesValue('总面积18.5万平方公里', 18.6e10)).toBe(false);
    expect(statesValue('三年', 2)).toBe(false);
  });

  it('keeps through source add every drafted figure the gold annotation holds, and implied pairings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-add-figures-'));
    try {
      for (const c of devCases((id) => /^(05|14|15)-/u.test(id))) {
        const textFile = path.join(dir, `${c.id}.txt`);
        fs.writeFileSync(textFile, c.text);
        const drafted = draftFromText(c.text, c.meta).quantities
          .filter((q) => c.gold.figures.some((g) => g.unit === q.unit && Math.abs(g.value - q.value) <= 1e-9 * Math.abs(g.value)));
        expect(drafted.length, c.id).toBeGreaterThan(0);
        const report = addSource({ textFile, title: c.meta.title, publisher: c.meta.publisher, date: c.meta.publishedAt, id: c.meta.id, outDir: dir });
        expect(report.dropped.filter((d) => drafted.some((q) => q.id === d.id)), c.id).toEqual([]);
      }
      // An implied pairing is written with its quotes as evidence IMPLIES, so validation keeps it.
      const implied = path.join(dir, 'implied.txt');
      fs.writeFileSync(implied, '无锡市援藏干部、林周县副县长李强说,今年新建了三所学校。');
      const report = addSource({ textFile: implied, title: 't', publisher: 'p', date: '2024-01-01', id: 'implied', outDir: dir });
      expect(report.dropped).toEqual([]);
      const written = readRecords(path.join(dir, 'implied'), 'relationships').find((r) => r.type === 'TWINNED_WITH');
      expect(written?.citations).toEqual([{ quote: '无锡市援藏干部、林周县副县长李强说,今年新建了三所学校', evidence: 'IMPLIES' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('institutions and people', () => {
  const institutions = (text: string) => {
    const mt = matchingCopy(text);
    return findInstitutions(mt, sentencesOf(text), places.find(text, mt)).map((m) => m.name);
  };
  it('reads institutions by their ending, not endings inside other words', () => {
    expect(institutions('援建了富林镇中心小学和平武县人民医院,优化产业布局。')).toEqual(['富林镇中心小学', '平武县人民医院']);
    expect(institutions('援建松潘县的医疗中心、综合社会福利院。')).toEqual(['松潘县医疗中心', '松潘县综合社会福利院']);
  });
  it('reads people by role, in traditional characters too, in credit lines, and a name the text repeats', () => {
    const people = (text: string) => findPeople(matchingCopy(text), sentencesOf(text), () => false).map((p) => p.name);
    expect(people('市長王建軍在會上講話。')).toEqual(['王建军']);
    expect(people('(记者/张明华 李小红 编辑/赵刚)')).toEqual(['张明华', '李小红', '赵刚']);
    expect(people('一到村里,管晓岚就去了学校。后来,管晓岚又来了。')).toEqual(['管晓岚']);
    expect(people('一到村里,管晓岚就去了学校。')).toEqual([]); // once is not enough
  });
});

describe('review', () => {
  it('shows a quote where it stands, with the names marked', () => {
    const text = '前面的话。上海援建都江堰市的医疗中心。后面的话。';
    expect(inContext(text, '上海援建都江堰市的医疗中心', ['上海', '都江堰市'], 6)).toBe('前面的话。⟦【上海】援建【都江堰市】的医疗中心⟧。后面的话。');
    expect(inContext(text, '上海援建都江堰市的医疗中心', [], 3)).toBe('…的话。⟦上海援建都江堰市的医疗中心⟧。后面…');
  });
});

describe('bad input', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-bad-input-'));
  const file = (name: string, bytes: Buffer | string) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); return f; };
  const add = (textFile: string) => addSource({ textFile, title: 't', publisher: 'p', date: '2024-01-01', id: 'bad', outDir: path.join(dir, 'out') });

  it('refuses empty, binary, GBK and over-long texts, saying what to do, and writes nothing', () => {
    expect(() => add(file('empty.txt', ''))).toThrow(/is empty/u);
    expect(() => add(file('blank.txt', '  \n '))).toThrow(/is empty/u);
    expect(() => add(file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])))).toThrow(/not text/u);
    // 对口支援 in GBK: not UTF-8.
    expect(() => add(file('gbk.txt', Buffer.from([0xb6, 0xd4, 0xbf, 0xda, 0xd6, 0xa7, 0xd4, 0xae])))).toThrow(/not UTF-8: convert it first, e\.g\. iconv -f GBK -t UTF-8/u);
    expect(() => add(file('lost.txt', '对口支援\uFFFD\uFFFD'))).toThrow(/replacement characters/u);
    expect(() => add(file('long.txt', '援'.repeat(MAX_CHARACTERS + 1)))).toThrow(/at most 500,000/u);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('reads a UTF-8 text with a byte-order mark as the text without it', () => {
    expect(readSourceText(file('bom.txt', '\uFEFF上海援建都江堰'))).toBe('上海援建都江堰');
  });
});
