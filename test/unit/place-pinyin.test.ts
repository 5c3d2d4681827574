// Place-name readings (src/domain/place-pinyin.ts) against the whole official list: every entry of
// the table occurs in it, and every name holding a corrected word or character reads as the table
// says, at every level down to townships and in every village name that holds one.
import { describe, expect, it } from 'vitest';
import { gazetteerEdition, readLevel } from '../../src/gazetteer/division-list.js';
import { DIVISION_LEVELS } from '../../src/domain/division-codes.js';
import { joinSyllables, PLACE_CHARACTER_READINGS, PLACE_WORD_READINGS } from '../../src/domain/place-pinyin.js';
import { pinyinName, pinyinSyllables, searchKeys } from '../../src/domain/search-keys.js';

const edition = gazetteerEdition();
const words = Object.keys(PLACE_WORD_READINGS);
const chars = Object.keys(PLACE_CHARACTER_READINGS);
const touched = new RegExp(`[${chars.join('')}]|${words.join('|')}`);
/** Every name down to townships, and the village names that hold a corrected word or character. */
const names = [
  ...DIVISION_LEVELS.slice(0, 4).flatMap((level) => readLevel(edition, level).map((r) => r.nameZh)),
  ...readLevel(edition, DIVISION_LEVELS[4]).map((r) => r.nameZh).filter((n) => touched.test(n)),
];

describe('place-name readings, against the official list', () => {
  it('reads the names the issue names as their places are spelt', () => {
    const spelt: Array<[string, string]> = [
      ['喀什地区', 'Kashi Diqu'], ['什邡市', 'Shifang Shi'], ['乐清市', 'Yueqing Shi'], ['单县', 'Shan Xian'],
      ['洪洞县', 'Hongtong Xian'], ['蚌埠市', 'Bengbu Shi'], ['六安市', "Lu'an Shi"], ['丽水市', 'Lishui Shi'],
      ['番禺区', 'Panyu Qu'], ['郫都区', 'Pidu Qu'], ['于都县', 'Yudu Xian'], ['都匀市', 'Duyun Shi'],
      ['柏乡县', 'Baixiang Xian'], ['尉犁县', 'Yuli Xian'], ['珲春市', 'Hunchun Shi'], ['称多县', 'Chenduo Xian'],
      ['阿图什市', 'Atushi Shi'], ['康巴什区', 'Kangbashi Qu'], ['乐都区', 'Ledu Qu'], ['长安区', "Chang'an Qu"],
      ['重庆市', 'Chongqing Shi'], ['厦门市', 'Xiamen Shi'], ['铅山县', 'Yanshan Xian'], ['吐鲁番市', 'Tulufan Shi'],
    ];
    expect(spelt.map(([zh]) => [zh, pinyinName(zh)])).toEqual(spelt);
    expect(searchKeys(['喀什地区'])).toEqual(expect.arrayContaining(['kashi', 'kashidiqu']));
    expect(joinSyllables(['xi', 'an'])).toBe("xi'an");
    // Other characters in a name are one piece each run, and the readings still land on their characters.
    expect(pinyinSyllables('松柏村委会（德惠经济开发区）')).toEqual(['song', 'bai', 'cun', 'wei', 'hui', '（', 'de', 'hui', 'jing', 'ji', 'kai', 'fa', 'qu', '）']);
  });

  it('finds every entry of the table in some name of the list', () => {
    const unused = [...words, ...chars].filter((w) => !names.some((n) => n.includes(w)));
    expect(unused).toEqual([]);
  });

  it(`reads every name that holds a corrected word or character (${names.length.toLocaleString('en')} names) the place's way`, () => {
    const wrong: string[] = [];
    let checked = 0;
    // A name with other characters in it is checked run by run of Han characters.
    for (const name of names.flatMap((n) => n.match(/\p{Script=Han}+/gu) ?? [])) {
      if (!touched.test(name)) continue;
      checked += 1;
      const syllables = pinyinSyllables(name);
      const expected = [...name].map(() => null as string | null);
      for (const [c, i] of [...name].map((c, i) => [c, i] as const)) expected[i] = PLACE_CHARACTER_READINGS[c] ?? null;
      for (const word of words.sort((a, b) => a.length - b.length)) {
        for (let at = name.indexOf(word); at !== -1; at = name.indexOf(word, at + 1)) {
          PLACE_WORD_READINGS[word]!.split(' ').forEach((r, k) => { expected[at + k] = r; });
        }
      }
      if (syllables.length !== [...name].length) { wrong.push(`${name}: ${syllables.join(' ')}`); continue; }
      if (expected.some((r, i) => r !== null && syllables[i] !== r)) wrong.push(`${name}: ${syllables.join(' ')}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1_000);
  });
});
