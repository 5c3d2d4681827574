// Institutions by the words their names end with (医院, 中学, 局, 委员会, 中心, 工作队 …). A name runs
// left from its ending to the clause break, the last function word or verb, or the first place
// it names, whichever is nearest; a name that starts with a level (县教育局) takes the place named
// before it in the sentence (安多县教育局); a hospital's unit (科, 部, 病房) takes the hospital named
// before it in the paragraph (索县人民医院 … 护理部 → 索县人民医院护理部).
import type { EntityKind } from '../../domain/vocabulary.js';
import type { PlaceMention } from './places.js';
import { NAME_BREAK, sentenceAt, type Sentence } from './text.js';

type InstitutionKind = Extract<EntityKind, 'SCHOOL' | 'HOSPITAL' | 'ORGANIZATION'>;

/** Name endings, longest first within a kind; what kind of institution each names. */
const ending = (kind: InstitutionKind) => (word: string): [string, InstitutionKind] => [word, kind];
const ENDINGS: Array<[string, InstitutionKind]> = [
  ...['特殊学校', '高级中学', '幼儿园', '教学点', '中学', '小学', '大学', '学院', '学校'].map(ending('SCHOOL')),
  ...['卫生院', '医院'].map(ending('HOSPITAL')),
  ...['委员会', '工作队', '支援队', '联络站', '服务站', '总工会', '卫健委', '干部人才', '旅行社', '办公室', '中心', '日报', '系统',
    '单位', '企业', '公司', '协会', '干部', '局', '厅', '委'].map(ending('ORGANIZATION')),
];
/** A hospital's units: only a name when the hospital is known (or the name says enough by itself). */
const UNIT_ENDINGS = ['病房', '科', '部'];
/** What may follow an ending and make it another word: 科学, 部署, 局长 (a post, not a body), 委员. */
const CONTINUES: Record<string, RegExp> = {
  科: /^[学技研室普A-Za-z]/u, 部: /^[署分门长]/u, 局: /^[长面势限]/u, 委: /^[员托屈]/u, 中心: /^[城区]/u, 系统: /^[性化]/u, 干部: /^人才/u,
  单位: /^[置]/u, 学院: /^[派]/u, 大学: /^生/u, 中学: /^生/u, 小学: /^生/u, 厅: /^[堂]/u,
};
/** Function words and verbs a name never holds: the name starts after the last of them. */
const STOPS = /(的|了|在|对接|对(?!口)|把|被|从|向|到|将|让|使|说|并|也|还|都|又|而|或|该|这|是|由|给|各|及|我们|他们|成为|获批|统筹|设立|成立|实施|承担|支援|帮助|组织|参加|推进|协调|建成|创建|援建|推动|引进|邀请|选派|派出|开展|提供|挂牌|举办|围绕)/gu;
// 县教育局 (a county's bureau), not 省内 or 省直 (within the province, directly under it).
const LEVEL_START = /^(省|市|县|区|乡|镇)(?![内外直属])/u;
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
  rule: string;
}

export function findInstitutions(text: string, sentences: readonly Sentence[], places: readonly PlaceMention[]): InstitutionMention[] {
  const out: InstitutionMention[] = [];
  const endings = [...ENDINGS.map(([s, k]) => ({ s, k, unit: false })), ...UNIT_ENDINGS.map((s) => ({ s, k: 'HOSPITAL' as const, unit: true }))]
    .sort((a, b) => b.s.length - a.s.length);
  let floor = 0; // a name never reaches back into the previous one
  for (let i = 0; i < text.length; i++) {
    const ending = endings.find((e) => text.startsWith(e.s, i));
    if (!ending) continue;
    const end = i + ending.s.length;
    if (CONTINUES[ending.s]?.test(text.slice(end))) continue;
    const sentence = sentenceAt(sentences, i);
    if (!sentence) continue;
    let start = i;
    while (start > Math.max(sentence.start, floor) && !NAME_BREAK.test(text[start - 1]!)) start--;
    const span = text.slice(start, i);
    let cut = 0;
    for (const m of span.matchAll(STOPS)) cut = m.index + m[0].length;
    start += cut;
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
    const stem = name.slice(0, -ending.s.length);
    if (ending.unit) {
      // A unit: named after its hospital, earlier in the paragraph; a short phrase in quotes is a term (“以院包科”).
      if (QUOTE.test(name) || /[0-9两]/u.test(stem) || stem.length === 0 || stem.endsWith('专')) continue; // 专科: a specialty, a kind
      const hospital = [...out].reverse().find((m) => m.kind === 'HOSPITAL' && m.end <= start && sentenceAt(sentences, m.start)?.paragraph === sentence.paragraph && !UNIT_ENDINGS.some((u) => m.name.endsWith(u)));
      if (hospital) {
        if (!name.startsWith(hospital.name)) name = hospital.name + name;
        quoteStart = Math.min(quoteStart, sentenceAt(sentences, hospital.start)!.start);
        place = hospital.place;
        rule += `, a unit of ${hospital.name} named before it`;
      } else if (name.length < 5) continue;
    } else if (LEVEL_START.test(name) && !placeInside) {
      const level = name[0]!;
      const before = [...places].reverse().find((p) => p.end <= start && p.start >= sentence.start);
      if (!before) continue;
      const full = before.surface.endsWith(level) ? before.surface : undefined;
      if (!full) continue;
      name = full + name.slice(1);
      place = before;
      rule += `, attached to ${before.surface} named before it`;
    } else if (!placeInside && stem.replace(/[“”"《》‘’]/gu, '').length < 2) continue;
    if (!placeInside && !ending.unit && name.length < 4) continue;
    floor = end;
    out.push({ start, end, name, kind: ending.k, quoteStart, place, rule });
    i = end - 1;
  }
  return out;
}
