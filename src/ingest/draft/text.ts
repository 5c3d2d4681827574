// The article as the draft reads it: sentences with their offsets (every quote is a slice of the
// text, so it is verbatim by construction), and the small pieces of Chinese typography the rules
// share: where a name may not cross, and how figures are written. Rules match on a simplified copy
// of the text (traditional characters converted one for one, so every offset is the original's) and
// quote the original: 遼寧 matches 辽宁, and the quote still says 遼寧.
import * as OpenCC from 'opencc-js';

export interface Sentence {
  /** Offsets into the text: `text.slice(start, end)` is the quote. */
  start: number;
  end: number;
  /** The paragraph (line) it belongs to: a hospital's units may be named a sentence later. */
  paragraph: number;
}

/** Marks that end a sentence; a quote never crosses them. */
const SENTENCE_END = /[。！？!?；;\n]/u;

/** Splits the text into sentences, trimmed of spaces and of the mark that ends them. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || SENTENCE_END.test(ch!)) {
      let s = start;
      let e = i;
      while (s < e && /\s/u.test(text[s]!)) s++;
      while (e > s && /\s/u.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e, paragraph });
      if (ch === '\n') paragraph++;
      start = i + 1;
    }
  }
  return out;
}

/** The sentence holding an offset (sentences are in order: a binary search, so long texts stay linear). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Spans grouped by the sentence that holds them (in order), for rules that read a sentence at a time. */
export function bySentence<T extends { start: number; end: number }>(sentences: readonly Sentence[], spans: readonly T[]): Map<Sentence, T[]> {
  const out = new Map<Sentence, T[]>();
  for (const p of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const s = sentenceAt(sentences, p.start);
    if (!s || p.end > s.end) continue;
    const list = out.get(s);
    if (list) list.push(p); else out.set(s, [p]);
  }
  return out;
}

/** Characters a name never contains: the clause breaks of running text (quotes and brackets are part of names). */
export const NAME_BREAK = /[,，、。；;:：！？!?()（）|…—\s\u00a0]/u;


const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const charMemo = new Map<string, string>();

/**
 * The text with traditional characters as simplified ones, character for character: the same length
 * and the same offsets, so a match in it is a match at the same place in the original. OpenCC
 * converts phrases; where a phrase changes length (rare), each character is converted alone.
 */
export function matchingCopy(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    let c = charMemo.get(ch);
    if (c === undefined) {
      const converted = toSimplified(ch);
      c = converted.length === ch.length ? converted : ch;
      charMemo.set(ch, c!);
    }
    out += c;
  }
  return out;
}
