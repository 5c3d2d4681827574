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

/** After 援藏 (援疆, 援青), words that make it a noun's modifier: 援藏干部, 援藏项目, 援藏工作. */
const AID_NOUN = /^(干部|项目|工作|资金|人才|政策|力量|队伍|办|指挥部)/u;

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
    if (/^援[藏疆青]$/u.test(m[0]) && AID_NOUN.test(text.slice(at + m[0].length))) continue; // 援藏干部, 援藏项目现场推进会: a noun, no support stated
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
  out.push(...findStatedAid(text, sentences, grouped));
  // One edge per supporter, beneficiary, type and mode: the first sentence that states it.
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = [s.type, s.from, s.to, s.mode].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Aid stated without a support verb, each form a rule (the beneficiaries are institutions or places):
 *   credit      `建成…、…;…,这背后,是X的大力托举` / `离不开X的支持`: X supports what the sentence names before
 *   agreement   `A与B签署…帮扶协议`: A supports B
 *   set up in   `协调A、B等3所高校,在P设立W`: each of A, B supports W
 *   visit       `Y的13名专业技术人员赴X开展交流学习`: X trains Y
 */
function findStatedAid(text: string, sentences: readonly Sentence[], grouped: Map<Sentence, Party[]>): SupportMention[] {
  const out: SupportMention[] = [];
  for (const sentence of sentences) {
    const inS = grouped.get(sentence) ?? [];
    const words = text.slice(sentence.start, sentence.end);
    const modeOf = (fallback: Mode) => MODE_WORDS.find(([re]) => re.test(words))?.[1] ?? fallback;
    const push = (from: Party, to: Party, mode: Mode, phrase: string, rule: string) => {
      if (from.id !== to.id) out.push({ type: 'SUPPORTS', from: from.id, to: to.id, mode, phrase, sentence, rule });
    };
    for (const m of words.matchAll(CREDIT)) {
      const at = sentence.start + m.index;
      const x = inS.find((p) => p.start === at + m[0].length);
      // 上海援藏医疗队的大力支持: a place's team stands for the place.
      if (!x || !new RegExp(`^[^,，。;；的]{0,8}的?\\s*(大力|鼎力|倾力|全力|无私)?\\s*(${CREDIT_NOUNS})`, 'u').test(text.slice(x.end))) continue;
      for (const r of inS.filter((p) => p.end <= at && !p.isPlace)) push(x, r, modeOf('PAIRING_ASSISTANCE'), m[0], 'credit: the aid a sentence names before 这背后是X的托举 is X\'s');
    }
    for (const m of words.matchAll(AGREEMENT)) {
      const at = sentence.start + m.index;
      const b = [...inS].reverse().find((p) => p.end <= at && /^\s*(共同|正式|先后|已)?\s*$/u.test(text.slice(p.end, at)));
      const a = b && [...inS].reverse().find((p) => p.end <= b.start && /^\s*(与|和|同)\s*$/u.test(text.slice(p.end, b.start)));
      if (a && b) push(a, b, 'AGREEMENT', m[0], 'an agreement: A与B签署…协议');
    }
    for (const m of words.matchAll(SET_UP_IN)) {
      const at = sentence.start + m.index;
      const w = inS.find((p) => p.start >= at + m[0].length && p.start <= at + m[0].length + 2 && !p.isPlace);
      if (!w) continue;
      // The supporters: the parties of the clause before (a list ending in 等N所…), or before 在 in this one.
      const clauseStart = Math.max(sentence.start, ...[',', '，', ';', '；'].map((c) => text.lastIndexOf(c, at - 1) >= sentence.start ? text.lastIndexOf(c, at - 1) : sentence.start));
      const before = /^[,，]\s*$/u.test(text.slice(clauseStart, at)) ? Math.max(sentence.start, ...[',', '，', ';', '；'].map((c) => text.lastIndexOf(c, clauseStart - 1))) : clauseStart;
      for (const s of inS.filter((p) => p.start >= before && p.end <= at)) push(s, w, modeOf('PAIRING_ASSISTANCE'), '设立', 'set up in a place: the parties before 在P设立W each support W');
    }
    for (const m of words.matchAll(VISIT)) {
      const at = sentence.start + m.index;
      const x = inS.find((p) => p.isPlace && p.start === at + m[1]!.length);
      // Y: the last party named before (巴青县住建系统13名专业技术人员,赴鞍山…).
      const y = [...inS].reverse().find((p) => p.end <= at);
      if (x && y && !(y.isPlace && x.code && y.code?.startsWith(x.code))) push(x, y, 'TRAINING', m[0], 'a visit to learn: Y的人员赴X交流学习 (X trains Y)');
    }
  }
  return out;
}

const CREDIT_NOUNS = '托举|支持|帮助|支援|付出|援助|助力|倾情相助';
/** `这背后,是` / `离不开` / `得益于` followed by the party credited. */
const CREDIT = /(这背后|背后)\s*[,，]?\s*(是|离不开)\s*|离不开\s*|得益于\s*/gu;
const AGREEMENT = /(签署|签订|签约)(了)?[^,，。;；]{0,16}(协议|协定|备忘录)/gu;
const SET_UP_IN = /在[^,，。;；在]{1,12}?(设立|建立|开设|成立|挂牌成立)(了)?\s*/gu;
/** 赴鞍山开展了住建领域专项交流学习: people of Y go to X to learn. */
const VISIT = /(赴|到|前往)[^,，。;；]{1,30}?(交流学习|跟岗学习|挂职锻炼|培训|进修)/gu;
