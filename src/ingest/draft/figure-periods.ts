// When a figure holds: the period its sentence gives it, read the ways this domain dates a figure.
//   - as of a date: 截至2010年4月20日, 到4月30日 (the text's year), a report's dateline (12日,记者…), or
//     the text's own date for what holds now (如今, 目前);
//   - since a start: 自1994年…以来, 2010年以来, 党的十八大以来 (the congress's year), N年来 (as of the
//     text's year), the figure a span of N年来 or 持续进行了N年 itself;
//   - a year: N年前 (as of the text's year), the year the sentence states before the figure (not one in
//     parentheses, which notes a name: 玉树市(2013年撤县设市)), a date without a year (4月12日: the
//     text's), a headline that opens with its year (2024江苏…).
// A figure whose sentence dates nothing has no period: the text's date is not the figure's; nor has the
// value a change starts from (由当初的500元增加到…).
import { chineseNumber } from '../../domain/chinese-numbers.js';

export interface Period { year?: number; since?: number; asOf?: string }

/** The years of the Party congresses a text dates from (党的十八大以来). */
const CONGRESS_YEARS: Record<string, number> = { 十五大: 1997, 十六大: 2002, 十七大: 2007, 十八大: 2012, 十九大: 2017, 二十大: 2022 };

const pad = (n: number) => String(n).padStart(2, '0');
const count = (s: string) => (/\d/u.test(s) ? Number(s) : chineseNumber(s));

/**
 * The period of a figure at `start` in a sentence beginning at `from` (offsets into `text`), for a
 * text published on `published` (YYYY-MM-DD).
 */
export function periodOf(text: string, from: number, start: number, published: string): Period {
  const pubYear = Number(published.slice(0, 4));
  const pubMonth = Number(published.slice(5, 7));
  // What parentheses hold notes a name (玉树市(2013年撤县设市)): it dates nothing here.
  const before = text.slice(from, start).replace(/\([^()]*\)|（[^（）]*）/gu, (m) => ' '.repeat(m.length));
  const at = text.slice(start);

  const asOf = [...before.matchAll(/(截至|截止|到)\s*(?:(\d{4})\s*年)?(\d{1,2})月(\d{1,2})日/gu)].at(-1);
  if (asOf) return { asOf: `${asOf[2] ?? pubYear}-${pad(Number(asOf[3]))}-${pad(Number(asOf[4]))}` };
  const dateline = /^\s*(\d{1,2})日\s*[,，]/u.exec(before);
  if (dateline) return { asOf: `${pubYear}-${pad(pubMonth)}-${pad(Number(dateline[1]))}` };

  const starts: Array<{ at: number; since: number }> = [];
  for (const m of before.matchAll(/(\d{4})\s*年[^。;；]*?以来/gu)) starts.push({ at: m.index, since: Number(m[1]) });
  for (const m of before.matchAll(/(十[五六七八九]大|二十大)以来/gu)) starts.push({ at: m.index, since: CONGRESS_YEARS[m[1]!]! });
  for (const m of `${before}${/^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年来/u.exec(at)?.[0] ?? ''}`.matchAll(/(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年来/gu)) {
    const n = count(m[1]!);
    if (n && n <= 80) starts.push({ at: m.index, since: pubYear - n });
  }
  // 已经持续进行了21年, 走过了30年: the span itself, as of the text's year.
  const lasted = /(持续|进行|走过|历经)了?\s*$/u.test(before) ? /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年/u.exec(at) : null;
  const lastedYears = lasted && count(lasted[1]!);
  if (lastedYears && lastedYears <= 80) starts.push({ at: before.length, since: pubYear - lastedYears });
  const since = starts.sort((a, b) => a.at - b.at).at(-1);
  if (since) return { since: since.since };

  const ago = [...before.matchAll(/(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年前/gu)].at(-1);
  const agoYears = ago && count(ago[1]!);
  if (agoYears) return { year: pubYear - agoYears };
  // A stated year (not one a change is measured against: 比2015年).
  const stated = [...before.matchAll(/(\d{4})\s*年|今年/gu)].filter((m) => !/比\s*$/u.test(before.slice(0, m.index))).at(-1);
  if (stated) {
    const year = stated[1] ? Number(stated[1]) : pubYear;
    if (year >= 1900 && year <= 2100) return { year };
  }
  if (/(^|[^\d])(\d{1,2})月(\d{1,2})日/u.test(before)) return { year: pubYear };
  // 由当初的500元增加到10360元: the value a change starts from holds at a time the words leave open.
  if (/由[^,，。;；]{0,8}$/u.test(before) && /^[\d.]*[^,，。;；\d]{0,6}?(增加|提高|提升|增长|上升|下降|减少|降低)(到|至)/u.test(at)) return {};
  // 闽宁镇如今…人均年收入…: now, as the text is dated.
  if (/如今|目前|现在|至今/u.test(before) && /^\d{4}-\d{2}-\d{2}$/u.test(published)) return { asOf: published };
  const headline = /^\s*((?:19|20)\d{2})(?![\d年.])/u.exec(before);
  if (headline) return { year: Number(headline[1]) };
  return {};
}
