// The readings of Chinese characters in place names, where they differ from the reading a general
// pinyin converter picks: 喀什 is Kashi, not "kashen"; 什邡 Shifang; 乐清 Yueqing; 单县 Shanxian.
// pinyin-pro reads a character by the words it knows, and it knows few place names, so a name's
// syllables are corrected here, after conversion, by position. The table is checked against every
// name of the official list down to townships (test/unit/place-pinyin.test.ts): each entry must
// occur there, and every name holding a corrected character or word must read as the table says.

/**
 * Characters whose reading in place names is one reading, whatever a converter guesses from
 * general text: 什 is shí in every place name (喀什, 乌什, 阿图什, 克什克腾, 什刹海), 都 is dū
 * (成都, 郫都, 于都, 都匀; dōu is the adverb "all"), 柏 is bǎi (万柏林, 柏乡; bó only in 柏林,
 * Berlin), 曾 is zēng (曾都; céng is the adverb "once").
 */
export const PLACE_CHARACTER_READINGS: Readonly<Record<string, string>> = {
  什: 'shi',
  都: 'du',
  柏: 'bai',
  曾: 'zeng',
};

/**
 * Names (or parts of names) read in a way of their own, syllable by syllable, toneless. Each is a
 * reading the place's romanised official name uses (Yueqing, Shanxian, Hongtong, Xunxian …); the
 * ones a converter already reads right are kept too (蚌埠, 六安, 丽水, 番禺), so a change of
 * converter cannot silently lose them.
 */
export const PLACE_WORD_READINGS: Readonly<Record<string, string>> = {
  喀什: 'ka shi',
  什邡: 'shi fang',
  乐清: 'yue qing',
  乐亭: 'lao ting',
  民乐: 'min le',
  单县: 'shan xian',
  洪洞: 'hong tong',
  蚌埠: 'beng bu',
  蚌山: 'beng shan',
  六安: 'lu an',
  六合: 'lu he',
  丽水: 'li shui',
  番禺: 'pan yu',
  大城县: 'da cheng xian',
  浚县: 'xun xian',
  浚州: 'xun zhou',
  珲春: 'hun chun',
  歙县: 'she xian',
  筠连: 'jun lian',
  蔚县: 'yu xian',
  尉犁: 'yu li',
  称多: 'chen duo',
  涡阳: 'guo yang',
  大埔: 'da bu',
  繁峙: 'fan shi',
  黄陂: 'huang pi',
  宕昌: 'tan chang',
  泌阳: 'bi yang',
  覃塘: 'tan tang',
  召陵: 'shao ling',
  调兵山: 'diao bing shan',
  吴堡: 'wu bu',
  红寺堡: 'hong si bu',
  穆棱: 'mu ling',
  丹棱: 'dan ling',
  莘庄: 'xin zhuang',
  解州: 'xie zhou',
};

const WORDS = Object.keys(PLACE_WORD_READINGS).sort((a, b) => b.length - a.length);
const WORD_PATTERN = new RegExp(WORDS.join('|'), 'g');
const CHARACTER_PATTERN = new RegExp(`[${Object.keys(PLACE_CHARACTER_READINGS).join('')}]`);
const HAN_CHARACTER = /^\p{Script=Han}$/u;

/**
 * The syllables of a name with the place readings put in. `syllables` is the converter's answer
 * for `text`: one syllable per Han character, and one piece per run of other characters.
 */
export function withPlaceReadings(text: string, syllables: string[]): string[] {
  WORD_PATTERN.lastIndex = 0;
  if (!CHARACTER_PATTERN.test(text) && !WORD_PATTERN.test(text)) return syllables;
  const chars = [...text];
  // Where each character's syllable is; a run of non-Han characters shares one piece.
  const slot: number[] = [];
  let piece = -1;
  chars.forEach((c, i) => {
    if (HAN_CHARACTER.test(c) || i === 0 || HAN_CHARACTER.test(chars[i - 1]!)) piece += 1;
    slot.push(piece);
  });
  if (piece + 1 !== syllables.length) return syllables; // an answer of another shape: leave it
  const out = [...syllables];
  const fixed = new Set<number>();
  // Offsets in code units, as the pattern reports them, mapped to character positions.
  const charAt = new Map<number, number>();
  let unit = 0;
  chars.forEach((c, i) => { charAt.set(unit, i); unit += c.length; });
  WORD_PATTERN.lastIndex = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    const first = charAt.get(match.index)!;
    PLACE_WORD_READINGS[match[0]]!.split(' ').forEach((reading, k) => {
      out[slot[first + k]!] = reading;
      fixed.add(first + k);
    });
  }
  chars.forEach((c, i) => {
    const reading = PLACE_CHARACTER_READINGS[c];
    if (reading && !fixed.has(i)) out[slot[i]!] = reading;
  });
  return out;
}

/**
 * Syllables joined into one word as pinyin spelling does: an apostrophe before a syllable that
 * starts with a, o or e, so 六安 is Lu'an and 长安 Chang'an, not "Luan" and "Changan".
 */
export function joinSyllables(syllables: string[]): string {
  return syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) && /[a-zü]$/.test(syllables[i - 1]!) ? `'${s}` : s)).join('');
}
