// Which programme a pairing belongs to, from the text's own words and from where the recipient lies.
// The programme ids are the shared contract's (programme:aid-tibet …). Rules, in order:
//   1. east→west words (东西部扶贫协作, 东西部协作, 扶贫协作, 东西扶贫) in the text, and a 帮扶 or
//      协作 verb or a recipient outside Tibet and Xinjiang: east-west cooperation;
//   2. the recipient in Tibet (54): aid to Tibet; in Xinjiang (65, or a 兵团 unit): aid to Xinjiang;
//      in Qinghai (63): aid to Qinghai;
//   3. the recipient in Sichuan, Gansu or Shaanxi and the text on the 2008 earthquake (汶川, 地震, 灾后):
//      the Wenchuan reconstruction;
//   4. otherwise the programme the text names most (援藏, 援疆, 援青 …), if it names one.
// A pairing no rule places goes without a programme, for the reviewer.
export const PROGRAMME_IDS = {
  tibet: 'programme:aid-tibet',
  xinjiang: 'programme:aid-xinjiang',
  qinghai: 'programme:aid-qinghai',
  wenchuan: 'programme:wenchuan-reconstruction',
  eastWest: 'programme:east-west-cooperation',
} as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[keyof typeof PROGRAMME_IDS];

const WORDS: Array<[RegExp, ProgrammeId]> = [
  [/援藏|对口支援西藏|西藏工作座谈会/gu, PROGRAMME_IDS.tibet],
  [/援疆|对口支援新疆|新疆工作会议/gu, PROGRAMME_IDS.xinjiang],
  [/援青|对口支援青海/gu, PROGRAMME_IDS.qinghai],
  [/汶川|地震|灾后恢复重建|灾后重建|灾区/gu, PROGRAMME_IDS.wenchuan],
  [/东西部扶贫协作|东西部协作|东西扶贫协作|东西部扶贫|扶贫协作|东西协作/gu, PROGRAMME_IDS.eastWest],
];

/** The programme whose name the words end with (东西扶贫协作 in 东西扶贫协作二十年), if any. */
export function programmeNamedLast(words: string): ProgrammeId | undefined {
  return WORDS.find(([re]) => new RegExp(`(${re.source})\\s*$`, 'u').test(words))?.[1];
}

export interface TextProgrammes {
  /** How often the text names each programme's words. */
  counts: Map<ProgrammeId, number>;
}

/** Reads the programme words of a text (the simplified copy). */
export function programmeWords(text: string): TextProgrammes {
  const counts = new Map<ProgrammeId, number>();
  for (const [re, id] of WORDS) {
    const n = [...text.matchAll(re)].length;
    if (n) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return { counts };
}

export interface ProgrammeReading { programme: ProgrammeId; rule: string }

/**
 * The programme of one pairing: `recipientCode` is the recipient's official code (or 65 for a 兵团
 * unit), `phrase` the words that stated the pairing, `sentence` the sentence that did.
 */
export function programmeOf(words: TextProgrammes, recipientCode: string | undefined, phrase: string, sentence: string): ProgrammeReading | undefined {
  const province = recipientCode?.slice(0, 2);
  const has = (id: ProgrammeId) => (words.counts.get(id) ?? 0) > 0;
  if (has(PROGRAMME_IDS.eastWest) && (/帮扶|协作/u.test(phrase) || /帮扶|协作/u.test(sentence) || (province !== '54' && province !== '65'))) {
    return { programme: PROGRAMME_IDS.eastWest, rule: 'the text speaks of east–west cooperation (东西部扶贫协作)' };
  }
  if (province === '54') return { programme: PROGRAMME_IDS.tibet, rule: 'the recipient lies in Tibet' };
  if (province === '65') return { programme: PROGRAMME_IDS.xinjiang, rule: 'the recipient lies in Xinjiang' };
  if (province === '63') return { programme: PROGRAMME_IDS.qinghai, rule: 'the recipient lies in Qinghai' };
  if ((province === '51' || province === '62' || province === '61') && has(PROGRAMME_IDS.wenchuan)) {
    return { programme: PROGRAMME_IDS.wenchuan, rule: 'the recipient lies in the 2008 earthquake area and the text speaks of it' };
  }
  const named = [...words.counts].sort((a, b) => b[1] - a[1])[0];
  return named ? { programme: named[0], rule: 'the programme the text names most' } : undefined;
}

/**
 * How a draft declares a programme it names (seeds/README.md: a folder whose twinnings name a
 * programme declares it, with the same id): its names, and the words a quote may name it by.
 */
export const PROGRAMME_NAMES: Record<ProgrammeId, { name: string; nameZh: string; aliases: string[] }> = {
  [PROGRAMME_IDS.tibet]: { name: 'Paired assistance to Tibet', nameZh: '对口援藏', aliases: ['对口支援西藏', '援藏'] },
  [PROGRAMME_IDS.xinjiang]: { name: 'Paired assistance to Xinjiang', nameZh: '对口援疆', aliases: ['对口支援新疆', '援疆'] },
  [PROGRAMME_IDS.qinghai]: { name: 'Paired assistance to Qinghai', nameZh: '对口援青', aliases: ['对口支援青海', '援青'] },
  [PROGRAMME_IDS.wenchuan]: {
    name: 'Paired assistance for post-Wenchuan-earthquake reconstruction', nameZh: '汶川地震灾后恢复重建对口支援',
    aliases: ['灾后恢复重建对口支援', '汶川地震灾后恢复重建', '灾后恢复重建'],
  },
  [PROGRAMME_IDS.eastWest]: { name: 'East–West poverty-alleviation cooperation', nameZh: '东西部扶贫协作', aliases: ['东西部协作', '东西扶贫协作', '东西部扶贫'] },
};
