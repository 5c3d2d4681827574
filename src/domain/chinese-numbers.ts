// How Chinese texts write quantities, read one way for the whole project: numerals (四千, 两),
// the multipliers 万 and 亿 (also after a hedge: 1800余万), 半 (半年), and the unit words with the
// seed unit each means and what it scales by (26.7万平方公里 is 2.67×10¹¹ m²). The drafting rules
// read figures with it, and validation reads a quote with it to check that the quote states its figure.
import type { Unit } from './vocabulary.js';

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral below ten thousand is written with. */
export const ZH_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百千';

/** The value of a Chinese numeral below ten thousand (四千 → 4000, 十 → 10, 二十三 → 23); undefined if it is not one. */
export function chineseNumber(text: string): number | undefined {
  if (!text || ![...text].every((c) => c in ZH_DIGITS || c in ZH_UNITS)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c in ZH_DIGITS) {
      if (digit !== undefined) return undefined; // 四五: a range, not a number
      digit = ZH_DIGITS[c]!;
    } else {
      total += (digit ?? 1) * ZH_UNITS[c]!;
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

/** 万 and 亿 (and their traditional forms) as multipliers. */
export const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Units as written, longest first, with the seed unit and what the unit word scales the number by. */
export const UNIT_WORDS: ReadonlyArray<readonly [string, Unit, number?]> = ([
  ['平方公里', 'm2', 1e6], ['平方米', 'm2'], ['亿元', 'CNY', 1e8], ['万元', 'CNY', 1e4], ['元', 'CNY'], ['公里', 'km'], ['千米', 'km'],
  ['米', 'm'], ['海拔', 'm'], ['%', 'percent'], ['％', 'percent'], ['人次', 'person'], ['人', 'person'], ['名', 'person'], ['位', 'person'],
  ['批次', 'batch'], ['批', 'batch'], ['套', 'set'], ['台', 'set'], ['天', 'day'], ['日', 'day'], ['年来', 'year'], ['年', 'year'], ['载', 'year'],
  ['个', 'count'], ['家', 'count'], ['座', 'count'], ['所', 'count'], ['场', 'count'], ['次', 'count'], ['项', 'count'], ['件', 'count'],
  ['处', 'count'], ['条', 'count'], ['间', 'count'], ['大', 'count'], ['方面', 'count'], ['市', 'count'], ['户', 'count'], ['栋', 'count'],
  ['县', 'count'], ['镇', 'count'], ['乡', 'count'], ['村', 'count'], ['省', 'count'],
] satisfies Array<[string, Unit, number?]>).sort((a, b) => b[0].length - a[0].length);

/** Hedges that stand between a number and its multiplier or unit (1800余万元, 30多亿). */
const INNER_HEDGE = /^(余|多)/u;
const STATED = new RegExp(`(\\d+(?:\\.\\d+)?|[${ZH_NUMERAL_CHARS}]+|半(?=年))`, 'gu');

/**
 * Every value a text states, in each reading a figure may have been taken in: the number alone, with
 * its multiplier, and with its unit word's scale (1.5亿元 → 1.5, 1.5×10⁸; 26.7万平方公里 → 26.7,
 * 2.67×10⁵, 2.67×10¹¹; 半年 → 0.5). Numbers split by thousands separators are read whole (1,021).
 */
export function statedValues(text: string): number[] {
  const plain = text.normalize('NFKC').replace(/(\d),(?=\d{3}\b)/gu, '$1').replace(/\s+/gu, '');
  const out = new Set<number>();
  for (const m of plain.matchAll(STATED)) {
    const digits = m[1]!;
    const value = digits === '半' ? 0.5 : /\d/u.test(digits) ? Number(digits) : chineseNumber(digits);
    if (value === undefined) continue;
    let at = m.index + digits.length;
    at += INNER_HEDGE.exec(plain.slice(at))?.[0].length ?? 0;
    const multiplier = MULTIPLIERS[plain[at] ?? ''] ?? 1;
    if (multiplier > 1) at++;
    at += INNER_HEDGE.exec(plain.slice(at))?.[0].length ?? 0;
    const scale = UNIT_WORDS.find(([w]) => plain.startsWith(w, at))?.[2] ?? 1;
    for (const v of [value, value * multiplier, value * multiplier * scale]) out.add(Number(v.toPrecision(12)));
  }
  return [...out];
}

/** Whether a text states a value (a change's sign is the verb's, not the numeral's). */
export function statesValue(text: string, value: number): boolean {
  const v = Math.abs(value);
  return statedValues(text).some((s) => Math.abs(s - v) <= 1e-9 * Math.max(1, v));
}
