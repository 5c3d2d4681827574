// Places named in a text, found by longest match against the national frame (the official
// division list down to townships, read from the installed package: no database, no download)
// and the names seeds already give places, short forms included (安多 for 安多县). A short form is
// only taken where the text also names a place above or below it, so 长治 in 长治久安 or 合作 in
// 交流合作 stays a word; homonyms are told apart by the other places the text names. Matching reads
// the simplified copy of the text (遼寧 is 辽宁); a short name must not cut one of jieba's words in two
// (新县 in 新县城); a township counts only where its county or city is named too; a place renamed
// since (陈家坝乡, 日喀则地区) resolves to today's code, the old name kept as the surface.
import { DIVISION_LEVELS } from '../../domain/division-codes.js';
import { readLevel, type DivisionRecord, type GazetteerEdition } from '../../gazetteer/division-list.js';
import { splitGeneric } from '../../domain/search-keys.js';
import type { EntityKind } from '../../domain/vocabulary.js';
import { RENAMES } from './renames.js';
import { addWords, boundariesOf, tokensOf } from './segment.js';
import { matchingCopy } from './text.js';

/** An entity a seed folder already holds, as the draft needs it for resolving names. */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string | null;
  aliases: string[];
  code?: string | undefined;
}

interface NameEntry {
  code: string;
  short: boolean;
  /** An old name (renames.ts): the place it was in must be named too, when the table says so. */
  renamedWithin?: string | undefined;
}

/**
 * The peoples an autonomous area's name carries (玉树藏族自治州, 恩施土家族苗族自治州): people write
 * the place without them and with a plain level word (玉树州, 北川县), or with neither (北川).
 */
const PEOPLES = ['维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '乌孜别克', '塔塔尔', '俄罗斯', '蒙古', '朝鲜', '土家', '布依', '仡佬', '毛南', '仫佬',
  '撒拉', '东乡', '保安', '裕固', '达斡尔', '鄂温克', '鄂伦春', '锡伯', '哈尼', '傈僳', '纳西', '景颇', '拉祜', '普米', '独龙', '阿昌', '德昂',
  '布朗', '基诺', '门巴', '珞巴', '赫哲', '藏', '羌', '彝', '苗', '侗', '回', '壮', '瑶', '白', '傣', '佤', '黎', '畲', '水', '土', '满', '怒', '京', '各'];
const PEOPLE_SUFFIX = new RegExp(`(${PEOPLES.join('|')})族$`, 'u');
/** Some autonomous areas carry a people without 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州): only names of two characters or more, read so. */
const PEOPLE_BARE = new RegExp(`(${PEOPLES.filter((p) => p.length >= 2).join('|')})$`, 'u');
const AUTONOMOUS_LEVEL: Record<string, string> = { 自治州: '州', 自治县: '县', 自治旗: '旗' };

/** 玉树藏族 → 玉树; 黔东南苗族侗族 → 黔东南; before 自治 (`autonomous`), 巴音郭楞蒙古 → 巴音郭楞 too. */
export function withoutPeoples(stem: string, autonomous = false): string {
  let s = stem;
  const next = (x: string) => PEOPLE_SUFFIX.exec(x) ?? (autonomous ? PEOPLE_BARE.exec(x) : null);
  for (let m = next(s); m && s.length - m[0].length >= 2; m = next(s)) s = s.slice(0, -m[0].length);
  return s;
}

/** Names at most this long are checked against jieba's words; longer ones do not cut words by chance. */
const CHECKED_LENGTH = 3;

/** Villages are left out: 620,573 names, thousands of them common words (新村, 红旗). */
const LEVELS = DIVISION_LEVELS.filter((l) => l.kind !== 'VILLAGE');
/** Levels whose short forms people write (那曲, 安多); a township is named in full. */
const SHORT_FORM_DIGITS = 6;

export class PlaceIndex {
  readonly records = new Map<string, DivisionRecord>();
  private readonly byName = new Map<string, NameEntry[]>();
  private maxLength = 0;

  constructor(edition: GazetteerEdition, known: readonly KnownEntity[] = []) {
    for (const level of LEVELS) {
      for (const r of readLevel(edition, level)) {
        this.records.set(r.code, r);
        this.add(r.nameZh, r.code, false);
        const [stem, generic] = splitGeneric(r.nameZh, 2);
        if (generic && r.code.length <= SHORT_FORM_DIGITS) {
          const plain = withoutPeoples(stem, generic.startsWith('自治'));
          this.add(plain, r.code, true);
          if (plain !== stem) this.add(stem, r.code, true);
          if (AUTONOMOUS_LEVEL[generic]) this.add(plain + AUTONOMOUS_LEVEL[generic], r.code, false);
        }
      }
    }
    for (const r of RENAMES) if (this.records.has(r.code)) this.add(r.old, r.code, false, r.within);
    addWords(this.dictionaryWords());
    // The names seeds give a place (辽宁 for 辽宁省) point at its code too.
    for (const e of known) {
      if (!e.code || !this.records.has(e.code)) continue;
      for (const n of [e.nameZh, ...e.aliases]) if (n && /\p{Script=Han}/u.test(n)) this.add(n, e.code, n !== this.records.get(e.code)!.nameZh);
    }
  }

  private add(name: string, code: string, short: boolean, renamedWithin?: string) {
    if (name.length < 2) return;
    const list = this.byName.get(name) ?? [];
    if (list.some((x) => x.code === code)) return;
    list.push({ code, short, ...(renamedWithin ? { renamedWithin } : {}) });
    this.byName.set(name, list);
    this.maxLength = Math.max(this.maxLength, name.length);
  }

  /** The names of the places above a code, top down: 西藏自治区 › 那曲市. */
  chain(code: string): string[] {
    return [2, 4, 6, 9].filter((d) => d < code.length).map((d) => this.records.get(code.slice(0, d))?.nameZh).filter((n): n is string => !!n);
  }

  /**
   * Names for the segmenter's user dictionary: provinces, cities and counties in full (and old names).
   * Short forms stay out: jieba's own dictionary knows 长治久安 as one word, and a short 长治 given
   * to it as a word would split it.
   */
  dictionaryWords(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [name, entries] of this.byName) if (entries.some((e) => !e.short && e.code.length <= SHORT_FORM_DIGITS)) out.push([name, 'ns']);
    return out;
  }

  /** A name as the index matches it (simplified characters). */
  matchingName(surface: string): string {
    return matchingCopy(surface);
  }

  /** The official name of a code's place, if the list has it. */
  nameOf(code: string): string | undefined {
    return this.records.get(code)?.nameZh;
  }

  /** Every place name in the text, longest first at each position, each resolved to a code. */
  find(text: string, matching: string = matchingCopy(text)): PlaceMention[] {
    const tokens = tokensOf(matching);
    const boundaries = boundariesOf(tokens, matching.length);
    // Where jieba reads a place name as a word of its own (拉萨 in 江苏与拉萨), a short form needs no
    // other place beside it.
    const placeWords = new Set(tokens.filter((t) => t.tag === 'ns' || t.tag === 'nrt').map((t) => `${t.start}:${t.end}`));
    const raw: Array<{ start: number; end: number; entries: NameEntry[] }> = [];
    for (let i = 0; i < matching.length;) {
      let hit: NameEntry[] | undefined;
      let len = Math.min(this.maxLength, matching.length - i);
      for (; len >= 2; len--) {
        hit = this.byName.get(matching.slice(i, i + len));
        // A short name that cuts a word (新县 in 新县城, 长治 in 长治久安) is part of that word.
        // A full name with its level word (闽宁镇) is checked only when it is two characters long.
        if (hit && (len === 2 || len <= CHECKED_LENGTH && hit.every((e) => e.short)) && !(boundaries[i] && boundaries[i + len])) hit = undefined;
        if (hit) break;
      }
      if (hit) { raw.push({ start: i, end: i + len, entries: hit }); i += len; } else i++;
    }
    // A township, or an old name scoped to a place, counts only beside its county or city: 坝乡 or 街道
    // alone are words, and thousands of townships share a name.
    const named = new Set(raw.flatMap((m) => m.entries.map((e) => e.code)));
    const placed = (e: NameEntry) =>
      e.renamedWithin ? named.has(e.renamedWithin) || named.has(e.renamedWithin.slice(0, 4)) :
        e.code.length !== 9 || named.has(e.code.slice(0, 6)) || named.has(e.code.slice(0, 4));
    for (const m of raw) m.entries = m.entries.filter(placed);
    // Anchors: places named in full, and provinces; a short form must sit above or below one.
    const anchors = new Set<string>();
    // (a city jieba reads as a place word on its own, 日喀则, anchors its counties' short forms too: 江孜, 亚东.)
    for (const m of raw) for (const e of m.entries) if (!e.short || e.code.length === 2 || e.code.length === 4 && placeWords.has(`${m.start}:${m.end}`)) anchors.add(e.code);
    // A short form needs its own parent (那曲 for 安多) or a place inside it named too: 振兴 (a
    // district of Dandong) in 乡村振兴 is no place when the text names Liaoning but not Dandong.
    const parentOf = (code: string) => code.slice(0, code.length === 4 ? 2 : code.length - 2);
    // Prefixes of the anchors (with how many anchors each starts), so a check is a look-up, not a scan.
    const below = new Map<string, number>();
    const anchor = (code: string) => {
      anchors.add(code);
      for (const d of [2, 4, 6, 9]) if (d < code.length) below.set(code.slice(0, d), (below.get(code.slice(0, d)) ?? 0) + 1);
    };
    for (const a of [...anchors]) { anchors.delete(a); anchor(a); }
    const supported = (e: NameEntry) => !e.short || e.code.length === 2 || anchors.has(parentOf(e.code)) && parentOf(e.code) !== e.code || (below.get(e.code) ?? 0) > 0;
    for (let changed = true; changed;) {
      changed = false;
      for (const m of raw) for (const e of m.entries) if (!anchors.has(e.code) && supported(e)) { anchor(e.code); changed = true; }
    }
    const out: PlaceMention[] = [];
    for (const m of raw) {
      let candidates = m.entries.filter(supported);
      const alone = !candidates.length;
      // Read as a place word by jieba: a city (拉萨), or a county whose province the text names (什邡 in a text on 四川).
      if (alone && placeWords.has(`${m.start}:${m.end}`)) candidates = m.entries.filter((e) => e.code.length <= 4 || e.code.length === SHORT_FORM_DIGITS && anchors.has(e.code.slice(0, 2)));
      if (!candidates.length) continue;
      const score = (c: NameEntry) => (below.get(c.code) ?? 0) + [2, 4, 6, 9].filter((d) => d < c.code.length && anchors.has(c.code.slice(0, d))).length;
      const ranked = [...candidates].sort((a, b) => score(b) - score(a) || Number(a.short) - Number(b.short) || a.code.length - b.code.length || a.code.localeCompare(b.code));
      const best = ranked[0]!;
      const tied = ranked.filter((c) => score(c) === score(best)).length;
      const base = alone ? 0.6 : best.short ? 0.75 : 0.95;
      out.push({
        start: m.start, end: m.end, surface: text.slice(m.start, m.end), code: best.code, short: best.short,
        ...(isRenamed(matching.slice(m.start, m.end), best.code) ? { renamed: true } : {}),
        confidence: Number((base / tied * (ranked.length > 1 && tied === 1 ? 0.9 : 1)).toFixed(2)),
        options: ranked.slice(1).map((c) => c.code),
      });
    }
    return out;
  }
}

export interface PlaceMention {
  start: number;
  end: number;
  surface: string;
  code: string;
  /** Found by a short form (那曲 for 那曲市). */
  short: boolean;
  confidence: number;
  /** Other places of the same name, most likely first: a person picks one when the text is ambiguous. */
  options: string[];
  /** Named by a name it had before a rename (renames.ts). */
  renamed?: boolean;
}

const isRenamed = (name: string, code: string) => RENAMES.some((r) => r.old === name && r.code === code);
