// Figures: a number (Arabic, or a Chinese numeral such as 四千), its multiplier (万, 亿), its hedge
// (余, 多, 超, 近, 约 …, as the seed qualifiers) and its unit (元, 人, 名, 个, 平方米, 公里, %, 批 …,
// as the seed units), with the year the sentence gives it, and for "比2015年增加了66.44%" a
// change against its baseline year. The metric is read from the words around it (figure-metrics.ts).
import type { QuantityQualifier, Unit as SeedUnit } from '../../domain/vocabulary.js';
import { chineseNumber, MULTIPLIERS, UNIT_WORDS, ZH_NUMERAL_CHARS } from '../../domain/chinese-numbers.js';
import { clauseOf, metricFor, respectiveNouns } from './figure-metrics.js';
import { periodOf } from './figure-periods.js';
import { sentenceAt, type Sentence } from './text.js';

type Qualifier = QuantityQualifier;
type Unit = SeedUnit;

/** Hedge words before a figure, and the qualifier each means (the seeds' own reading, seeds/README.md). */
const HEDGE_BEFORE: Array<[RegExp, Qualifier]> = [
  [/(超过了?|超出了?|超|逾|高于)$/u, 'MORE_THAN'], [/(近|约|大约|将近)$/u, 'APPROXIMATELY'], [/(不到|不足|低于)$/u, 'LESS_THAN'], [/(最多|至多)$/u, 'AT_MOST'],
];
/** Hedge words between a figure and its unit, or after it. */
const HEDGE_AFTER: Array<[RegExp, Qualifier]> = [[/^(余|多)/u, 'AT_LEAST'], [/^以上/u, 'AT_LEAST'], [/^左右/u, 'APPROXIMATELY']];


export interface FigureMention {
  start: number;
  end: number;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  measure: 'LEVEL' | 'CHANGE';
  year?: number | undefined;
  baselineYear?: number | undefined;
  /** A span's first year (自1994年…以来), or the date it is stated as current (截至2010年4月20日). */
  since?: number | undefined;
  asOf?: string | undefined;
  metric: string;
  /** The unit word as written (个, 栋, 平方公里). */
  word: string;
  rule: string;
}

const NUMBER = new RegExp(`(\\d+(?:\\.\\d+)?|[${ZH_NUMERAL_CHARS}]+)\\s*(万|亿)?`, 'gu');

/**
 * Every figure of the text. `names` are the spans of names (三台县 holds no figure); a figure in a
 * short quoted phrase is a slogan's (“四件大事”), not a measure.
 */
export function findFigures(
  text: string, sentences: readonly Sentence[], publishedYear: number, names: ReadonlyArray<{ start: number; end: number }> = [], publishedAt = `${publishedYear}-00-00`,
): FigureMention[] {
  const out: FigureMention[] = [];
  const paragraphStart = new Map<number, number>();
  for (const s of sentences) if (!paragraphStart.has(s.paragraph)) paragraphStart.set(s.paragraph, s.start);
  const headingOf = headings(text, sentences);
  for (const m of [...text.matchAll(NUMBER), ...text.matchAll(/半(?=年)/gu)]) {
    const start = m.index;
    const digits = m[1] ?? '半';
    const sentence = sentenceAt(sentences, start);
    if (!sentence) continue;
    const before = text.slice(sentence.start, start);
    if (/第$/u.test(before)) continue; // 第十批: an ordinal
    if (/[数几]$/u.test(before) && !/\d/u.test(digits)) continue; // 数百米, 几十个: no number stated
    if (names.some((n) => n.start <= start && start < n.end)) continue;
    if (/[“"][^”"]{0,6}$/u.test(before) && /^[^“”"]{0,8}[”"]/u.test(text.slice(start))) continue;
    const arabic = /\d/u.test(digits);
    let value = digits === '半' ? 0.5 : arabic ? Number(digits) : chineseNumber(digits);
    if (value === undefined) continue;
    // 一批又一批, 一个: an article, not a figure; 一年 (a duration) is one.
    // (一年又一年, 关键一年: a phrase, not a duration.)
    if (!arabic && value === 1 && (!/^年(?!一度|级|又|来)/u.test(text.slice(start + m[0].length)) || /(关键|这|那|每|上|下|同|当|第)$/u.test(before))) continue;
    let at = start + m[0].length;
    let multiplier = MULTIPLIERS[m[2] ?? ''] ?? 1;
    let qualifier: Qualifier = 'EXACT';
    const hedge = (list: Array<[RegExp, Qualifier]>, s: string) => list.find(([re]) => re.test(s));
    const after = hedge(HEDGE_AFTER, text.slice(at));
    if (after) { qualifier = after[1]; at += text.slice(at).match(after[0])![0].length; }
    if (!m[2] && MULTIPLIERS[text[at] ?? '']) { multiplier = MULTIPLIERS[text[at]!]!; at++; } // 1800余万元
    while (text[at] === ' ') at++;
    if (text.startsWith('个月', at)) continue; // months: no unit of the seeds
    let unitWord: readonly [string, Unit, number?] | undefined = UNIT_WORDS.find(([w]) => text.startsWith(w, at));
    // 总人口41.66万: a population needs no unit word.
    if (!unitWord && multiplier > 1 && /人口(为|达|约|近|超过?)?$/u.test(before)) unitWord = ['', 'person'];
    if (!unitWord) continue;
    const [word, unit, scale] = unitWord;
    if (/^[县镇乡村省]$/u.test(word) && !arabic) continue; // 五县, 三省 name a group; 11镇34乡, 9省(市) count them
    if (word === '大' && /党的$/u.test(before)) continue; // 党的十八大: a party congress
    // A year (2023年) or a date (5月27日) is no figure; 30年来 and 三十载 are durations.
    if (unit === 'year' && word === '年' && (/^\d{4}$/u.test(digits) || /^[月日]/u.test(text.slice(at + 1)))) continue;
    if (unit === 'day' && (word === '日' || /月$/u.test(before))) continue;
    if (unit === 'count' && word === '市' && !/[、,，]/u.test(before.slice(-8)) && !/辖[^,，]*$/u.test(before)) continue; // 3市 after a list of cities, 辖2市 of a place
    if (word === '大' && /^(以来|召开|精神|代表)/u.test(text.slice(at + 1))) continue; // 十八大: a party congress
    if (/^\d{4}$/u.test(digits) && !word) continue;
    const end = at + word.length;
    const tail = hedge(HEDGE_AFTER, text.slice(end));
    if (tail && qualifier === 'EXACT') qualifier = tail[1];
    const pre = hedge(HEDGE_BEFORE, before);
    if (pre && qualifier === 'EXACT') qualifier = pre[1];
    value = Number((value * multiplier * (scale ?? 1)).toPrecision(12));
    // 比2015年增加了66.44%: a change against the baseline year; 降低, 减少, 下降 make it negative.
    // Years of the paragraph up to this sentence's end: "2023年,…增加了…;…降低了…" states 2023 once.
    // The paragraph's start, no more than a few sentences back (a text without line breaks is one paragraph).
    const from = Math.max(paragraphStart.get(sentence.paragraph) ?? sentence.start, sentence.start - 600);
    const years = [...text.slice(from, sentence.end).matchAll(/(\d{4})\s*年|今年/gu)]
      .map((y) => ({ at: from + y.index, year: y[1] ? Number(y[1]) : publishedYear, baseline: /比\s*$/u.test(text.slice(from, from + y.index)) }))
      .filter((y) => y.year >= 1900 && y.year <= 2100);
    const baseline = years.find((y) => y.baseline && y.at < start && y.at >= sentence.start);
    let measure: 'LEVEL' | 'CHANGE' = 'LEVEL';
    const period = periodOf(text, sentence.start, start, publishedAt);
    let year = period.year;
    let baselineYear: number | undefined;
    if (unit === 'percent' && baseline) {
      const stated = [...years].reverse().find((y) => !y.baseline && y.at < start)?.year;
      if (stated !== undefined) {
        measure = 'CHANGE';
        baselineYear = baseline.year;
        year = stated;
        if (/(降低|减少|下降|降)/u.test(text.slice(baseline.at, start))) value = -value;
      }
    }
    const rest = text.slice(end, sentence.end);
    out.push({
      start, end, value, unit, qualifier, measure, year, baselineYear,
      ...(measure === 'LEVEL' && period.since !== undefined ? { since: period.since } : {}),
      ...(measure === 'LEVEL' && period.asOf !== undefined ? { asOf: period.asOf } : {}),
      metric: metricFor({ before, after: rest.slice(0, clauseEnd(rest)), rest, word, unit, measure, heading: headingOf.get(sentence.paragraph) ?? '' }),
      word,
      rule: `a number with the unit ${word}${qualifier === 'EXACT' ? '' : `, hedged (${qualifier})`}`,
    });
  }
  breakdowns(text, out, sentences);
  respectively(text, out, sentences, (noun, f) => metricFor({ before: noun, after: '', rest: '', word: f.word, unit: f.unit, measure: f.measure }));
  return out;
}

/**
 * "共41个县(市、区),其中:" then "四川省(29个):…": a count in parentheses after a name, in a line that
 * follows a count ending 其中 (of which), is a part of that count and measures what it measures.
 */
function breakdowns(text: string, figures: FigureMention[], sentences: readonly Sentence[]): void {
  let whole: { metric: string; paragraph: number } | undefined;
  for (const f of figures) {
    const sentence = sentenceAt(sentences, f.start)!;
    if (whole && f.unit === 'count' && sentence.paragraph > whole.paragraph && sentence.paragraph <= whole.paragraph + 3 && /\($/u.test(text.slice(sentence.start, f.start))) {
      f.metric = whole.metric;
      continue;
    }
    if (/其中\s*[:：]?\s*$/u.test(text.slice(f.end, sentence.end))) whole = { metric: f.metric, paragraph: sentence.paragraph };
  }
}

/** Where the clause a text starts with ends (a level word's parenthesis, 县(市), does not end it). */
const clauseEnd = (text: string) => text.search(/[,;:，；：]|$/u);

/** The heading each paragraph follows: the nearest short line (no clause marks) at most three paragraphs up (一、极重灾区). */
function headings(text: string, sentences: readonly Sentence[]): Map<number, string> {
  const lines = new Map<number, Sentence[]>();
  for (const s of sentences) lines.set(s.paragraph, [...(lines.get(s.paragraph) ?? []), s]);
  const out = new Map<number, string>();
  for (const paragraph of lines.keys()) {
    for (let p = paragraph - 1; p >= paragraph - 3; p--) {
      const line = lines.get(p);
      if (line?.length !== 1) continue;
      const words = text.slice(line[0]!.start, line[0]!.end);
      if (words.length <= 16 && !/[,，:：;；。]/u.test(words)) { out.set(paragraph, words); break; }
    }
  }
  return out;
}

/**
 * "A、B分别占比X和Y": a run of figures in one unit, joined by 和 or 、, after a list of as many nouns
 * takes its metrics one for one from the list (the caller's metric reading, given one noun).
 */
function respectively(text: string, figures: FigureMention[], sentences: readonly Sentence[], reread: (noun: string, f: FigureMention) => string): void {
  for (let i = 0; i < figures.length;) {
    let j = i;
    while (j + 1 < figures.length && figures[j + 1]!.unit === figures[i]!.unit && /^\s*[和、及]\s*$/u.test(text.slice(figures[j]!.end, figures[j + 1]!.start))) j++;
    const sentence = sentenceAt(sentences, figures[i]!.start);
    const nouns = sentence && respectiveNouns(clauseOf(text.slice(sentence.start, figures[i]!.start)), j - i + 1);
    if (nouns) for (let k = i; k <= j; k++) figures[k]!.metric = reread(nouns[k - i]!, figures[k]!);
    i = j + 1;
  }
}
