// The official list as data, names people type, and seeds checked against the list: no database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIVISION_LEVELS, recordText } from '../../src/domain/division-codes.js';
import { gazetteerEdition, readLevel } from '../../src/gazetteer/division-list.js';
import { gazetteerPlaceProps } from '../../src/gazetteer/place-props.js';
import { normalizeName, pinyinName, searchKeys, splitGeneric } from '../../src/domain/search-keys.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SeedValidationError } from '../../src/ingest/dataset.js';
import { writeGazetteerFixture } from '../helpers/gazetteer-fixture.js';
import { FIXTURE_SOURCE } from '../helpers/seed-fixtures.js';

describe('the division list in node_modules', () => {
  it('holds 665,276 places in five levels, each record rebuilt exactly from its code and name', () => {
    const edition = gazetteerEdition();
    const counts = DIVISION_LEVELS.map((l) => readLevel(edition, l).length); // readLevel refuses a record it cannot rebuild
    expect(counts).toEqual([31, 342, 2_978, 41_352, 620_573]);
    const zharen = readLevel(edition, DIVISION_LEVELS[3], ['54']).find((r) => r.code === '540624102')!;
    expect(zharen).toMatchObject({ nameZh: '扎仁镇', parentCode: '540624', kind: 'TOWNSHIP' });
    expect(recordText('540624102', '扎仁镇')).toBe(zharen.record);
    const file = fs.readFileSync(path.join(edition.dir, 'streets.csv'), 'utf8');
    expect(file).toContain(`\n${zharen.record}\n`);
  });
});

/** The isolated presentation form Unicode gives a letter (U+FB50–U+FEFF), found by its compatibility mapping. */
function isolatedForm(letter: string): string | undefined {
  for (let cp = 0xfb50; cp <= 0xfeff; cp++) {
    const form = String.fromCodePoint(cp);
    if (form !== letter && form.normalize('NFKC') === letter) return form;
  }
  return undefined;
}

describe('names people type', () => {
  it('splits the generic term and spells the rest in pinyin', () => {
    expect(splitGeneric('安多县')).toEqual(['安多', '县']);
    expect(splitGeneric('索县')).toEqual(['索县', '']); // a one-character stem stays whole
    expect(splitGeneric('西藏自治区')).toEqual(['西藏', '自治区']);
    expect(pinyinName('扎仁镇')).toBe('Zharen Zhen');
    expect(pinyinName('那曲市')).toBe('Naqu Shi');
    expect(pinyinName('多福巷社区居委会')).toBe('Duofuxiang Shequjuweihui');
  });

  it('searches with or without spaces, tones and the generic term', () => {
    const keys = searchKeys(['Amdo County', '安多县']);
    expect(keys).toEqual(expect.arrayContaining(['amdocounty', '安多县', '安多', 'anduoxian', 'anduo']));
    for (const typed of ['An Duo Xian', 'Ānduō', 'ANDUO', 'an-duo']) expect(keys).toContain(normalizeName(typed));
  });

  it('gives a place only the list knows its id, English and pinyin names and search keys', () => {
    const props = gazetteerPlaceProps({ code: '540624102', nameZh: '扎仁镇', parentCode: '540624', kind: 'TOWNSHIP', record: '' });
    expect(props).toEqual({
      id: 'place:540624102', kind: 'TOWNSHIP', name: 'Zharen Town', nameZh: '扎仁镇', code: '540624102', searchText: expect.any(String),
    });
    expect(props.searchText).toBe('|zharentown|扎仁镇|扎仁|zharenzhen|zharen|');
    // A place a dataset names is named as the dataset does, and found by its pinyin too.
    const lhasa = gazetteerPlaceProps({ code: '5401', nameZh: '拉萨市', parentCode: '54', kind: 'CITY', record: '' });
    // and by its names in Tibetan script, as written less the tsheg and shad (ལྷ་ས། → ལྷས).
    expect(lhasa).toMatchObject({ name: 'Lhasa', searchText: '|lhasa|拉萨市|拉萨|lasashi|lasa|ལས|ལྷས|' });
  });

  it('keeps the marks of Tibetan and Arabic letters, and folds what only encodes them differently', () => {
    // A Tibetan vowel sign or subjoined letter is part of the syllable: ལྷ་ས། (Lhasa) is not ལ་ས།, nor ཆུ ཆ.
    expect(normalizeName('ལྷ་ས།')).not.toBe(normalizeName('ལ་ས།'));
    expect(normalizeName('ཆུ')).not.toBe(normalizeName('ཆ'));
    // ئ (yeh with hamza) is one letter, typed whole or as ي and a combining hamza; it is not ي.
    const urumqi = 'ئۈرۈمچى';
    expect(normalizeName(urumqi)).not.toBe(normalizeName(urumqi.replace('ئ', 'ي')));
    expect(normalizeName(urumqi.replace('ئ', 'ي\u0654'))).toBe(normalizeName(urumqi));
    // Presentation forms (older Uyghur text), a tatweel and a zero-width non-joiner fold away.
    const kashgar = 'قەشقەر';
    const presentation = [...kashgar].map((c) => isolatedForm(c) ?? c).join('');
    expect(presentation).not.toBe(kashgar);
    expect(normalizeName(presentation)).toBe(normalizeName(kashgar));
    expect(normalizeName('قەش\u0640قەر')).toBe(normalizeName(kashgar));
    expect(normalizeName('قەش\u200cقەر')).toBe(normalizeName(kashgar));
    // Latin letters still lose their marks.
    expect(normalizeName('Ürümqi')).toBe('urumqi');
  });
});

describe('seed places checked against the list', () => {
  const edition = writeGazetteerFixture('1.0.0');
  const seeds = (entities: string, relationships = '') => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'aidgraph-seeds-'));
    fs.mkdirSync(path.join(dir, 'fixture'));
    fs.writeFileSync(path.join(dir, 'fixture', 'source.yaml'), FIXTURE_SOURCE);
    fs.writeFileSync(path.join(dir, 'fixture', 'entities.yaml'), entities);
    fs.writeFileSync(path.join(dir, 'fixture', 'relationships.yaml'), relationships);
    return dir;
  };
  const place = (id: string, kind: string, nameZh: string, code: string) =>
    `- id: ${id}\n  kind: ${kind}\n  name: ${id}\n  nameZh: ${nameZh}\n  code: "${code}"\n  citations: [${nameZh}]\n`;
  const reasons = (dir: string) => {
    try { loadSeedFolders(dir, edition); } catch (err) {
      if (err instanceof SeedValidationError) return err.issues.map((i) => `${i.field}: ${i.reason}`);
      throw err;
    }
    return [];
  };

  it('accepts a place with its own code, name and the list\'s PART_OF', () => {
    const dir = seeds(place('county:bing', 'District', '丙县', '990101') + place('city:jia', 'City', '甲市', '9901'),
      '- id: part-of:990101\n  type: PART_OF\n  from: county:bing\n  to: city:jia\n  citations: [甲市丙县]\n');
    const data = loadSeedFolders(dir, edition);
    expect(data.entities.find((e) => e.id === 'county:bing')!.props).toMatchObject({ code: '990101', kind: 'DISTRICT' });
  });

  it('refuses a hierarchy the list contradicts, naming both', () => {
    const dir = seeds(place('county:bing', 'District', '丙县', '990101') + place('city:yi', 'City', '乙市', '9902'),
      '- id: part-of:990101\n  type: PART_OF\n  from: county:bing\n  to: city:yi\n  citations: [乙市丙县]\n');
    expect(reasons(dir)).toEqual([expect.stringMatching(/^to: the seed puts county:bing \(990101\) in city:yi \(9902\); .* puts it in 9901: 990101,"丙县",9901,99$/)]);
  });

  it('refuses an unknown code, a code of another level, another name, a code held twice, and an unofficial PART_OF id', () => {
    expect(reasons(seeds(place('county:x', 'District', '某县', '990109')))).toEqual([expect.stringMatching(/^code: code 990109 is not in/)]);
    expect(reasons(seeds(place('city:bing', 'City', '丙县', '990101')))).toEqual([expect.stringMatching(/is a DISTRICT in .*, not a CITY/)]);
    expect(reasons(seeds(place('county:bing', 'District', '丁县', '990101')))).toEqual([expect.stringMatching(/^nameZh: code 990101 is 丙县/)]);
    expect(reasons(seeds(place('county:bing', 'District', '丙县', '990101') + place('county:bing2', 'District', '丙县', '990101'))))
      .toEqual([expect.stringMatching(/already county:bing: no place may exist twice/)]);
    const dir = seeds(place('county:bing', 'District', '丙县', '990101') + place('city:jia', 'City', '甲市', '9901'),
      '- id: part-of:bing--jia\n  type: PART_OF\n  from: county:bing\n  to: city:jia\n  citations: [甲市丙县]\n');
    expect(reasons(dir)).toEqual(['id: this is the official list\'s own PART_OF: give it the id "part-of:990101"']);
  });
});
