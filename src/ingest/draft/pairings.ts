// Pairings (结对关系): which place supports which, from the ways documents and reports state them.
// Each way is one rule with its confidence, written for the form, not for one sentence:
//   list line    `3、江苏省:拉萨市、墨竹工卡县` (a supporter, a colon, its recipients)           0.85
//   dash pair    `密云区——玉树市,昌平区——曲麻莱县` (supporter, dash, recipient; in a list)       0.85
//   change       `X由援建A改为援建B` (X's pairing with A ended, with B began; never "A supports B") 0.8
//   pairing verb `A对口支援B`, `A帮扶B、C和D`, `A负责援建B`, `A援建的B…`, `A、B等N省市承担对口支援C的任务`,
//                `自1994年对口支援拉萨以来,江苏省…` (the supporter after the clause)           0.75 (0.6 across a comma)
//   pair phrase  `福建与宁夏结成帮扶对子`, `A和B结对`, `北京市、天津市与河北省扶贫协作`,
//                `上海由此和日喀则结下了…情缘`                                                 0.75
//   cadres sent  `A选派…干部来到B及下属C、D` (a supporter's cadres sent to the recipients)      0.55
//   built for    `A援建的巴青县中学`: A supports the school, and is paired with 巴青县 (implied) 0.5
//   left unsaid  `某医院、某桥等项目将于9月交付`, `先后选派…支援某医院`: the text's one supporter (implied) 0.45
// A verb's recipient place followed by 的 and institutions (援建都江堰市的医疗中心、福利院) also gives
// supports to the institutions; a place's own body (北京市代表团, 北京市委) pairs as the place.
// Recipients run on through 、 和 及 与 (A帮扶X、Y和Z); `河北省张家口市` is the city; `和田地区的和田市、
// 和田县` names the counties. A sentence's start year (自1994年…以来, 2010年起) becomes `since`.
import { bySentence, type Sentence } from './text.js';

/** Anything the text names that can give or receive support, with whether it is a place and its code. */
export interface PairingParty {
  start: number; end: number; id: string; code?: string | undefined; isPlace: boolean;
  /** An institution's name, and the place its name starts with (巴青县 of 巴青县中学, 北京市 of 北京市代表团). */
  name?: string | undefined; placeId?: string | undefined; placeCode?: string | undefined;
}

export interface PairingMention {
  from: PairingParty;
  to: PairingParty;
  rule: string;
  confidence: number;
  sentence: Sentence;
  /** Where the statement's words are: a figure in the same sentence after `at` is about this pairing. */
  at: number;
  since?: number | undefined;
  /** APPROXIMATELY when the year comes from a duration (对口援藏30年来, as of the text's year). */
  sinceQualifier?: 'APPROXIMATELY' | undefined;
  until?: number | undefined;
  /** The words that stated it (对口支援, 帮扶, a dash …), for the programme's reading. */
  phrase: string;
  /** Stated between the places' units (their districts and townships): the places support, they are not twinned. */
  supportOnly?: boolean;
}

/** The verbs that state a pairing, longest first (a shorter one inside a longer one is the longer one). */
export const PAIRING_VERBS: readonly string[] = ['对口支援', '对口援建', '对口帮扶', '对口援助', '结对帮扶', '结对援助', '结对支援', '负责援建', '承担援建', '帮扶协作', '扶贫协作',
  '援建', '帮扶', '支援', '对口援藏', '对口援疆', '对口援青', '结对'].sort((a, b) => b.length - a.length);
const VERB = new RegExp(PAIRING_VERBS.filter((v) => !/^对口援[藏疆青]$|^结对$/u.test(v)).join('|'), 'gu');
/** Words after a verb that make it a noun (援建者, 帮扶工作, 对口支援任务): no recipient follows. */
const NOUN_AFTER = /^(者|工作|项目|资金|干部|任务|方|省市|关系|机制|政策|力度|县市|地区|双方|规划|措施|人员|队|团|省份|城市|单位|力量|物资|成效|模式)/u;
/** Between a verb and its recipient: nothing, 了, or a description ending in 的 (援建的, 援建“5·12”地震受灾极严重的). */
const VERB_GAP = /^(了|过|给|建设)?$|^[^,，:：、]{0,24}的$/u;
/** Between a supporter and its verb: adverbs and a few words, no clause break. */
const SUBJECT_GAP = /^[^,，:：、()（）“”"]{0,16}$/u;
const LIST_JOIN = /^\s*(、|和|及|与|以及|,\s*)\s*$/u;
const RECIPIENT_JOIN = /^\s*(、|和|及|与|以及)\s*$/u;
const DASH = /^\s*(—{1,2}|－|–{1,2}|-{1,2}|→)\s*$/u;

/** Bodies that act for the place they are named after. */
const OWN_BODY = /(代表团|省委|市委|县委|区委|人民政府|政府|党委|援[藏疆青川]办公室|援建指挥部|前方指挥部)$/u;

/** Between a supporter's name and a post in the recipient: 第六批援藏干部、 (an aid cadre who holds a post there). */
const CADRE_OF = /^\s*(第[一二三四五六七八九十\d]{1,3}批)?(援[藏疆青川]|援建|挂职)干部\s*[、,，]\s*$/u;
/** The place a party stands for: itself, or the place an institution is named after. */
function placeOf(p: PairingParty): PairingParty | undefined {
  if (p.isPlace) return p;
  return p.placeId ? { start: p.start, end: p.end, id: p.placeId, code: p.placeCode, isPlace: true } : undefined;
}

const YEAR_SINCE = /(?:自|从|于)?\s*(\d{4})\s*年(?:[^。;；]{0,24}?)(?:以来|起|开始)/u;

export function findPairings(text: string, sentences: readonly Sentence[], parties: readonly PairingParty[], publishedYear?: number): PairingMention[] {
  const grouped = bySentence(sentences, parties);
  const out: PairingMention[] = [];
  for (const sentence of sentences) {
    const inS = grouped.get(sentence) ?? [];
    if (inS.length < 2) continue;
    const between = (a: { end: number }, b: { start: number }) => text.slice(a.end, b.start);
    const since = yearSince(text.slice(sentence.start, sentence.end));
    const used = new Set<number>(); // offsets of verbs a rule has read already
    const emit = (from: PairingParty, to: PairingParty, rule: string, confidence: number, phrase: string, at: number, extra: Partial<PairingMention> = {}) => {
      if (from.id === to.id || !from.isPlace && !to.isPlace) return;
      out.push({ from, to, rule, confidence, sentence, at, phrase, ...(since !== undefined ? { since } : {}), ...extra });
    };
    /** The list a party starts: parties joined by 、 和 及 与, a place and a place inside it read as the inner one. */
    const listFrom = (first: PairingParty, join: RegExp): PairingParty[] => {
      const list = [first];
      for (const p of inS.filter((q) => q.start >= first.end)) {
        const last = list[list.length - 1]!;
        // 河北省张家口市 is the city; 新疆生产建设兵团农十四师 the division.
        if (p.start === last.end && (p.code && last.code ? p.code.startsWith(last.code) : !last.isPlace)) {
          // (the unit keeps the place its body is named after: 巴青县中学勤工俭学实践基地 is 巴青县's)
          list[list.length - 1] = p.placeId || last.isPlace ? p : { ...p, placeId: last.placeId, placeCode: last.placeCode };
          continue;
        }
        if (join.test(between(last, p))) list.push(p);
        else break;
      }
      return list;
    };

    // Change: X由援建A改为援建B.
    for (const m of text.slice(sentence.start, sentence.end).matchAll(/由\s*(对口支援|对口援建|援建|帮扶|支援|结对)?/gu)) {
      const at = sentence.start + m.index;
      const a = inS.find((p) => p.start >= at + m[0].length && p.start <= at + m[0].length + 2);
      if (!a) continue;
      const change = /^\s*(改为|调整为|变更为|转为)\s*(对口支援|对口援建|援建|帮扶|支援|结对)?\s*/u.exec(text.slice(a.end));
      if (!change) continue;
      const b = inS.find((p) => p.start === a.end + change[0].length);
      const x = [...inS].reverse().find((p) => p.end <= at && SUBJECT_GAP.test(between(p, { start: at })));
      if (!b || !x) continue;
      const year = /(\d{4})\s*年/u.exec(text.slice(sentence.start, at))?.[1];
      emit(x, a, 'a change of pairing (由…改为…): the pairing that ended', 0.8, m[1] ?? '援建', at, { until: year ? Number(year) : undefined, since: undefined });
      emit(x, b, 'a change of pairing (由…改为…): the pairing that began', 0.8, change[2] ?? m[1] ?? '援建', at, { since: year ? Number(year) : undefined });
      for (let i = at; i < b.end; i++) used.add(i);
    }

    // List line: supporter, colon, recipients.
    const line = /^\s*(?:[(（]?[0-9一二三四五六七八九十]{1,3}[)）、.．]\s*)?/u.exec(text.slice(sentence.start, sentence.end))!;
    const head = inS[0]!;
    if (head.start === sentence.start + line[0].length && head.isPlace) {
      const colon = /^\s*[:：]\s*$/u.test(text.slice(head.end, inS[1]!.start)) ? inS[1]! : undefined;
      if (colon) for (const r of listFrom(colon, LIST_JOIN)) emit(head, r, 'a list line: supporter, colon, recipients', 0.85, ':', head.end);
    }

    // Dash pairs: A——B (each pair once; a list of them runs on).
    for (let i = 0; i + 1 < inS.length; i++) {
      const [a, b] = [inS[i]!, inS[i + 1]!];
      if (a.isPlace && b.isPlace && DASH.test(between(a, b)) && between(a, b).trim()) emit(a, b, 'a dash pair: supporter, dash, recipient', 0.85, '—', a.end);
    }

    // Pair phrase: A与B结成帮扶对子, A和B结对, A、B与C扶贫协作, A由此和B结下了…情缘.
    const PAIR = /(结成|结为)?(帮扶|对口|结对|协作)?(对子|对口关系|帮扶关系|结对关系)|结对(?!帮扶|援助|支援)|(对口)?(扶贫)?协作(任务|关系)?|结下/gu;
    for (const m of text.slice(sentence.start, sentence.end).matchAll(PAIR)) {
      const at = sentence.start + m.index;
      // 沈阳、大连、鞍山3市23个区(市、县)与那曲市23个乡镇结成帮扶对子: the places' units pair, so the
      // places support one another (a support, not a twinning of the places themselves).
      const UNITS = '(?:\\d+|[一二三四五六七八九十两]+)(?:个)?[^与和同,，。]{0,10}?';
      const b = [...inS].reverse().find((p) => p.end <= at && new RegExp(`^\\s*(的)?(${UNITS})?\\s*(正式|已|先后|也)?\\s*$`, 'u').test(between(p, { start: at })));
      if (!b || !b.isPlace) continue;
      const a = [...inS].reverse().find((p) => p.end <= b.start && new RegExp(`^\\s*(${UNITS})?\\s*(由此|从此|早已|已经|已|也|就)?\\s*(与|和|同)\\s*$`, 'u').test(between(p, b)));
      if (!a || !a.isPlace) continue;
      const viaUnits = !/^\s*(由此|从此|早已|已经|已|也|就)?\s*(与|和|同)\s*$/u.test(between(a, b)) || !/^\s*(的)?\s*(正式|已|先后|也)?\s*$/u.test(between(b, { start: at }));
      let supporters = [a];
      for (let i = inS.indexOf(a) - 1; i >= 0 && /^\s*[、]\s*$/u.test(between(inS[i]!, supporters[0]!)); i--) supporters = [inS[i]!, ...supporters];
      for (const s of supporters) {
        if (viaUnits) emit(s, b, 'a pair phrase between the places\' units (A的N个区与B的N个乡镇结成帮扶对子): a support', 0.7, m[0], at, { supportOnly: true });
        else emit(s, b, 'a pair phrase: A与B结成帮扶对子, A、B与C扶贫协作', 0.75, m[0], at);
      }
      for (let i = at; i < at + m[0].length; i++) used.add(i);
    }

    // Cadres sent: A (先后)选派…干部来到B、C (a supporter's cadres go to the places it supports).
    for (const m of text.slice(sentence.start, sentence.end).matchAll(/(选派|派出|派遣|选调)(?:[^。;；]{0,30}?)(来到|到|赴|进驻|前往)/gu)) {
      const at = sentence.start + m.index;
      const arrive = at + m[0].length;
      const first = inS.find((p) => p.start >= arrive && p.start <= arrive + 2 && p.isPlace);
      const before = inS.filter((p) => p.end <= at);
      const supporter = before[before.length - 1];
      if (!first || !supporter || !supporter.isPlace || /[。]/u.test(text.slice(supporter.end, at))) continue;
      let supporters = [supporter];
      for (let i = before.length - 2; i >= 0 && RECIPIENT_JOIN.test(between(before[i]!, supporters[0]!)); i--) supporters = [before[i]!, ...supporters];
      if (supporters.length > 1 && !/^\s*等/u.test(text.slice(supporter.end, at))) supporters = [supporter];
      const recipients = listFrom(first, /^\s*(、|和|及|与|以及|及下属|和下属)\s*$/u);
      for (const s of supporters) for (const r of recipients) emit(s, r, 'cadres sent: a supporter\'s cadres sent to its recipients (implied)', 0.55, m[1]!, at);
    }

    // Cadre's post: X(第N批)援藏干部、Y县委书记 — a supporter's aid cadre holds a post in the recipient.
    for (let i = 0; i + 1 < inS.length; i++) {
      const [x, y] = [inS[i]!, inS[i + 1]!];
      if (!CADRE_OF.test(between(x, y))) continue;
      const from = placeOf(x);
      // 阿克苏地区阿瓦提县委副书记: the innermost of the names that run on.
      let j = i + 1;
      while (j + 1 < inS.length && inS[j + 1]!.start === inS[j]!.end) j++;
      const to = placeOf(inS[j]!);
      if (from && to && !to.code?.startsWith(from.code ?? '-')) emit(from, to, 'a cadre\'s post: X援藏干部、Y的职务 (implied)', 0.55, '援建', x.end);
    }

    // Topic: `沈阳援藏,以安多青年学生为突破口…` — X's aid as the sentence's topic, about the one place it names after.
    for (const x of inS) {
      const topic = /^\s*(产业|教育|医疗|就业|科技|文化)?援[藏疆青][,，]/u.exec(text.slice(x.end, sentence.end));
      if (!x.isPlace || !topic) continue;
      const others = inS.filter((p) => p.isPlace && p.start >= x.end + topic[0].length && !x.code?.startsWith(p.code ?? '-'));
      const innermost = others.filter((p) => !others.some((q) => q !== p && q.code && p.code && q.code.length > p.code.length && q.code.startsWith(p.code)));
      if (new Set(innermost.map((p) => p.id)).size === 1) emit(x, innermost[0]!, 'topic: X援藏, about the one place the sentence names (implied)', 0.5, '援建', x.end);
    }

    // Builders: (来自)X的援建者 in a sentence about one other place.
    for (const m of text.slice(sentence.start, sentence.end).matchAll(/援建者/gu)) {
      const at = sentence.start + m.index;
      const x = [...inS].reverse().find((p) => p.end <= at && /^\s*(的)?\s*$/u.test(between(p, { start: at })));
      if (!x || !x.isPlace) continue;
      // The places the sentence is about, a place named inside another read as the inner one.
      const others = inS.filter((p) => p.isPlace && p.id !== x.id && !x.code?.startsWith(p.code ?? '-'));
      const innermost = others.filter((p) => !others.some((q) => q !== p && q.code && p.code && q.code.length > p.code.length && q.code.startsWith(p.code)));
      const ids = new Set(innermost.map((p) => p.id));
      if (ids.size !== 1) continue;
      const to = innermost[0]!;
      // A township is aided, never twinned.
      emit(x, to, 'builders: X的援建者 in a sentence about one place (implied)', 0.5, '援建', at, (to.code?.length ?? 0) > 6 ? { supportOnly: true } : {});
    }

    // Pairing verbs.
    for (const m of text.slice(sentence.start, sentence.end).matchAll(VERB)) {
      const at = sentence.start + m.index;
      const end = at + m[0].length;
      if (used.has(at) || inS.some((p) => p.start <= at && at < p.end)) continue; // inside a name: 援川办公室
      // The recipient: the first party after the verb, close to it.
      const first = inS.find((p) => p.start >= end);
      const gap = first ? text.slice(end, first.start) : '';
      if (!first || !VERB_GAP.test(gap) || (gap && NOUN_AFTER.test(gap))) continue;
      let recipients = listFrom(first, RECIPIENT_JOIN);
      // 和田地区的和田市、和田县: the places named inside the first are the recipients.
      const inner = inS.find((p) => p.start > first.end && p.code && first.code && p.code !== first.code && p.code.startsWith(first.code) &&
        /^的\s*$/u.test(text.slice(first.end, p.start)));
      if (inner) recipients = listFrom(inner, RECIPIENT_JOIN);
      // The supporter: the last party before the verb in its clause, with the list it ends.
      let supporter = [...inS].reverse().find((p) => p.end <= at && SUBJECT_GAP.test(text.slice(p.end, at)));
      let confidence = 0.75;
      let rule = `the pairing verb ${m[0]} between a supporter and its recipients`;
      if (!supporter) {
        // 北京市深入贯彻…的部署,对口支援青海省玉树州: the subject of the clause before.
        const clauseStart = Math.max(text.lastIndexOf(',', at), text.lastIndexOf('，', at));
        const head = inS[0]!;
        if (clauseStart >= sentence.start && /^[,，]\s*(也|还|并|先后|共同)?\s*$/u.test(text.slice(clauseStart, at)) &&
          head.isPlace && head.end <= clauseStart && !/[,，]/u.test(text.slice(sentence.start, head.start))) {
          supporter = head;
          confidence = 0.6;
          rule += ', the supporter the subject of the clause before';
        }
      }
      if (!supporter) {
        // 自1994年对口支援拉萨以来,江苏省…: the subject after the clause.
        const after = /^[^,，]*?(以来|起|之后|后)\s*[,，]\s*/u.exec(text.slice(end));
        const cand = after && inS.find((p) => p.start === end + after[0].length);
        if (cand && /(自|从)/u.test(text.slice(sentence.start, at))) {
          supporter = cand;
          confidence = 0.7;
          rule += ', the supporter named after the clause';
        }
      }
      if (!supporter) continue;
      let supporters = [supporter];
      // 北京、天津、上海…等19个省市承担对口支援新疆的任务: every supporter of the list.
      for (let i = inS.indexOf(supporter) - 1; i >= 0; i--) {
        const p = inS[i]!;
        if (RECIPIENT_JOIN.test(between(p, supporters[0]!))) supporters = [p, ...supporters];
        else break;
      }
      if (supporters.length > 1 && !/^\s*等/u.test(text.slice(supporter.end, at)) && !/^\s*(和|及|与)/u.test(between(supporters[supporters.length - 2]!, supporter))) {
        // A list before the verb that does not close with 等 or 和 is not all subjects (上海、江苏援建的…): keep the last.
        supporters = [supporter];
      }
      // A place's own body (北京市代表团, 北京市委) pairs as the place.
      supporters = supporters.map((s) => (!s.isPlace && s.placeId && OWN_BODY.test(s.name ?? '') ? { start: s.start, end: s.end, id: s.placeId, code: s.placeCode, isPlace: true } : s));
      for (const s of supporters) {
        for (const r of recipients) {
          if (supporters.includes(r)) continue;
          emit(s, r, rule, confidence, m[0], at);
          // 援建的巴青县中学: the supporter is paired with the place the school is named after (implied).
          if (!r.isPlace && r.placeId && s.isPlace && r.placeId !== s.id && /援建|对口支援|对口援建/u.test(m[0])) {
            emit(s, { start: r.start, end: r.start, id: r.placeId, code: r.placeCode, isPlace: true }, `${rule}; paired with the place the recipient is named after (implied)`, 0.5, m[0], at);
          }
        }
        // 援建都江堰市的医疗中心、综合社会福利院: the institutions after the recipient place and 的.
        const lastPlace = recipients[recipients.length - 1]!;
        const owned = lastPlace.isPlace ? inS.find((p) => !p.isPlace && p.start > lastPlace.end && /^的\s*$/u.test(text.slice(lastPlace.end, p.start))) : undefined;
        if (owned) for (const r of listFrom(owned, RECIPIENT_JOIN)) if (!r.isPlace) emit(s, r, `${rule}; the institutions of the recipient place named after 的`, confidence * 0.9, m[0], at);
      }
    }
  }
  out.push(...supporterLeftUnsaid(text, sentences, parties, out));
  // Dated statement by statement, then merged: each sentence dates what it states.
  if (publishedYear !== undefined) datePairings(text, sentences, out, publishedYear, parties);
  return merge(out);
}

/** What aid builds or runs: an institution named as a school, hospital, centre, base or home. */
const BUILT_THING = /(学校|小学|中学|大学|学院|幼儿园|医院|卫生院|卫生站|卫生所|中心|基地|园区|福利院|敬老院|养老院|馆|站|厂)$/u;
/** An institution, then what is built of it and said done: 北川青少年活动中心、禹王桥等项目将于9月交付, 某医院病房楼建设项目. */
const BUILT_AFTER = /^[^,，;；:：]{0,12}?(建设项目|改扩建项目|扩建项目|新建项目|援建项目|工程|项目)|^[^,，;；:：]{0,16}?(交付|建成|竣工|落成|投入使用|投用|启用|完工|封顶|开工)/u;
/** A support verb, then the institution: (先后选派…)支援某医院, 援建了某中学, 承担了某医院…的建设. */
const AID_BEFORE = /(援建|支援|帮扶|捐建|承建|承担|资助|实施|改扩建|新建)(了)?\s*$/u;

/**
 * A supporter left unsaid: a clause that builds, delivers or aids an institution and names no
 * supporter, in a text that establishes one (the supporter of most of its stated pairings, at least
 * twice as many recipients as any other), is that supporter's aid (implied). Nothing in a text whose
 * supporters share the pairings, in a clause or sentence naming a supporter of its own, for an
 * institution of the supporter itself.
 */
function supporterLeftUnsaid(text: string, sentences: readonly Sentence[], parties: readonly PairingParty[], stated: readonly PairingMention[]): PairingMention[] {
  const recipientsOf = new Map<string, Set<string>>();
  for (const p of stated) if (p.from.isPlace && p.from.code) recipientsOf.set(p.from.id, new Set([...(recipientsOf.get(p.from.id) ?? []), p.to.id]));
  const ranked = [...recipientsOf].sort((a, b) => b[1].size - a[1].size);
  if (!ranked.length || (ranked[1] && ranked[0]![1].size < 2 * ranked[1][1].size)) return [];
  const mainId = ranked[0]![0];
  const main = stated.find((p) => p.from.id === mainId)!.from;
  const supporterIds = new Set(recipientsOf.keys());
  /** A party that could be the clause's own supporter: a supporter the text states, a place or body of the main supporter's own. */
  const speaksFor = (p: PairingParty) => supporterIds.has(p.id) || (p.placeId !== undefined && supporterIds.has(p.placeId)) ||
    [p.code, p.placeCode].some((c) => c !== undefined && main.code !== undefined && c.startsWith(main.code)) || OWN_BODY.test(p.name ?? '') ||
    // 援藏工作站, 援疆指挥中心: the aid's own offices, never its recipients.
    /援[藏疆青川建]|对口/u.test(p.name ?? '');
  const aidedAlready = new Set(stated.map((p) => p.to.id));
  const grouped = bySentence(sentences, parties);
  const out: PairingMention[] = [];
  for (const sentence of sentences) {
    const inS = grouped.get(sentence) ?? [];
    for (const r of inS) {
      if (r.isPlace || !BUILT_THING.test(r.name ?? '') || aidedAlready.has(r.id)) continue;
      const clauseStart = Math.max(sentence.start, ...[',', '，', ';', '；', ':', '：'].map((c) => text.lastIndexOf(c, r.start - 1) + 1));
      const rest = text.slice(r.end, sentence.end);
      // Another supporter named before, in this clause or one leading to it, is the clause's own (宁波援建的A已建成,B也投入使用).
      const clauseEnd = r.end + (/[,，;；]/u.exec(rest)?.index ?? rest.length);
      if (inS.some((p) => p.start < clauseEnd && p.id !== main.id && speaksFor(p))) continue;
      // The clause's end, read over the institutions listed with this one (A、B和C等项目将于9月交付).
      const listed = /^(\s*(、|和|及|与)\s*[^,，;；、和及与]{1,24}?)*?(等)?/u.exec(rest)![0];
      const built = BUILT_AFTER.test(rest) || BUILT_AFTER.test(rest.slice(listed.length));
      const aided = AID_BEFORE.test(text.slice(clauseStart, r.start));
      if (!built && !aided) continue;
      out.push({
        from: main, to: r, rule: `a supporter left unsaid: the text's one supporter, for an institution its clause ${aided ? 'aids' : 'builds or delivers'} (implied)`,
        confidence: 0.45, sentence, at: sentence.end, phrase: '援建',
      });
    }
  }
  return out;
}

/** 对口援藏30年来, 已经持续进行了21年: a pairing's duration as of the text's year. */
const DURATION = /(对口支援|对口援建|对口援[藏疆青]|援[藏疆青]|援建|帮扶|协作|结对)([^。;；]{0,14}?)(\d{1,2}|[二三四五六七八九十]{1,3})\s*(?:个)?年(来|了|间|之久|历程)?/gu;
/** 一场17年的援藏接力: a span of years before the aid it measures. */
const DURATION_BEFORE = /(\d{1,2}|[二三四五六七八九十]{1,3})\s*年的?(对口支援|对口援建|对口援[藏疆青]|援[藏疆青])/gu;
/** A sentence that opens with its date and states a pairing's start: 1994年7月,…上海由此和日喀则结下了…. */
const OPENING_DATE = /^\s*(\d{4})\s*年(\d{1,2}月)?(\d{1,2}日)?\s*[,，]/u;
const START_WORDS = /结下|结成|结为|确定|启动|开始|由此|从此|建立/u;

/**
 * Years from durations and opening dates. A duration dates the pairings its sentence states, or,
 * where it states none, those whose supporter it names (对口援藏30年来,…辽宁援藏工作…).
 */
function datePairings(text: string, sentences: readonly Sentence[], pairings: PairingMention[], publishedYear: number, parties: readonly PairingParty[]): void {
  for (const sentence of sentences) {
    const words = text.slice(sentence.start, sentence.end);
    // The sentence names a pairing's supporter however it writes it (南京 for 南京市).
    const namesSupporter = (p: PairingMention) => p.from.isPlace && p.from.end > p.from.start &&
      (words.includes(text.slice(p.from.start, p.from.end)) || parties.some((q) => q.id === p.from.id && q.start >= sentence.start && q.end <= sentence.end));
    for (const m of words.matchAll(DURATION)) {
      // 30年来, 走过了21年, 已经持续进行了21年: a duration, not a year's count of something.
      if (!m[4] && !/持续|已经|已|进行|走过/u.test(m[2]!)) continue;
      const n = /\d/u.test(m[3]!) ? Number(m[3]) : chineseYears(m[3]!);
      if (!n || n > 80) continue;
      const stated = pairings.filter((p) => p.sentence === sentence);
      const named = stated.length ? stated : pairings.filter(namesSupporter);
      for (const p of named) if (p.since === undefined && p.until === undefined) { p.since = publishedYear - n; p.sinceQualifier = 'APPROXIMATELY'; }
    }
    // 一场17年的援藏接力: the span before the aid it dates.
    for (const m of words.matchAll(DURATION_BEFORE)) {
      // 为期3年的对口援建: a term set ahead, not years of aid behind.
      if (/(为期|期限|按)\s*$/u.test(words.slice(0, m.index))) continue;
      const n = /\d/u.test(m[1]!) ? Number(m[1]) : chineseYears(m[1]!);
      if (!n || n > 80) continue;
      const stated = pairings.filter((p) => p.sentence === sentence);
      const named = stated.length ? stated : pairings.filter(namesSupporter);
      for (const p of named) if (p.since === undefined && p.until === undefined) { p.since = publishedYear - n; p.sinceQualifier = 'APPROXIMATELY'; }
    }
    // A year the text states beats one read from a rounded span (持续进行了21年, as of the text's year).
    const opening = OPENING_DATE.exec(words);
    if (opening && START_WORDS.test(words)) {
      for (const p of pairings) {
        if (p.sentence !== sentence || p.until !== undefined || (p.since !== undefined && p.sinceQualifier !== 'APPROXIMATELY')) continue;
        p.since = Number(opening[1]);
        p.sinceQualifier = undefined;
      }
    }
  }
}

function chineseYears(s: string): number | undefined {
  const digits: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s === '十') return 10;
  const m = /^([二三四五六七八九])?(十)?([二三四五六七八九])?$/u.exec(s);
  if (!m) return undefined;
  return m[2] ? (m[1] ? digits[m[1]]! : 1) * 10 + (m[3] ? digits[m[3]]! : 0) : m[1] ? digits[m[1]] : undefined;
}

/** One pairing per supporter and recipient (and per ended or begun, for a change): the surest statement, with every year stated. */
function merge(list: PairingMention[]): PairingMention[] {
  const byKey = new Map<string, PairingMention>();
  for (const p of list) {
    const key = `${p.from.id}|${p.to.id}|${p.until !== undefined ? 'ended' : ''}`;
    const had = byKey.get(key);
    if (!had) { byKey.set(key, p); continue; }
    const best = p.confidence > had.confidence ? { ...p } : { ...had };
    // The earliest start; of two alike, the year a text states over one read from a rounded span.
    const dated = [had, p].filter((x) => x.since !== undefined).sort((a, b) => a.since! - b.since! || Number(!!a.sinceQualifier) - Number(!!b.sinceQualifier))[0];
    if (dated) { best.since = dated.since; best.sinceQualifier = dated.sinceQualifier; }
    byKey.set(key, best);
  }
  return [...byKey.values()];
}

/** The year a sentence says something started: 自1994年…以来, 2010年起, 从2016年开始. */
export function yearSince(sentence: string): number | undefined {
  const m = YEAR_SINCE.exec(sentence);
  const y = m ? Number(m[1]) : undefined;
  return y !== undefined && y >= 1950 && y <= 2100 ? y : undefined;
}

