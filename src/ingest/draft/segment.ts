// Words and their parts of speech, from jieba (@node-rs/jieba: the dictionary-and-HMM segmenter most
// Chinese NLP pipelines start from, compiled from Rust, ~0.3 s to load). The draft asks it two
// things: where words begin and end (a place name that would cut a word in two, 新县 in 新县城 or 长治
// in 长治久安, is no place), and which words it tags as person names (nr). Its dictionary is given
// the gazetteer's names and the institution words as user words, so they stay whole.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export interface Token { start: number; end: number; word: string; tag: string }

let base: Jieba | undefined;
/** A user word's frequency: a common word's (jieba's dictionary counts 长治久安 about 300, 西藏 about 9,000). */
const FREQUENCY = 2000;
const loaded = new Set<string>();

/** One segmenter per process; words added once stay (jieba has no way to forget them). */
function jieba(): Jieba {
  base ??= Jieba.withDict(dict);
  return base;
}

/** Adds user words (`word frequency tag`), so the segmenter keeps them whole. */
export function addWords(words: Iterable<readonly [word: string, tag: string]>): void {
  const lines: string[] = [];
  for (const [w, tag] of words) {
    if (w.length < 2 || /\s/u.test(w) || loaded.has(w)) continue;
    loaded.add(w);
    lines.push(`${w} ${FREQUENCY} ${tag}`);
  }
  if (lines.length) jieba().loadDict(Buffer.from(lines.join('\n') + '\n'));
}

/** The text's words with their offsets (the tokens are slices of the text, end to end). */
export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba().tag(text, true)) {
    // jieba hands back every character; should it ever drop one, the offset is found again.
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ start, end: start + word.length, word, tag });
    at = start + word.length;
  }
  return out;
}

/** For each offset, whether a word starts or ends there (a boundary of the segmentation). */
export function boundariesOf(tokens: readonly Token[], length: number): Uint8Array {
  const b = new Uint8Array(length + 1);
  b[0] = 1;
  b[length] = 1;
  for (const t of tokens) { b[t.start] = 1; b[t.end] = 1; }
  return b;
}
