// Institutions by the words their names end with (医院, 中学, 局, 委员会, 中心, 工作队 …). A name runs
// left from its ending to the clause break, the last function word or verb, or the first place
// it names, whichever is nearest; a name that starts with a level (县教育局) takes the place named
// before it in the sentence (安多县教育局); a hospital's unit (科, 部, 病房) takes the hospital named
// before it in the paragraph (索县人民医院 … 护理部 → 索县人民医院护理部). jieba's words keep an ending
// inside another word from being read as one (局 in 布局, 部 in 东西部 or 全部); a description alone
// (中小学校, 初级中学) is no name, unless a place names it (都江堰市的医疗中心、综合社会福利院 are the
// 都江堰市 ones). Central bodies (国务院, 民政部 …) and 兵团 divisions (农十四师) are named as written.
import type { EntityKind } from '../../domain/vocabulary.js';
import type { PlaceMention } from './places.js';
import { addWords, tokensOf, type Token } from './segment.js';
import { bySentence, NAME_BREAK, sentenceAt, type Sentence } from './text.js';

type InstitutionKind = Extract<EntityKind, 'SCHOOL' | 'HOSPITAL' | 'ORGANIZATION'>;

/** Name endings, longest first within a kind; what kind of institution each names. */
const ending = (kind: InstitutionKind) => (word: string): [string, InstitutionKind] => [word, kind];
const ENDINGS: Array<[string, InstitutionKind]> = [
  ...['特殊学校', '高级中学', '幼儿园', '教学点', '中学', '小学', '大学', '学院', '学校',
    ...[...'一二三四五六七八九'].map((n) => `${n}中`)].map(ending('SCHOOL')),
  ...['卫生院', '医院'].map(ending('HOSPITAL')),
  ...['委员会', '工作队', '支援队', '联络站', '服务站', '总工会', '卫健委', '旅行社', '办公室', '中心', '日报', '系统',
    '干部人才', '单位', '企业', '公司', '协会', '福利院', '敬老院', '养老院', '代表团', '联络组', '工作组', '领导小组', '指挥部', '基地',
    '局', '厅', '委', '司'].map(ending('ORGANIZATION')),
];
/**
 * Bodies named without a place or an ending the rules read: the central party and state organs most
 * documents on the programmes name, and the Xinjiang Production and Construction Corps.
 */
export const INSTITUTION_VOCABULARY = ['中共中央', '党中央', '国务院', '中央政府', '全国人大', '全国政协', '中央组织部', '中组部', '中央统战部',
  '国务院办公厅', '中共中央办公厅', '国家发展改革委', '发展改革委', '国家发展和改革委员会', '民政部', '财政部', '教育部', '国土资源部',
  '自然资源部', '住房城乡建设部', '人力资源社会保障部', '国家卫生健康委', '农业农村部', '商务部', '国家民委', '国务院扶贫办',
  '国家乡村振兴局', '地震局', '中国地震局', '统计局', '国家统计局', '国务院国资委', '中共中央政治局', '新疆生产建设兵团'];
/** Words that end like a body's name and are none: 布局, 东西部, 全部, 干部. */
const NOT_NAMES = new Set(['布局', '格局', '大局', '结局', '开局', '局部', '全部', '东部', '西部', '中部', '南部', '北部', '东西部', '内部', '外部',
  '干部', '腹部', '部委', '各部委', '局', '部', '委', '厅']);
/** A 兵团 division: 农十四师, 第十四师, 农一师. */
const CORPS_DIVISION = /(农|农业建设|建工)?第?[一二三四五六七八九十]{1,3}师(?![范傅生资长])/gu;
/** Words that describe an institution without naming it: a name of only these (and its ending) is a description. */
const DESCRIPTIONS = new Set(['中小', '中小学', '完全', '初级', '高级', '体育', '青少年', '活动', '医疗', '卫生', '行政', '事业', '事业单位', '在职',
  '重点', '部门', '和', '相关', '当地', '职业', '综合', '社会', '社会福利', '福利', '特殊', '公立', '民办', '人民', '各级', '各类', '有关', '基层',
  '公共', '服务', '文化', '教育', '培训', '技术', '专业', '新', '大型', '各', '该', '全国', '省级', '市级', '县级', '乡镇', '村级', '学校', '农村',
  '城乡', '示范', '援建', '对口', '国家', '地方', '政府', '企业', '产业', '加工', '建设', '管理', '科研', '研究', '医学', '治疗', '救治', '两地']);
/** A hospital's units: only a name when the hospital is known (or the name says enough by itself). */
const UNIT_ENDINGS = ['病房', '科', '部'];
/** What may follow an ending and make it another word: 科学, 部署, 局长 (a post, not a body), 委员. */
const CONTINUES: Record<string, RegExp> = {
  ...Object.fromEntries([...'一二三四五六七八九'].map((n) => [`${n}中`, /^全/u])), // 三中全会
  科: /^[学技研室普A-Za-z]/u, 部: /^[署分门长]/u, 局: /^[长面势限]/u, 委: /^[员托屈]/u, 中心: /^[城区]/u, 系统: /^[性化]/u, 干部: /^人才/u,
  单位: /^[置]/u, 学院: /^[派]/u, 大学: /^生/u, 中学: /^生/u, 小学: /^生/u, 厅: /^[堂]/u,
};
/** Function words and verbs a name never holds: the name starts after the last of them. */
const STOPS = /(的|了|在|已经|已|须|完成|注明|建立起|建立|降级为|改为|升格为|组建|率|带领|赴|来到|前往|对接|对(?!口)|把|被|从|向|到|将|让|使|说|并|也|还|都|又|而|或|该|这|是|由|给|各|及|我们|他们|成为|获批|统筹|设立|成立|实施|承担|支援|帮助|组织|参加|推进|协调|建成|创建|援建|推动|引进|邀请|选派|派出|开展|提供|挂牌|举办|围绕)/gu;
// 县教育局 (a county's bureau), not 省内 or 省直 (within the province, directly under it).
const LEVEL_START = /^(省|市|县|区|乡|镇)(?![内外直属城])/u; // 县城二中: the county town's, not 县 + 城二中
const QUOTE = /[“”"《》‘’]/u;

export interface InstitutionMention {
  start: number;
  end: number;
  /** The name as the draft proposes it (with the place or hospital it was attached to). */
  name: string;
  kind: InstitutionKind;
  /** Where the quote starts when the name was completed from an earlier sentence. */
  quoteStart: number;
  /** The place the name was attached to, or the first place it names. */
  place: PlaceMention | undefined;
  /** A division of the Xinjiang Production and Construction Corps: a place outside the official list. */
  corpsDivision?: boolean;
  /** Where the text writes it, when the name is put together (都江堰市的医疗中心 for 都江堰市医疗中心). */
  written?: { start: number; end: number } | undefined;
  rule: string;
}

let vocabularyLoaded = false;

export function findInstitutions(text: string, sentences: readonly Sentence[], allPlaces: readonly PlaceMention[], given?: readonly Token[]): InstitutionMention[] {
  if (!vocabularyLoaded) { addWords(INSTITUTION_VOCABULARY.map((w) => [w, 'nt'] as const)); vocabularyLoaded = true; }
  const tokens = given ?? tokensOf(text);
  const tokenAt = new Array<Token | undefined>(text.length);
  for (const t of tokens) for (let i = t.start; i < t.end; i++) tokenAt[i] = t;
  const boundary = (i: number) => i <= 0 || i >= text.length || tokenAt[i]?.start === i;
  const out: InstitutionMention[] = [];
  // Named as written: the vocabulary's bodies and the 兵团's divisions.
  const fixed: Array<{ start: number; end: number; mention: InstitutionMention }> = [];
  const vocabulary = new RegExp([...INSTITUTION_VOCABULARY].sort((a, b) => b.length - a.length).join('|'), 'gu');
  for (const m of text.matchAll(vocabulary)) {
    const sentence = sentenceAt(sentences, m.index);
    if (!sentence || !boundary(m.index) || !boundary(m.index + m[0].length)) continue;
    // 国务院办公厅 and 国家发展和改革委员会投资司 are read by their endings below.
    if (/^(办公厅|投资司|司|委员会)/u.test(text.slice(m.index + m[0].length))) continue;
    fixed.push({ start: m.index, end: m.index + m[0].length, mention: { start: m.index, end: m.index + m[0].length, name: m[0], kind: 'ORGANIZATION', quoteStart: sentence.start, place: undefined, rule: 'a central body named as written' } });
  }
  if (/兵团/u.test(text)) {
    for (const m of text.matchAll(CORPS_DIVISION)) {
      const sentence = sentenceAt(sentences, m.index);
      if (!sentence || (!m[1] && !/兵团$/u.test(text.slice(Math.max(0, m.index - 4), m.index)))) continue;
      fixed.push({ start: m.index, end: m.index + m[0].length, mention: { start: m.index, end: m.index + m[0].length, name: m[0], kind: 'ORGANIZATION', quoteStart: sentence.start, place: undefined, rule: 'a division of the Xinjiang Production and Construction Corps (兵团)', corpsDivision: true } });
    }
  }
  const endings = [...ENDINGS.map(([s, k]) => ({ s, k, unit: false })), ...UNIT_ENDINGS.map((s) => ({ s, k: 'HOSPITAL' as const, unit: true }))]
    .sort((a, b) => b.s.length - a.s.length);
  let floor = 0; // a name never reaches back into the previous one
  const placesIn = bySentence(sentences, allPlaces);
  const endingsByChar = new Map<string, typeof endings>();
  for (const e of endings) endingsByChar.set(e.s[0]!, [...(endingsByChar.get(e.s[0]!) ?? []), e]);
  for (let i = 0; i < text.length; i++) {
    const ending = endingsByChar.get(text[i]!)?.find((e) => text.startsWith(e.s, i));
    if (!ending) continue;
    const end = i + ending.s.length;
    if (CONTINUES[ending.s]?.test(text.slice(end))) continue;
    // 中心小学, 中心医院: the name goes on to the next ending.
    if (endings.some((e) => !e.unit && text.startsWith(e.s, end))) continue;
    // An ending inside a word (布局, 东西部, 全部, 干部) is no ending, unless jieba reads the word as a body's name (民政部).
    const word = tokenAt[i];
    if (word && word.start < i && (word.end > end || [...NOT_NAMES].some((n) => n.length >= 2 && word.word.endsWith(n)))) continue;
    const sentence = sentenceAt(sentences, i);
    if (!sentence) continue;
    const places = placesIn.get(sentence) ?? [];
    let start = i;
    while (start > Math.max(sentence.start, floor) && !NAME_BREAK.test(text[start - 1]!)) start--;
    const span = text.slice(start, i);
    let cut = 0;
    // A stop word inside a word (在 of 在职) does not cut the name.
    for (const m of span.matchAll(STOPS)) if (boundary(start + m.index) && boundary(start + m.index + m[0].length)) cut = m.index + m[0].length;
    start += cut;
    // A place named across the cut (都江堰 after 都 read as a stop) belongs to the name.
    const across = places.find((p) => p.start < start && p.end > start && p.end <= i);
    if (across) start = across.start;
    // 《…》已经国务院…: a closing quote without its opening ends what came before.
    const closing = Math.max(...[...'》”’'].map((q) => text.lastIndexOf(q, i - 1)));
    if (closing >= start && !/[《“‘]/u.test(text.slice(start, closing))) start = closing + 1;
    // 病房楼建设项目和农十四师红枣加工基地: a new name after 和 (a place's or a body's) starts there.
    for (const m of text.slice(start, i).matchAll(/[和及与]/gu)) {
      const next = start + m.index + 1;
      if (places.some((p) => p.start === next) || fixed.some((f) => f.start === next)) { start = next; break; }
    }
    // 17个小学, 10批次1021名援藏干部人才: a count is no name.
    if (/^(\d+|[一二三四五六七八九十两]+)(个|批次|批|名|所|家|座)/u.test(text.slice(start, i))) continue;
    const placeInside = places.find((p) => p.start >= start && p.end <= end);
    if (placeInside) start = placeInside.start;
    while (start < i && QUOTE.test(text[start]!) && !text.slice(start + 1, i).match(/[”"》’]/u)) start++;
    // 一所学校, 一个地区: an article and a measure word, not a name.
    const article = /^一[所个家座支批]/u.exec(text.slice(start, i));
    if (article && !placeInside) start += article[0].length;
    let name = text.slice(start, end);
    if (ending.s === '厅' && /大厅$/u.test(name)) continue; // a hall, not a department
    if (!ending.unit && QUOTE.test(name[0]!) && !placeInside) continue; // “三甲”医院: a description, not a name
    let quoteStart = sentence.start;
    let place = placeInside;
    let rule = `ends with ${ending.s}`;
    let written: InstitutionMention['written'];
    const stem = name.slice(0, -ending.s.length);
    if (ending.unit) {
      // A unit: named after its hospital, earlier in the paragraph; a short phrase in quotes is a term (“以院包科”).
      if (QUOTE.test(name) || /[0-9两]/u.test(stem) || stem.length === 0 || stem.endsWith('专')) continue; // 专科: a specialty, a kind
      let hospital: InstitutionMention | undefined;
      for (let k = out.length - 1; k >= 0 && !hospital; k--) {
        const m = out[k]!;
        const para = sentenceAt(sentences, m.start)?.paragraph;
        if (para !== undefined && para < sentence.paragraph) break;
        if (m.kind === 'HOSPITAL' && m.end <= start && para === sentence.paragraph && !UNIT_ENDINGS.some((u) => m.name.endsWith(u))) hospital = m;
      }
      if (hospital) {
        if (!name.startsWith(hospital.name)) name = hospital.name + name;
        quoteStart = Math.min(quoteStart, sentenceAt(sentences, hospital.start)!.start);
        place = hospital.place;
        rule += `, a unit of ${hospital.name} named before it`;
      } else continue;
    } else if (LEVEL_START.test(name) && !placeInside) {
      const level = name[0]!;
      const before = [...places].reverse().find((p) => p.end <= start && p.start >= sentence.start);
      if (!before) continue;
      const full = text.slice(before.start, before.end).endsWith(level) ? text.slice(before.start, before.end) : undefined;
      if (!full) continue;
      written = { start, end };
      name = full + name.slice(1);
      place = before;
      rule += `, attached to ${text.slice(before.start, before.end)} named before it`;
    } else if (!placeInside && isDescription(stem)) {
      // 都江堰市的医疗中心、综合社会福利院: a description is named by the place before it (and its list).
      const owner = describedBy(text, start, places, out);
      if (!owner) continue;
      written = { start: owner.adjacent ? owner.place.start : start, end };
      name = owner.name + name;
      place = owner.place;
      rule += `, a description named by ${owner.name} before it`;
    } else if (!placeInside && stem.replace(/[“”"《》‘’]/gu, '').length < 2) continue;
    if (!placeInside && !ending.unit && name.length < 4 && !rule.includes('description')) continue;
    floor = end;
    out.push({ start, end, name, kind: ending.k, quoteStart, place, rule, ...(written ? { written } : {}) });
    i = end - 1;
  }
  // A body named as written counts where no longer name holds it (国务院 in 国务院抗震救灾总指挥部).
  for (const f of fixed) if (!out.some((m) => m.start <= f.start && f.end <= m.end)) out.push(f.mention);
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a name's words before its ending are all descriptions (中小学校, 完全中学, 医疗中心), longest first. */
export function isDescription(stem: string): boolean {
  let at = 0;
  while (at < stem.length) {
    let len = Math.min(4, stem.length - at);
    while (len > 0 && !DESCRIPTIONS.has(stem.slice(at, at + len))) len--;
    if (!len) return false;
    at += len;
  }
  return true;
}

/** The place that names a description: `都江堰市的` right before it, or before the list it is in. */
function describedBy(text: string, start: number, places: readonly PlaceMention[], found: readonly InstitutionMention[]): { name: string; place: PlaceMention; adjacent: boolean } | undefined {
  const before = places.find((p) => /^的?$/u.test(text.slice(p.end, start)) && p.end <= start);
  if (before) return { name: text.slice(before.start, before.end), place: before, adjacent: true };
  const listed = [...found].reverse().find((m) => m.end <= start && /^[、和及与]$/u.test(text.slice(m.end, start)));
  if (listed?.place && listed.name.startsWith(text.slice(listed.place.start, listed.place.end))) {
    return { name: text.slice(listed.place.start, listed.place.end), place: listed.place, adjacent: false };
  }
  return undefined;
}
