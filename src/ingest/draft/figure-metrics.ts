// What a figure measures: the metric of the vocabulary (src/domain/metric-vocabulary.ts) the words
// around it state, read the ways this domain states one:
//   - what a count counts, as the noun after it writes it (12个师, 82个县(市), 对口支援省市): a count of
//     divisions a place governs in a 辖 clause (现辖…1市5县, 11镇34乡, 258个村), of a programme's parties
//     otherwise (县(市) → paired districts, 地(州)市 → prefectures, 师 → Corps divisions, 省市 on the
//     giving side → supporting provinces, on the receiving side → recipient provinces);
//   - what a count counts chooses its family (15栋县城安居房 after 17个小学、卫生站 is housing; 5个示范项目
//     a count of projects), the words of the figure's own clause weigh more than the sentence's, and a
//     span of time is told by the words after it (只用了半年时间即建成通车: time to build); under a
//     heading of a disaster's range (一、极重灾区) a count of counties is the range's, not a pairing's;
//   - cue words the labels lack, and words a metric cannot go without (projects "settled on" need 确定
//     or 计划; a usual time needs 常规; a span of support needs an aid word; km² is no floor area);
//   - "A、B分别占比X和Y": the i-th figure of a run is the i-th noun of the list before it.
import { METRICS } from '../../domain/metric-vocabulary.js';
import type { Unit } from '../../domain/vocabulary.js';
import { tokensOf } from './segment.js';

export interface MetricContext {
  /** The sentence up to the figure. */
  before: string;
  /** The words of the sentence after the figure's unit, to its clause's end, and to the sentence's end. */
  after: string;
  rest: string;
  /** The unit word as written (个, 栋, 平方公里, 年来 …). */
  word: string;
  unit: Unit;
  measure: 'LEVEL' | 'CHANGE';
  /** A short line the figure's paragraph follows (一、极重灾区), or '': it says a count is a disaster range's. */
  heading?: string;
}

/** Clause marks: the words of another clause say less about this figure. */
const CLAUSE_BREAK = /[,;:()，；：（）]/u;

/** The figure's own clause: the words after the last clause mark before it. */
export function clauseOf(before: string): string {
  let at = before.length;
  while (at > 0 && !CLAUSE_BREAK.test(before[at - 1]!)) at--;
  return before.slice(at);
}

/**
 * What a count counts, as the text writes it right after its unit word, up to the next punctuation
 * or number, with a level word's parenthesis (县(市), 地(州)市, 区(市、县)): 20个对口支援省市 counts
 * 对口支援省市, 12个师 counts 师.
 */
function countedWords(after: string): string {
  return /^(?:\([^()\d]{1,6}\)|[^\d,.;:!?()、，。；：！？（）“”"\s]){0,8}/u.exec(after)![0];
}

/** A division word a count may count, after at most a few words that qualify it (经济发达的省市, 对口援建省市). */
const DIVISION_NOUN = /^[^\d省县市区乡镇村师街社]{0,6}?(街道|社区|村|乡镇|镇|乡|县\(市、?区?\)|县市区|县区|县\(市\)|县|区\(市、县\)|地\(州\)市|地\(市\)|地州市|地市|地州|地区|师|省\(区、市\)|省区市|省\(市\)|省市|省份|省|市)/u;
/** In a 辖 clause: the divisions a place governs. */
const GOVERNED: Record<string, string> = {
  市: 'countyLevelCitiesGoverned', 县: 'countiesGoverned', 镇: 'townsGoverned', 乡: 'townshipsGoverned',
  街道: 'subdistrictsGoverned', 村: 'villagesGoverned', 社区: 'communitiesGoverned',
};
/** Unit words that count divisions themselves (1市5县, 11镇34乡) or anything (个). */
const DIVISION_COUNT_WORDS = new Set(['个', '市', '县', '镇', '乡', '村', '省']);
/** Words that put a count of provinces on the receiving side (西部10个省, 对口帮扶10个省). */
const RECEIVING = /(西部|受援|帮扶|支援|援助|援建|结对|对口)$/u;

function divisionMetric(c: MetricContext, counted: string): string | undefined {
  if (c.unit !== 'count' || !DIVISION_COUNT_WORDS.has(c.word)) return undefined;
  const noun = DIVISION_NOUN.exec(c.word === '个' ? counted : `${c.word}${counted}`)?.[1];
  if (!noun) return undefined;
  // A disaster's range (极重灾区, 重灾区) counts its counties: the labels decide.
  if (/灾区/u.test(`${c.heading ?? ''}${c.before}`)) return undefined;
  if (/[辖]/u.test(c.before)) return GOVERNED[noun];
  if (/^县|^区\(/u.test(noun)) return 'pairedDistricts';
  if (/^地/u.test(noun)) return 'pairedPrefectures';
  if (noun === '师') return 'pairedCorpsDivisions';
  if (noun === '乡镇') return 'pairedTownships';
  if (/^省/u.test(noun)) {
    // 对口支援省市 names the givers; 西部10个省, 对口帮扶西部10个省(区、市) the receivers.
    const qualifier = counted.slice(0, counted.indexOf(noun));
    if (/(支援|援建|援助|帮扶|发达|东部)/u.test(qualifier)) return 'supportingProvinces';
    return RECEIVING.test(c.before.replace(/\s+$/u, '')) ? 'pairedProvinces' : 'supportingProvinces';
  }
  return undefined;
}

/**
 * Words the domain states a metric with that its label lacks, and words it cannot go without
 * (tested on the figure's clause and the words after it).
 */
const CUES: Record<string, { also?: string; needs?: (words: string, c: MetricContext) => boolean }> = {
  projectsImplemented: { also: '实施完成建成援建了' },
  cadresSent: { also: '援藏援疆援青干部人才技术人员' },
  // A place's standing staff (在职行政事业单位干部), not cadres sent.
  publicSectorCadres: { needs: (w, c) => /在职|行政|事业单位|公职/u.test(`${c.before}${w}`) },
  // Decided on (已经确定对口援建项目3173个), not a decision that projects start (确定…的5个示范项目同时启动).
  projectsPlanned: { needs: (_w, c) => /确定|计划|规划|拟/u.test(c.before.slice(-12)) },
  usualBuildTime: { needs: (w) => /常规|通常|一般|正常/u.test(w) },
  buildTime: { also: '建成完工竣工建起变成', needs: (w) => /建成|完工|竣工|建起|变成|建好|通车/u.test(w) },
  buildDays: { also: '建成完工竣工仅用' },
  // A span of support is said to last (30年来, 持续进行了21年, 17年的援藏接力) in words of aid; one right
  // after a programme's name (对口援藏30年来, 东西扶贫协作二十年) is its age, a plain duration.
  supportPeriod: {
    also: '援藏援疆援青对口支援援建帮扶协作接力年来持续',
    needs: (_w, c) => /年来|持续|接力|以来|历时/u.test(`${c.before}${c.word}${c.after}`) && /援|帮扶|协作|支援/u.test(`${c.before}${c.rest}`) &&
      !/(援藏|援疆|援青|协作|对口支援|扶贫)\s*$/u.test(c.before),
  },
  programmeTerm: { also: '为期期限', needs: (w) => /为期|期限/u.test(w) },
  // Square kilometres measure land, not a building's floors.
  floorArea: { needs: (_w, c) => c.word !== '平方公里' },
  landArea: { also: '面积', needs: (w, c) => c.word === '平方公里' || /面积/u.test(`${c.before.slice(-12)}${w}`) },
};

/** Tags jieba gives the words of a noun phrase (nouns, verbal nouns, idioms, place words). */
const NOUNISH = /^(n|vn|l|s)/u;

/**
 * The noun a count counts, as two characters: the last noun of the first noun phrase after it, which
 * 的 continues and a conjunction or a verb ends (重点项目同时开工 → 项目, 干部和技术人员 → 干部,
 * 县城安居房 → 居房, 辽宁高校 → 高校); undefined for none or a one-character noun.
 */
function headNoun(counted: string): string | undefined {
  let head: string | undefined;
  for (const t of tokensOf(counted)) {
    // A verbal noun after a noun (计划单列市 对口 帮扶) starts what is said of it.
    if (NOUNISH.test(t.tag) && !(head && t.tag === 'vn')) head = t.word;
    else if (head && t.word !== '的') break;
  }
  return head && head.length >= 2 ? head.slice(-2) : undefined;
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/**
 * The declared metric in this unit the words share the most pairs of characters with: the figure's
 * clause and what it counts weigh twice the rest of the sentence and (for a span of time) the words
 * after it.
 */
export function metricFor(c: MetricContext): string {
  // A classifier (栋, 批, 套) says what is counted; a measure's unit (平方米, 公里) does not.
  const counted = countedWords(`${/^[个名人]$/u.test(c.word) || !/^(count|set|batch)$/u.test(c.unit) ? '' : c.word}${c.after}`);
  const division = divisionMetric(c, countedWords(c.after));
  if (division && METRICS.has(division)) return division;
  const clause = clauseOf(c.before);
  const weight = new Map<string, number>();
  const add = (text: string, w: number) => { for (const b of bigrams(text)) weight.set(b, Math.max(weight.get(b) ?? 0, w)); };
  add(c.before.slice(-24), 1);
  // A span of time is told by what follows it (只用了半年时间即建成通车); a count by what it counts.
  const span = c.unit === 'year' || c.unit === 'day';
  if (span) add(c.rest, 1);
  add(clause.slice(-16), 2);
  if (!span) add(counted, 2);
  // A one-character noun (县, 村, 师) is what a count counts: it decides between labels the pairs tie.
  const nouns = new Set(counted.slice(0, 2));
  const test = `${clause}${c.word}${c.after}`;
  const candidates = [...METRICS.values()].filter((m) => (c.measure !== 'LEVEL' || m.unit === c.unit) && (CUES[m.name]?.needs?.(test, c) ?? true));
  // What a count counts decides its family (5个示范项目, 8个重点项目: a count of projects), the other
  // words choose in it.
  const head = span ? undefined : headNoun(counted);
  const countedPairs = span ? [] : bigrams(counted);
  const family = head ? candidates.filter((m) => m.labelZh.includes(head))
    : candidates.filter((m) => bigrams(m.labelZh).some((b) => countedPairs.includes(b)));
  let best: string | undefined;
  let bestScore = -1;
  for (const m of family.length ? family : candidates) {
    const cue = CUES[m.name];
    const label = `${m.labelZh}${cue?.also ?? ''}`;
    const score = [...new Set(bigrams(label))].reduce((n, b) => n + (weight.get(b) ?? 0), 0) + [...new Set(m.labelZh)].filter((ch) => nouns.has(ch)).length / 4;
    if (score > bestScore) { best = m.name; bestScore = score; }
  }
  return best ?? 'participants';
}

/**
 * "A、B分别占比X和Y", "门急诊量、住院量、手术量分别比2015年增加了X、Y、Z": the nouns a run of figures
 * answers one for one, read from the clause before the run's first figure (undefined when the list
 * does not have one noun per figure).
 */
export function respectiveNouns(clause: string, figures: number): string[] | undefined {
  if (figures < 2) return undefined;
  const lastItem = clause.lastIndexOf('、');
  if (lastItem < 0) return undefined;
  const verb = /分别|占比|比\s*\d{4}|增加|提升|下降|达到?|为/u.exec(clause.slice(lastItem));
  const list = verb ? clause.slice(0, lastItem + verb.index) : clause;
  const items = list.split('、');
  return items.length >= figures ? items.slice(-figures) : undefined;
}
