// How names are compared in search: case, width (全角/半角), spaces, punctuation and tone marks do
// not matter, so "Amdo County", "amdo-county" and "ＡＭＤＯ county" are one key, and a Chinese name
// is also found by its pinyin ("anduoxian", "An Duo Xian") and by its short form (安多, anduo).
// Tibetan and Uyghur names are keys as written, in Unicode's compatibility form (NFKC).
import { pinyin } from 'pinyin-pro';
import { joinSyllables, withPlaceReadings } from './place-pinyin.js';

/**
 * What the keys are made of besides the names: bump it when `normalizeName` or `searchKeys` change
 * what they make from the same name, so a stored gazetteer rewrites its keys (gazetteer/load.ts).
 */
export const SEARCH_KEY_RULES = 2;

/**
 * A name as a key. Marks are dropped only from Latin letters (tone marks and diacritics: ā → a,
 * Ü → u); in Tibetan and Arabic script a mark is part of the letter or syllable (ལྷ's subjoined ha
 * and vowel signs, ئ's hamza), and dropping it made distinct names one key. NFKC folds the
 * presentation forms older Uyghur text is stored in (ﻗ → ق, ﯪ → ئا) and composes ي + hamza as ئ;
 * the tatweel (ـ) and zero-width joiners only stretch or join letters, so they go with spaces and
 * punctuation (Tibetan's tsheg ་ and shad ། are punctuation).
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}\u0640]+/gu, '');
}

const HAN = /\p{Script=Han}/u;
/** A stem and the peoples after it: 海西蒙古族藏族 → 海西. */
const PEOPLES_AFTER = /^(\p{Script=Han}{2,}?)(?:\p{Script=Han}{1,3}族)+$/u;

/**
 * Generic terms that end official names, longest first: 安多县 is 安多 + 县. People often drop them
 * (那曲 for 那曲市), and standard pinyin spelling writes them as a word of their own (Anduo Xian).
 */
const GENERIC_SUFFIXES = [
  '特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '自治旗', '民族乡', '民族镇',
  '社区居民委员会', '社区居委会', '村民委员会', '居民委员会', '村委会', '居委会', '街道办事处', '嘎查村委会',
  '林区', '特区', '地区', '新区', '街道', '社区', '嘎查', '苏木',
  '省', '市', '县', '区', '旗', '盟', '镇', '乡', '村',
].sort((a, b) => b.length - a.length);

/**
 * A Chinese name as its proper part and its generic term: 安多县 → [安多, 县]; 西藏 → [西藏, ''].
 * A stem shorter than `minStem` stays whole: 索 alone is no name anyone searches by.
 */
export function splitGeneric(nameZh: string, minStem = 2): [stem: string, generic: string] {
  for (const s of GENERIC_SUFFIXES) {
    if (nameZh.length >= s.length + minStem && nameZh.endsWith(s)) return [nameZh.slice(0, -s.length), s];
  }
  return [nameZh, ''];
}

/**
 * Toneless pinyin syllables of a Chinese text, with place names read as places (喀什 ka shi);
 * other characters pass through as one piece.
 */
export function pinyinSyllables(text: string): string[] {
  return withPlaceReadings(text, pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }));
}

/**
 * A name's stem and generic term with the pinyin of each, from one conversion of the whole name
 * (so 长安区 reads chang'an in context) and remembered: 620,573 village names repeat a lot.
 */
interface NameForms { stem: string; generic: string; stemPinyin: string[]; genericPinyin: string[] }
const syllablesMemo = new Map<string, string[]>();
/** The syllables of a whole name, remembered (its English and pinyin names and its keys all read them). */
export function nameSyllables(nameZh: string): string[] {
  let all = syllablesMemo.get(nameZh);
  if (!all) {
    all = pinyinSyllables(nameZh);
    if (syllablesMemo.size > 400_000) syllablesMemo.clear();
    syllablesMemo.set(nameZh, all);
  }
  return all;
}
function nameForms(nameZh: string, minStem: number): NameForms {
  const [stem, generic] = splitGeneric(nameZh, minStem);
  const all = nameSyllables(nameZh);
  const cut = [...stem].length;
  return all.length === [...nameZh].length // every character one syllable: split by position
    ? { stem, generic, stemPinyin: all.slice(0, cut), genericPinyin: all.slice(cut) }
    : { stem, generic, stemPinyin: pinyinSyllables(stem), genericPinyin: generic ? pinyinSyllables(generic) : [] };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A readable Latin name for a Chinese place name, stem joined and generic apart: 扎仁镇 → "Zharen Zhen". */
export function pinyinName(nameZh: string): string {
  const { stemPinyin, genericPinyin } = nameForms(nameZh, 1); // 索县 → Suo Xian, 六安市 → Lu'an Shi
  return [joinSyllables(stemPinyin), joinSyllables(genericPinyin)].filter(Boolean).map(capitalize).join(' ');
}

/**
 * Every key a name can be searched by: the normalised name, and for Chinese names their short form,
 * and the pinyin of both.
 */
export function searchKeys(names: Array<string | null | undefined>): string[] {
  const keys: string[] = [];
  for (const name of names) {
    if (!name) continue;
    keys.push(normalizeName(name));
    if (!HAN.test(name)) continue;
    const { stem, generic, stemPinyin, genericPinyin } = nameForms(name.trim(), 2);
    if (generic) keys.push(normalizeName(stem));
    keys.push(normalizeName([...stemPinyin, ...genericPinyin].join('')));
    if (generic) keys.push(normalizeName(stemPinyin.join('')));
    // An autonomous place is known by its name without its peoples: 北川羌族自治县 as 北川, Beichuan.
    const bare = generic.startsWith('自治') || generic.startsWith('民族') ? PEOPLES_AFTER.exec(stem) : null;
    if (bare) keys.push(normalizeName(bare[1]!), normalizeName(stemPinyin.slice(0, [...bare[1]!].length).join('')));
  }
  return [...new Set(keys.filter(Boolean))];
}

/**
 * The keys as one string for the text index: `|key|key|`. A key equal to the query is `|q|`, a key
 * starting with it `|q`, so one CONTAINS seek serves exact, prefix and substring matches.
 */
export const SEARCH_KEY_SEPARATOR = '|';
export function searchText(keys: string[]): string {
  return `${SEARCH_KEY_SEPARATOR}${keys.join(SEARCH_KEY_SEPARATOR)}${SEARCH_KEY_SEPARATOR}`;
}
