// The English name of an official place: a proper name (from an open dataset where one carries it,
// else the pinyin of the Chinese stem) followed by the English words for its ethnic designation and
// its level, read off the Chinese name: 海北藏族自治州 → "Haibei Tibetan Autonomous Prefecture",
// 北川羌族自治县 → "Beichuan Qiang Autonomous County", 巴青县 → "Baqen County" (with the dataset's
// "Baqen") or "Baqing County" (derived). A city's English name is the proper name alone (Lhasa).
import { joinSyllables } from './place-pinyin.js';
import { nameSyllables, pinyinSyllables } from './search-keys.js';

/** Level words, longest Chinese first; `null` where English writes the proper name alone (cities). */
const LEVEL_WORD_LIST: Array<[zh: string, en: string | null]> = [
  ['特别行政区', 'Special Administrative Region'],
  ['社区居民委员会', 'Community'], ['社区居委会', 'Community'], ['居民委员会', 'Community'], ['居委会', 'Community'],
  ['嘎查村委会', 'Gacha'], ['村民委员会', 'Village'], ['村委会', 'Village'],
  ['街道办事处', 'Subdistrict'],
  ['自治区', 'Autonomous Region'], ['自治州', 'Autonomous Prefecture'], ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'], ['民族乡', 'Ethnic Township'], ['民族镇', 'Ethnic Town'],
  ['林区', 'Forestry District'], ['特区', 'Special District'], ['地区', 'Prefecture'], ['新区', 'New Area'],
  ['街道', 'Subdistrict'], ['社区', 'Community'], ['嘎查', 'Gacha'], ['苏木', 'Sumu'],
  ['省', 'Province'], ['市', null], ['县', 'County'], ['区', 'District'], ['旗', 'Banner'], ['盟', 'League'],
  ['镇', 'Town'], ['乡', 'Township'], ['村', 'Village'],
];
const LEVEL_WORDS = [...LEVEL_WORD_LIST].sort((a, b) => b[0].length - a[0].length);

/**
 * The peoples named in autonomous places, in the English the State Council's own translations use
 * (Uygur, Zhuang, Hui, Tibetan …). Longest first, so 蒙古族 is read before 古族 could be.
 */
const PEOPLE_LIST: Array<[zh: string, en: string]> = [
  ['维吾尔', 'Uygur'], ['哈萨克', 'Kazak'], ['柯尔克孜', 'Kirgiz'], ['塔吉克', 'Tajik'], ['锡伯', 'Xibe'],
  ['蒙古', 'Mongol'], ['藏', 'Tibetan'], ['羌', 'Qiang'], ['彝', 'Yi'], ['回', 'Hui'], ['壮', 'Zhuang'],
  ['土家', 'Tujia'], ['苗', 'Miao'], ['布依', 'Bouyei'], ['侗', 'Dong'], ['白', 'Bai'], ['傣', 'Dai'],
  ['景颇', 'Jingpo'], ['傈僳', 'Lisu'], ['哈尼', 'Hani'], ['朝鲜', 'Korean'], ['土', 'Tu'], ['撒拉', 'Salar'],
  ['满', 'Manchu'], ['黎', 'Li'], ['瑶', 'Yao'], ['畲', 'She'], ['仡佬', 'Gelao'], ['水', 'Sui'], ['纳西', 'Naxi'],
  ['拉祜', 'Lahu'], ['佤', 'Va'], ['布朗', 'Blang'], ['怒', 'Nu'], ['普米', 'Pumi'], ['独龙', 'Derung'],
  ['东乡', 'Dongxiang'], ['保安', 'Bonan'], ['裕固', 'Yugur'], ['达斡尔', 'Daur'], ['鄂温克', 'Ewenki'],
  ['鄂伦春', 'Oroqen'], ['毛南', 'Maonan'], ['仫佬', 'Mulao'], ['各', 'Multi-Ethnic'],
];
const PEOPLES = [...PEOPLE_LIST].sort((a, b) => b[0].length - a[0].length);

export interface NameParts { stem: string; peoples: string[]; level: string | null; levelZh: string }

/** The proper part, the peoples and the level of an official name: 海北藏族自治州 → 海北, [Tibetan], Autonomous Prefecture. */
export function nameParts(nameZh: string): NameParts {
  let rest = nameZh;
  let level: string | null = null;
  let levelZh = '';
  for (const [zh, en] of LEVEL_WORDS) {
    if (rest.length > zh.length && rest.endsWith(zh)) { rest = rest.slice(0, -zh.length); level = en; levelZh = zh; break; }
  }
  const peoples: string[] = [];
  // Peoples stand between the stem and an autonomous level: 海西蒙古族藏族自治州, 新疆维吾尔自治区.
  if (levelZh.startsWith('自治') || levelZh === '民族乡' || levelZh === '民族镇') {
    for (;;) {
      const found = PEOPLES.find(([zh]) => rest.endsWith(`${zh}族`) && rest.length > zh.length + 2)
        ?? PEOPLES.find(([zh]) => zh.length > 1 && rest.endsWith(zh) && rest.length > zh.length + 1);
      if (!found) break;
      const cut = rest.endsWith(`${found[0]}族`) ? found[0].length + 1 : found[0].length;
      peoples.unshift(found[1]);
      rest = rest.slice(0, -cut);
    }
  }
  return { stem: rest, peoples, level, levelZh };
}

const properCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The stem in pinyin as one proper name: 日喀则 → "Rikaze", 六安 → "Lu'an", 吕梁 → "Lüliang". */
export function pinyinStem(stemZh: string, nameZh?: string): string {
  // The whole name's syllables, read in context and remembered, when the stem begins it.
  const all = nameZh?.startsWith(stemZh) ? nameSyllables(nameZh) : null;
  const syllables = all && nameZh && all.length === [...nameZh].length ? all.slice(0, [...stemZh].length) : pinyinSyllables(stemZh);
  return properCase(joinSyllables(syllables).replace(/v/g, 'ü'));
}

/** Official names that are not a place's name but a heading of the list, in English. */
const HEADINGS: Record<string, string> = {
  市辖区: 'Municipal Districts',
  县: 'Counties',
  省直辖县级行政区划: 'County-level Divisions under the Province',
  自治区直辖县级行政区划: 'County-level Divisions under the Autonomous Region',
};

/** Whether an official name is a heading of the list (市辖区), not a place with a seat of its own. */
export const isListHeading = (nameZh: string): boolean => nameZh in HEADINGS;

/**
 * The English name: the proper name (`properName`, from a dataset, else the stem's pinyin) with the
 * peoples and the level word. A one-character stem keeps its level in pinyin too (索县 → "Suo County").
 */
export function englishName(nameZh: string, properName?: string, parts = nameParts(nameZh)): string {
  const heading = HEADINGS[nameZh];
  if (heading) return heading;
  const { stem, peoples, level } = parts;
  const tail = englishTail(peoples, level);
  const proper = properName ?? pinyinStem(stem, nameZh);
  return tail ? `${proper} ${tail}` : proper;
}

/** The English words that follow the proper name: "Tibetan and Qiang Autonomous Prefecture". */
function englishTail(peoples: string[], level: string | null): string {
  // Two peoples or more: "Aba Tibetan and Qiang Autonomous Prefecture", as the official translations write.
  const people = peoples.length > 1 ? `${peoples.slice(0, -1).join(', ')} and ${peoples.at(-1)}` : peoples[0];
  return [...(people ? [people] : []), ...(level ? [level] : [])].join(' ');
}

/**
 * The English names a place is searched by besides its full name: the proper name alone and with
 * the short level word, so "Beichuan", "Beichuan County", "Yushu Prefecture" and "Haibei" find
 * 北川羌族自治县, 玉树藏族自治州 and 海北藏族自治州.
 */
export function englishSearchNames(nameZh: string, name: string, parts = nameParts(nameZh)): string[] {
  if (HEADINGS[nameZh]) return [];
  const { peoples, level } = parts;
  const tail = englishTail(peoples, level);
  const proper = tail && name.endsWith(` ${tail}`) ? name.slice(0, -tail.length - 1) : name;
  const short = level?.split(' ').at(-1);
  return [...new Set([proper, ...(short ? [`${proper} ${short}`] : [])])].filter((n) => n !== name);
}
