// Places named in a text, found by longest match against the national frame (the official
// division list down to townships, read from the installed package: no database, no download)
// and the names seeds already give places, short forms included (安多 for 安多县). A short form is
// only taken where the text also names a place above or below it, so 长治 in 长治久安 or 合作 in
// 交流合作 stays a word; homonyms are told apart by the other places the text names.
import { DIVISION_LEVELS } from '../../domain/division-codes.js';
import { readLevel, type DivisionRecord, type GazetteerEdition } from '../../gazetteer/division-list.js';
import { splitGeneric } from '../../domain/search-keys.js';
import type { EntityKind } from '../../domain/vocabulary.js';

/** An entity a seed folder already holds, as the draft needs it for resolving names. */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string | null;
  aliases: string[];
  code?: string | undefined;
}

interface NameEntry { code: string; short: boolean }

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
        if (generic && r.code.length <= SHORT_FORM_DIGITS) this.add(stem, r.code, true);
      }
    }
    // The names seeds give a place (辽宁 for 辽宁省) point at its code too.
    for (const e of known) {
      if (!e.code || !this.records.has(e.code)) continue;
      for (const n of [e.nameZh, ...e.aliases]) if (n && /\p{Script=Han}/u.test(n)) this.add(n, e.code, n !== this.records.get(e.code)!.nameZh);
    }
  }

  private add(name: string, code: string, short: boolean) {
    if (name.length < 2) return;
    const list = this.byName.get(name) ?? [];
    if (list.some((x) => x.code === code)) return;
    list.push({ code, short });
    this.byName.set(name, list);
    this.maxLength = Math.max(this.maxLength, name.length);
  }

  /** The names of the places above a code, top down: 西藏自治区 › 那曲市. */
  chain(code: string): string[] {
    return [2, 4, 6, 9].filter((d) => d < code.length).map((d) => this.records.get(code.slice(0, d))?.nameZh).filter((n): n is string => !!n);
  }

  /** Every place name in the text, longest first at each position, each resolved to a code. */
  find(text: string): PlaceMention[] {
    const raw: Array<{ start: number; end: number; entries: NameEntry[] }> = [];
    for (let i = 0; i < text.length;) {
      let hit: NameEntry[] | undefined;
      let len = Math.min(this.maxLength, text.length - i);
      for (; len >= 2; len--) if ((hit = this.byName.get(text.slice(i, i + len)))) break;
      if (hit) { raw.push({ start: i, end: i + len, entries: hit }); i += len; } else i++;
    }
    // Anchors: places named in full, and provinces; a short form must sit above or below one.
    const anchors = new Set<string>();
    for (const m of raw) for (const e of m.entries) if (!e.short || e.code.length === 2) anchors.add(e.code);
    const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
    // A short form needs its own parent (那曲 for 安多) or a place inside it named too: 振兴 (a
    // district of Dandong) in 乡村振兴 is no place when the text names Liaoning but not Dandong.
    const parentOf = (code: string) => code.slice(0, code.length === 4 ? 2 : code.length - 2);
    const supported = (e: NameEntry) => !e.short || e.code.length === 2 ||
      [...anchors].some((a) => a !== e.code && (a === parentOf(e.code) || a.startsWith(e.code)));
    for (let changed = true; changed;) {
      changed = false;
      for (const m of raw) for (const e of m.entries) if (!anchors.has(e.code) && supported(e)) { anchors.add(e.code); changed = true; }
    }
    const out: PlaceMention[] = [];
    for (const m of raw) {
      const candidates = m.entries.filter(supported);
      if (!candidates.length) continue;
      const score = (c: NameEntry) => [...anchors].filter((a) => a !== c.code && related(a, c.code)).length;
      const ranked = [...candidates].sort((a, b) => score(b) - score(a) || Number(a.short) - Number(b.short) || a.code.length - b.code.length || a.code.localeCompare(b.code));
      const best = ranked[0]!;
      const tied = ranked.filter((c) => score(c) === score(best)).length;
      const base = best.short ? 0.75 : 0.95;
      out.push({
        start: m.start, end: m.end, surface: text.slice(m.start, m.end), code: best.code, short: best.short,
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
}
