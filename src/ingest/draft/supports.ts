// Pairings and supports from the phrases that state them (对口支援, 援建, 帮扶, 组团式, 以院包科 …):
// the supporter is the place or institution named last before the phrase in the sentence, the
// beneficiaries the one named first after it and those listed with it (、). 对口支援 between two
// places is a twinning; everything else a support, its mode read from the sentence's words.
import type { SupportMode } from '../../domain/vocabulary.js';
import { bySentence, sentenceAt, type Sentence } from './text.js';

type Mode = SupportMode;

/** Phrases that state that one side supports another. */
const SUPPORT_PHRASES = /对口支援|对口援藏|对口援疆|援建|结对帮扶|帮扶|组团式|以院包科|以校包科|就业援藏|产业援藏|教育援藏|医疗援藏|援藏|援疆|支援|捐资|捐赠/gu;
const TWINNING_PHRASES = new Set(['对口支援', '对口援藏', '对口援疆']);

/** Words that name the mode, most specific first (the support modes of seeds/README.md). */
const MODE_WORDS: Array<[RegExp, Mode]> = [
  [/以院包科/u, 'HOSPITAL_TAKES_DEPARTMENT'], [/以校包科/u, 'SCHOOL_TAKES_SUBJECT'],
  [/医疗[^,，。]{0,6}组团式|组团式[^,，。]{0,6}医疗/u, 'MEDICAL_TEAM'], [/教育[^,，。]{0,6}组团式|组团式[^,，。]{0,6}教育/u, 'EDUCATION_TEAM'],
  [/就业/u, 'EMPLOYMENT'], [/招商引资/u, 'INVESTMENT_PROMOTION'], [/产业/u, 'INDUSTRY'], [/高校|高等/u, 'HIGHER_EDUCATION'],
  [/教育|学校|研学|学生/u, 'EDUCATION'], [/捐资|捐物|捐赠/u, 'DONATION'], [/结对|一对一/u, 'PAIRING_ASSISTANCE'], [/协议/u, 'AGREEMENT'],
  [/培训|交流学习/u, 'TRAINING'], [/干部/u, 'CADRE_EXCHANGE'], [/旅游/u, 'TOURISM'], [/交往交流交融/u, 'CULTURAL_EXCHANGE'],
  [/医疗|医院|医务/u, 'MEDICAL_TEAM'], [/援建|建设|工程/u, 'INFRASTRUCTURE'], [/服务/u, 'PUBLIC_SERVICES'],
];

/** Anything the text names that can give or receive support. */
export interface Party {
  start: number; end: number; id: string; isPlace: boolean; code?: string | undefined;
  /** An institution's name, and the place its name starts with (巴青县 of 巴青县中学). */
  name?: string | undefined; placeId?: string | undefined; placeCode?: string | undefined;
}

export interface SupportMention {
  type: 'TWINNED_WITH' | 'SUPPORTS';
  from: string;
  to: string;
  mode: Mode | undefined;
  phrase: string;
  sentence: Sentence;
  rule: string;
}

export function findSupports(text: string, sentences: readonly Sentence[], parties: readonly Party[]): SupportMention[] {
  const out: SupportMention[] = [];
  const grouped = bySentence(sentences, parties);
  for (const m of text.matchAll(SUPPORT_PHRASES)) {
    const at = m.index;
    const sentence = sentenceAt(sentences, at);
    if (!sentence) continue;
    const inSentence = grouped.get(sentence) ?? [];
    if (/^援[藏疆青]$/u.test(m[0]) && text.startsWith('干部', at + m[0].length)) continue; // 援藏干部: cadres, a noun
    if (inSentence.some((p) => p.start <= at && at < p.end)) continue; // inside a name: 大连市医疗人才“组团式”支援队
    const supporter = [...inSentence].reverse().find((p) => p.end <= at);
    const first = inSentence.find((p) => p.start >= at + m[0].length);
    if (!supporter || !first || supporter.id === first.id) continue;
    // The beneficiaries listed with the first: 索县人民医院医务科、护理部、院感科 …
    const beneficiaries = [first];
    for (const p of inSentence.filter((q) => q.start > first.start)) {
      const last = beneficiaries[beneficiaries.length - 1]!;
      if (/^[、和及与]$/u.test(text.slice(last.end, p.start)) || p.start === last.end) beneficiaries.push(p);
      else break;
    }
    const phrase = m[0];
    const quote = text.slice(sentence.start, sentence.end);
    const mode = MODE_WORDS.find(([re]) => re.test(phrase) || re.test(quote))?.[1];
    for (const b of beneficiaries) {
      if (b.id === supporter.id) continue;
      const twinning = TWINNING_PHRASES.has(phrase) && supporter.isPlace && b.isPlace;
      out.push({
        type: twinning ? 'TWINNED_WITH' : 'SUPPORTS', from: supporter.id, to: b.id, mode: twinning ? undefined : mode, phrase, sentence,
        rule: `${phrase} between the names before and after it${mode || twinning ? '' : '; no word in the sentence names the mode'}`,
      });
    }
  }
  // One edge per supporter, beneficiary, type and mode: the first sentence that states it.
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = [s.type, s.from, s.to, s.mode].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
