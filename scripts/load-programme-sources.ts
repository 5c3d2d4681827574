// `npx tsx scripts/load-programme-sources.ts`: owns the fourteen programme sources' seed folders.
// Each text of test/fixtures/programme/INDEX.yaml goes through the drafting tool as a new source
// would (`addSource`, then the review's `applyDecisions`), with its index metadata on the source
// record, and the review's judgement is the text's gold annotation: a drafted record the gold holds
// is confirmed, one it does not hold is dropped (a wrong fact never loads), and a gold fact the tool
// missed is written by hand from the gold, with the gold's quote, and listed with the class of the
// miss. The folders are rebuilt from scratch on every run (idempotent), and docs/programme-sources.md
// is written from what the run did, so the lead can re-run this after the drafting tool changes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { gazetteerEdition, readRecords as readDivisionRecords } from '../src/gazetteer/division-list.js';
import { levelOfCode } from '../src/domain/division-codes.js';
import { isKindLabel, isPlaceKind, kindOfLabel } from '../src/domain/vocabulary.js';
import { pinyinName } from '../src/domain/search-keys.js';
import { CitationSeed } from '../src/ingest/seed-schema.js';
import { addSource } from '../src/ingest/draft/add.js';
import { slug } from '../src/ingest/draft/draft.js';
import { DRAFT_FILES, quoteOf, readDraftFiles, readRecords, seedFolders, writeRecords, type DraftRecord } from '../src/ingest/draft/folder.js';
import { applyDecisions, validationReport, type Decision } from '../src/ingest/draft/review.js';
import { nameKey, readGold, type Gold, type GoldPairing } from '../src/ingest/draft/score.js';
import { sentencesOf } from '../src/ingest/draft/text.js';
import { loadSeedFolders } from '../src/ingest/validate.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV_SET = path.join(REPO, 'test/fixtures/programme');
const SEEDS = path.join(REPO, 'seeds');
const DOC = path.join(REPO, 'docs/programme-sources.md');
const edition = gazetteerEdition();

// ---------------------------------------------------------------- what the review knows beyond the gold

/** The programmes, named as every folder names them (a merged entity keeps one name). */
const PROGRAMMES = {
  'programme:aid-tibet': { name: 'Paired assistance to Tibet', nameZh: '对口援藏', aliases: ['对口支援西藏', '援藏'] },
  'programme:aid-xinjiang': { name: 'Paired assistance to Xinjiang', nameZh: '对口援疆', aliases: ['对口支援新疆', '援疆'] },
  'programme:aid-qinghai': { name: 'Paired assistance to Qinghai', nameZh: '对口援青', aliases: ['对口支援青海', '援青'] },
  'programme:wenchuan-reconstruction': {
    name: 'Paired assistance for post-Wenchuan-earthquake reconstruction', nameZh: '汶川地震灾后恢复重建对口支援', aliases: ['灾后恢复重建对口支援'],
  },
  'programme:east-west-cooperation': { name: 'East–West poverty-alleviation cooperation', nameZh: '东西部扶贫协作', aliases: ['东西扶贫协作', '东西部协作'] },
} as const;
type ProgrammeId = keyof typeof PROGRAMMES;
interface ProgrammeStatement { id: ProgrammeId; quotes: string[]; properties?: Record<string, unknown> }

/** The text that gives the Wenchuan programme's three-year term, and its sentence. */
const TERM_TEXT = '01-gov-2008-53-wenchuan-duikou-fangan-jixi';
const TERM_QUOTE = '对口支援期限按3年安排';

/**
 * Where each text states a programme: a sentence that names it, or states its start or term. A
 * folder declares the programmes its text states; its twinnings may name only a declared one.
 */
const PROGRAMME_STATEMENTS: Record<string, ProgrammeStatement[]> = {
  '01-gov-2008-53-wenchuan-duikou-fangan-jixi': [{
    id: 'programme:wenchuan-reconstruction', quotes: ['国务院办公厅关于印发汶川地震灾后恢复重建对口支援方案的通知', TERM_QUOTE, '建立灾后恢复重建对口支援机制'],
    properties: { since: 2008, termYears: 3, note: 'Established by 国办发〔2008〕53号 of 2008-06-11 (建立灾后恢复重建对口支援机制); its term is three years (对口支援期限按3年安排).' },
  }],
  '03-gov-2008-minfa105-wenchuan-disaster-range': [],
  '04-news-2009-xinhua-wenchuan-duikou-minsheng': [{ id: 'programme:wenchuan-reconstruction', quotes: ['汶川地震灾后恢复重建对口支援把恢复正常生活放在首位'] }],
  '05-news-2010-jjrb-wenchuan-duikou-two-years': [{ id: 'programme:wenchuan-reconstruction', quotes: ['2008年6月5日,党中央作出“一省帮一重灾县”的对口支援重大决策'] }],
  '06-news-2010-qingdao-beichuan-qushan-chenjiaba': [{ id: 'programme:wenchuan-reconstruction', quotes: ['为期3年的对口援建现在已经进入关键一年'] }],
  '07-news-2012-rmrb-nanjing-mozhugongka': [{
    id: 'programme:aid-tibet', quotes: ['自1994年中央作出全国对口支援西藏的重大战略部署以来'],
    properties: { since: 1994, note: 'Begun by the central decision of 1994 (自1994年中央作出全国对口支援西藏的重大战略部署以来).' },
  }],
  '08-news-2015-whb-shanghai-shigatse-21-years': [{ id: 'programme:aid-tibet', quotes: ['开创了“分片负责,对口支援,定期轮换”的援藏工作新方式'] }],
  '11-news-2024-jiangsu-lhasa-30-years-weixun': [{ id: 'programme:aid-tibet', quotes: ['特别是党的十八大以来,江苏援藏工作持续发力'] }],
  '12-news-2024-jiangsu-tibet-557-million': [{ id: 'programme:aid-tibet', quotes: ['2024江苏对口支援西藏年度资金总计5.57亿元 实施援藏项目66个'] }],
  '14-news-2010-xinhua-yuanjiang-19-provinces-beijing-hotan': [{ id: 'programme:aid-xinjiang', quotes: ['會議傳遞出中央通過推進新一輪對口援疆工作加快新疆跨越式發展的信號'] }],
  '15-gov-beijing-fgw-yushu-district-pairings': [{ id: 'programme:aid-qinghai', quotes: ['北京市深入贯彻落实国家关于对口支援工作的部署,对口支援青海省玉树州包括6个县(市)'] }],
  '16-news-2016-xinhua-dongxi-guidance-pairings-nbrb': [{
    id: 'programme:east-west-cooperation', quotes: ['印发《关于进一步加强东西部扶贫协作工作的指导意见》', '调整后的东西部扶贫协作结对关系为'],
    properties: { adjusted: 2016, note: 'Its pairings were adjusted by the 2016 Guidance (《关于进一步加强东西部扶贫协作工作的指导意见》).' },
  }],
  '17-news-2016-whb-dongxi-guidance': [{ id: 'programme:east-west-cooperation', quotes: ['意见调整了东西部扶贫协作结对关系'], properties: { adjusted: 2016 } }],
  '19-news-2016-xinhua-minning-20-years': [{
    id: 'programme:east-west-cooperation', quotes: ['从此开启了东西扶贫协作的壮丽征程', '1996年,中央安排北京、天津、辽宁、上海、江苏、浙江、福建、山东、广东等东部9省(市)和深圳、宁波、青岛、大连4个计划单列市对口帮扶西部10个省(区、市)'],
    properties: { since: 1996 },
  }],
};

/**
 * The review's reading of a gold figure: the gold says what each figure is about (`subject`, an id the
 * graph hands out: `place:<official code>`, a programme's id, or an entity the figure names with its
 * `subjectName`) and what it measures (`metric`), with its period; the tool's own guesses of subject
 * and metric are replaced by these. An optional figure is not loaded.
 */
type GoldFigure = Gold['figures'][number];
interface FigureReading { subject: string; metric: string; year?: number; from?: number; asOf?: string; note?: string }
function readingOf(g: GoldFigure): FigureReading | undefined {
  if (g.optional || !g.subject || !g.metric) return undefined;
  return {
    subject: g.subject, metric: g.metric, ...(g.year !== undefined ? { year: g.year } : {}), ...(g.since !== undefined ? { from: g.since } : {}),
    ...(g.asOf ? { asOf: g.asOf } : {}), ...(g.detail ? { note: g.detail } : {}),
  };
}

/** The kind of an entity a figure names (its id's prefix), made by the review when the tool has not drafted it. */
const FIGURE_SUBJECT_KINDS: Record<string, string> = { project: 'Project', event: 'Event' };
/** Their English names, where the pinyin of the Chinese would not read as one. */
const FIGURE_SUBJECT_NAMES: Record<string, string> = {
  'event:wenchuan-earthquake': 'Wenchuan earthquake (2008)', 'project:xin-xiao-yu-dong-da-qiao': 'New Xiaoyudong Bridge',
};

/** Why the tool missed a kind of record, in the words the table uses. */
const MISS_CLASS: Record<string, string> = {
  place: 'place missed (short form or renamed name not resolved)',
  institution: 'institution missed (no suffix or cue word the rules read)',
  person: 'person missed (photo credit or byline the rules do not read)',
  figure: 'figure missed',
  subject: 'what a figure is about, named by the text (the tool drafts no projects or events)',
  pairing: 'pairing missed',
  implied: 'implied pairing (no pairing verb: the rules draft only stated ones)',
  type: 'pairing drafted with the wrong type',
  period: "a figure's period (year, start, as-of date) fixed from the gold",
};

// ---------------------------------------------------------------- the index

const indexFile = z.object({
  sources: z.array(z.object({
    file: z.string(), title: z.string(), publisher: z.string(), date: z.union([z.string(), z.date()]), url: z.string().optional(),
    completeness: z.string(), licence: z.string(),
  })),
});
type IndexEntry = z.infer<typeof indexFile>['sources'][number];

const dateString = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
/** The index's first ISO date: the document's where it gives two. */
function firstDate(d: string | Date): string {
  const iso = /\d{4}-\d{2}-\d{2}/u.exec(dateString(d))?.[0];
  if (!iso) throw new Error(`INDEX.yaml: no YYYY-MM-DD in "${dateString(d)}"`);
  return iso;
}
const sourceIdOf = (file: string) => file.replace(/\.txt$/u, '').replace(/^\d+-/u, '');
const isStateDocument = (e: IndexEntry) => /^Text of a Chinese state-organ document/u.test(e.licence);

/** The index's words on the source record: a stored copy, an excerpt or not, its licence text. */
function patchSource(folder: string, e: IndexEntry): void {
  const file = path.join(folder, 'source.yaml');
  const source = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const date = dateString(e.date);
  const patched = {
    ...source,
    ...(date !== firstDate(e.date) ? { dateText: date } : {}),
    storedCopy: true,
    excerpt: /^excerpt\b/u.test(e.completeness),
    completeness: e.completeness,
    licenseText: e.licence,
    license: isStateDocument(e) ? 'Public domain (PRC Copyright Law art. 5)' : 'All rights reserved',
  };
  fs.writeFileSync(file, stringify(patched, { lineWidth: 0 }));
}

// ---------------------------------------------------------------- the review against the gold

const han = (s: unknown): s is string => typeof s === 'string' && /\p{Script=Han}/u.test(s);
const namesOf = (r: DraftRecord) => new Set([r.nameZh, ...(r.aliases ?? [])].filter(han).map(nameKey));
const meets = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));
const typesOf = (g: GoldPairing) => (Array.isArray(g.type) ? g.type : [g.type]);
const isPlace = (r: DraftRecord) => isKindLabel(r.kind) && isPlaceKind(kindOfLabel(r.kind));
/** The evidence marking, where the seed format has it (branch explorer): a quote that only supports an implied fact. */
const HAS_EVIDENCE = CitationSeed.safeParse({ quote: 'x', evidence: 'IMPLIES' }).success;
const implying = (quote: string) => (HAS_EVIDENCE ? { quote, evidence: 'IMPLIES' } : quote);

interface Counts { drafted: number; confirmed: number; dropped: number; hand: number; figuresLeftOut: number }
interface HandRecord { text: string; record: string; why: string }

class Review {
  readonly gold: Gold;
  readonly text: string;
  readonly hand: HandRecord[] = [];
  /** Gold figures not loaded: the gold does not say their subject and metric. */
  figuresLeftOut = 0;
  /** Entities of the other seed folders: an id a hand-made record must reuse. */
  private readonly known: DraftRecord[];

  constructor(readonly stem: string, readonly folder: string) {
    this.gold = readGold(path.join(DEV_SET, `${stem}.gold.yaml`));
    this.text = fs.readFileSync(path.join(folder, 'source.txt'), 'utf8');
    this.known = seedFolders(SEEDS).filter((f) => path.resolve(f) !== path.resolve(folder)).flatMap((f) => readRecords(f, 'entities'));
  }

  // Which gold record a drafted record is: places by code, others by name, pairings by ends and type.
  goldPlace(r: DraftRecord) {
    if (r.code) return this.gold.places.find((g) => g.code === r.code);
    return this.gold.places.find((g) => g.corpsDivision && meets(new Set([g.name, ...g.surface].map(nameKey)), namesOf(r)));
  }
  goldInstitution(r: DraftRecord) {
    return this.gold.institutions.find((g) => meets(new Set([g.name, ...(g.aliases ?? [])].map(nameKey)), namesOf(r)));
  }
  /** The gold figure about a drafted project or event (the gold names it by `subjectName`), whose `subject` is its id. */
  goldThing(r: DraftRecord) {
    return this.gold.figures.find((g) => !g.optional && g.subjectName && g.subject && FIGURE_SUBJECT_KINDS[g.subject.slice(0, g.subject.indexOf(':'))] === r.kind && namesOf(r).has(nameKey(g.subjectName)));
  }
  goldPerson(r: DraftRecord) {
    return this.gold.people.find((g) => namesOf(r).has(nameKey(g.name)));
  }
  private endKeys(entities: DraftRecord[], id: string): Set<string> {
    const e = entities.find((x) => x.id === id) ?? this.known.find((x) => x.id === id);
    if (!e) return new Set([id]);
    return e.code ? new Set([`code:${e.code}`]) : namesOf(e);
  }
  private goldEndKeys(end: string): Set<string> {
    if (/^\d+$/u.test(end)) return new Set([`code:${end}`]);
    const groups = [
      ...this.gold.institutions.map((i) => new Set([i.name, ...(i.aliases ?? [])].map(nameKey))),
      ...this.gold.places.filter((p) => p.corpsDivision).map((p) => new Set([p.name, ...p.surface].map(nameKey))),
    ];
    return groups.find((g) => g.has(nameKey(end))) ?? new Set([nameKey(end)]);
  }
  sameEnds(entities: DraftRecord[], g: GoldPairing, r: DraftRecord): boolean {
    return meets(this.goldEndKeys(g.supporter), this.endKeys(entities, r.from)) && meets(this.goldEndKeys(g.recipient), this.endKeys(entities, r.to));
  }
  goldPairing(entities: DraftRecord[], r: DraftRecord) {
    return this.gold.pairings.find((g) => !g.optional && typesOf(g).includes(r.type) && this.sameEnds(entities, g, r));
  }

  /** The drafted figures the review loads, each with its gold figure and the review's reading (one draft per gold figure). */
  figurePairs(quantities: DraftRecord[]): Array<[DraftRecord, GoldFigure, FigureReading]> {
    const out: Array<[DraftRecord, GoldFigure, FigureReading]> = [];
    const used = new Set<DraftRecord>();
    for (const g of this.gold.figures) {
      const reading = readingOf(g);
      if (!reading) continue;
      const q = quantities.find((x) => !used.has(x) && x.value === g.value && x.unit === g.unit && x.citations.some((c: unknown) => quoteOf(c).includes(g.quote)));
      if (q) { used.add(q); out.push([q, g, reading]); }
    }
    return out;
  }

  /** The reviewer's decision on every drafted record: confirm what the gold holds (not only optionally), drop the rest. */
  decide(): { decisions: Map<string, Decision>; counts: Counts } {
    const files = readDraftFiles(this.folder);
    const decisions = new Map<string, Decision>();
    const keep = (r: DraftRecord, yes: boolean) => decisions.set(r.id, { action: yes ? 'confirm' : 'drop' });
    for (const e of files.entities) {
      // A programme the tool declares (a twinning or a figure refers to it) stays where the text states it; the review rewrites it below.
      if (e.kind === 'Programme') { keep(e, !!PROGRAMME_STATEMENTS[this.stem]?.some((p) => p.id === e.id)); continue; }
      // A project or event the draft names is kept when a gold figure is about it (by its Chinese name).
      if (e.kind === 'Project' || e.kind === 'Event') { keep(e, !!this.goldThing(e)); continue; }
      const g = isPlace(e) || e.kind === 'CorpsDivision' ? this.goldPlace(e)
        : e.kind === 'Person' ? this.goldPerson(e)
          : ['School', 'Hospital', 'Organization'].includes(e.kind) ? (this.goldInstitution(e) ?? this.goldPlace(e)) : undefined;
      // A Corps division drafted as an organisation is rewritten as what it is (below), with its contract id.
      keep(e, !!g && !g.optional && !('corpsDivision' in g && g.corpsDivision && e.kind !== 'CorpsDivision'));
    }
    const entity = (id: string) => files.entities.find((e) => e.id === id);
    // Where a Corps division lies: the text names the prefecture beside it (the gold holds both ends).
    const corpsLocation = (r: DraftRecord) => {
      const [from, to] = [entity(r.from), entity(r.to)];
      return r.type === 'LOCATED_IN' && from?.kind === 'CorpsDivision' && !!to && isPlace(to) && !!this.goldPlace(from) && !!this.goldPlace(to);
    };
    for (const r of files.relationships) keep(r, !!this.goldPairing(files.entities, r) || corpsLocation(r));
    for (const q of files.quantities) keep(q, false); // settled below: a figure is confirmed only with the subject the review gives it
    for (const [q] of this.figurePairs(files.quantities)) keep(q, true);
    const all = DRAFT_FILES.flatMap((f) => files[f]);
    return { decisions, counts: { drafted: all.length, confirmed: [...decisions.values()].filter((d) => d.action === 'confirm').length, dropped: 0, hand: 0, figuresLeftOut: 0 } };
  }

  /** The sentence of the text that holds `words` (the first), for a hand-made entity's citation. */
  sentenceWith(...words: string[]): string {
    for (const s of sentencesOf(this.text)) {
      const quote = this.text.slice(s.start, s.end);
      if (words.some((w) => quote.includes(w))) return quote.trim();
    }
    throw new Error(`${this.stem}: no sentence names ${words.join(' or ')}`);
  }

  note(record: string, why: string) {
    this.hand.push({ text: this.stem, record, why });
  }
}

// ---------------------------------------------------------------- hand-made records

function placeEntity(review: Review, entities: DraftRecord[], code: string, surfaces: string[]): string {
  const here = entities.find((e) => e.code === code);
  if (here) return here.id;
  const known = seedFolders(SEEDS).flatMap((f) => readRecords(f, 'entities')).find((e) => e.code === code);
  const record = readDivisionRecords(edition, [code]).get(code);
  if (!record) throw new Error(`${review.stem}: code ${code} is not in the official list`);
  const kind = levelOfCode(code)!.kind;
  const prefix = kind === 'DISTRICT' ? (/[县旗]$/u.test(record.nameZh) ? 'county' : 'district') : kind.toLowerCase();
  const id = known?.id ?? `${prefix}:${code}`;
  const aliases = surfaces.filter((s) => s !== record.nameZh);
  entities.push({
    id, kind: known?.kind ?? kind[0] + kind.slice(1).toLowerCase(), name: known?.name ?? pinyinName(record.nameZh), nameZh: known?.nameZh ?? record.nameZh, code,
    ...(aliases.length ? { aliases } : {}), citations: [review.sentenceWith(...surfaces)],
  });
  review.note(`${id} ${record.nameZh} (${surfaces.join(', ')})`, MISS_CLASS.place!);
  return id;
}

const KIND_PREFIX: Record<string, string> = { School: 'school', Hospital: 'hospital', Organization: 'org', Person: 'person', CorpsDivision: 'corps-division' };
/** The Corps divisions' ids of the shared contract (seeds/README.md). */
const CORPS_IDS: Record<string, string> = { 新疆生产建设兵团第十四师: 'corps-division:xpcc-14th-division' };
function namedEntity(review: Review, entities: DraftRecord[], kind: string, name: string, aliases: string[] = [], why: string): string {
  const keys = new Set([name, ...aliases].map(nameKey));
  const found = [...entities, ...seedFolders(SEEDS).flatMap((f) => readRecords(f, 'entities'))].find((e) => e.kind === kind && meets(keys, namesOf(e)));
  const here = entities.find((e) => e.id === found?.id);
  if (here) return here.id;
  const id = found?.id ?? CORPS_IDS[name] ?? `${KIND_PREFIX[kind]}:${slug(name)}`;
  entities.push({
    id, kind, name: found?.name ?? pinyinName(name), nameZh: found?.nameZh ?? name, ...(aliases.length ? { aliases } : {}),
    citations: [review.sentenceWith(name, ...aliases)],
  });
  review.note(`${id} ${name}`, why);
  return id;
}

/** The id of a gold pairing's end (an official code, or the name of an institution or Corps division the gold lists). */
function endEntity(review: Review, entities: DraftRecord[], end: string): string {
  if (/^\d+$/u.test(end)) {
    const g = review.gold.places.find((p) => p.code === end);
    return placeEntity(review, entities, end, g?.surface ?? []);
  }
  const inst = review.gold.institutions.find((i) => [i.name, ...(i.aliases ?? [])].map(nameKey).includes(nameKey(end)));
  if (inst) return namedEntity(review, entities, inst.kind, inst.name, inst.aliases, MISS_CLASS.institution!);
  const corps = review.gold.places.find((p) => p.corpsDivision && [p.name, ...p.surface].map(nameKey).includes(nameKey(end)));
  if (corps) return namedEntity(review, entities, 'CorpsDivision', corps.name, corps.surface.filter((s) => s !== corps.name), MISS_CLASS.place!);
  throw new Error(`${review.stem}: the gold pairing end ${end} is neither a code nor a name the gold lists`);
}

function twinningLevel(entities: DraftRecord[], id: string): string {
  const kind = entities.find((e) => e.id === id)?.kind;
  return kind === 'Province' ? 'PROVINCE' : kind === 'City' ? 'CITY' : kind === 'Township' ? 'TOWNSHIP' : kind === 'District' ? 'DISTRICT' : 'INSTITUTION';
}

/** After the review: gold facts the folder lacks, written from the gold; the gold's programme and years on what was confirmed. */
function completeFromGold(review: Review, termSource: string): number {
  const files = readDraftFiles(review.folder);
  const { entities, relationships, quantities } = files;
  const before = review.hand.length;
  const fixed = new Set<string>();
  const periods = new Set<string>();

  for (const g of review.gold.places) {
    if (g.optional || (!g.code && !g.corpsDivision)) continue;
    if (g.code && !entities.some((e) => e.code === g.code)) placeEntity(review, entities, g.code, g.surface);
    if (g.corpsDivision && !entities.some((e) => review.goldPlace(e) === g)) namedEntity(review, entities, 'CorpsDivision', g.name, g.surface.filter((s) => s !== g.name), MISS_CLASS.place!);
  }
  for (const g of review.gold.institutions) {
    if (!g.optional && !entities.some((e) => review.goldInstitution(e) === g)) namedEntity(review, entities, g.kind, g.name, g.aliases, MISS_CLASS.institution!);
  }
  for (const g of review.gold.people) {
    if (!g.optional && !entities.some((e) => e.kind === 'Person' && review.goldPerson(e) === g)) namedEntity(review, entities, 'Person', g.name, [], MISS_CLASS.person!);
  }

  // Programmes the text states, declared with the quotes that state them.
  const declared = PROGRAMME_STATEMENTS[review.stem];
  if (!declared) throw new Error(`${review.stem}: say in PROGRAMME_STATEMENTS which programmes the text states (an empty list if none)`);
  for (const p of declared) {
    for (const q of p.quotes) if (!review.text.includes(q)) throw new Error(`${review.stem}: the programme quote "${q}" is not in the text`);
    const record = { id: p.id, kind: 'Programme', ...PROGRAMMES[p.id], aliases: [...PROGRAMMES[p.id].aliases], properties: p.properties ?? {}, citations: p.quotes };
    const drafted = entities.findIndex((e) => e.id === p.id);
    if (drafted >= 0) entities[drafted] = record; else entities.push(record);
  }

  // Pairings: the gold's programme and years on each confirmed one; the missed ones by hand.
  for (const g of review.gold.pairings) {
    if (g.optional) continue;
    let r = relationships.find((x) => typesOf(g).includes(x.type) && review.sameEnds(entities, g, x));
    if (!r) {
      const wrongType = relationships.some((x) => review.sameEnds(entities, g, x));
      const from = endEntity(review, entities, g.supporter);
      const to = endEntity(review, entities, g.recipient);
      const type = typesOf(g)[0]!;
      const id = `${type === 'TWINNED_WITH' ? 'twinning' : 'support'}:${from.split(':')[1]}--${to.split(':')[1]}`;
      r = {
        id, type, from, to,
        properties: type === 'TWINNED_WITH' ? { level: twinningLevel(entities, from) } : { mode: 'PAIRING_ASSISTANCE' },
        citations: [g.implied ? implying(g.quote) : g.quote],
      };
      relationships.push(r);
      review.note(`${id} (${g.supporter} → ${g.recipient}, ${type}) «${g.quote}»`, wrongType ? MISS_CLASS.type! : g.implied ? MISS_CLASS.implied! : MISS_CLASS.pairing!);
    }
    const p = (r.properties ??= {}) as Record<string, unknown>;
    // Stated by another folder: this text's quote only supports it, and the merged record is not implied.
    const statedElsewhere = seedFolders(SEEDS).some((f) => path.resolve(f) !== path.resolve(review.folder) &&
      readRecords(f, 'relationships').some((x) => x.id === r!.id && !/\b(implied|inferred)\b/iu.test(String(x.properties?.note ?? ''))));
    if (g.implied && statedElsewhere) r.citations = r.citations.map((c: unknown) => (typeof c === 'string' ? implying(c) : c));
    else if (g.implied && !/\b(implied|inferred)\b/iu.test(String(p.note ?? ''))) {
      p.note = `implied: the text shows the aid without a pairing verb («${g.quote}»)`;
      r.citations = r.citations.map((c: unknown) => (typeof c === 'string' ? implying(c) : c));
    }
    if (r.type !== 'TWINNED_WITH') continue;
    const want: Record<string, unknown> = {
      ...(g.programme ? { programme: g.programme } : {}), ...(g.since !== undefined ? { since: g.since } : {}), ...(g.until !== undefined ? { until: g.until } : {}),
      ...(g.sinceQualifier ? { sinceQualifier: g.sinceQualifier } : {}), ...(g.untilQualifier ? { untilQualifier: g.untilQualifier } : {}),
    };
    for (const k of ['programme', 'since', 'until', 'sinceQualifier', 'untilQualifier']) {
      if (p[k] === want[k]) continue;
      if (p[k] !== undefined || want[k] !== undefined) fixed.add(`${r.id}: ${k} ${String(p[k] ?? '–')} → ${String(want[k] ?? '–')}`);
      if (want[k] === undefined) delete p[k]; else p[k] = want[k];
    }
    // A Wenchuan twinning ends with the programme's three-year term when its text gives no end.
    if (p.programme === 'programme:wenchuan-reconstruction' && p.until === undefined) {
      // Its twinnings were set up by the programme itself (国办发〔2008〕53号), so they start with it.
      const since = typeof p.since === 'number' ? p.since : 2008;
      p.since = since;
      p.until = since + 3;
      p.untilBasis = 'PROGRAMME_TERM';
      r.citations.push({ quote: TERM_QUOTE, source: termSource });
    }
  }

  // A project or event the draft named takes the id the gold gives it (the draft mints one from its pinyin):
  // the same thing, not a correction.
  for (const e of entities) {
    const id = (e.kind === 'Project' || e.kind === 'Event') ? review.goldThing(e)?.subject : undefined;
    if (!id || id === e.id) continue;
    for (const q of quantities) if (q.subject === e.id) q.subject = id;
    for (const r of relationships) { if (r.from === e.id) r.from = id; if (r.to === e.id) r.to = id; }
    e.name = FIGURE_SUBJECT_NAMES[id] ?? e.name;
    e.id = id;
  }

  // Figures: the gold's subject, metric, period and hedge on each confirmed one; the missed ones by hand.
  const subjectOf = (g: GoldFigure, reading: FigureReading) => {
    const [prefix, rest] = [reading.subject.slice(0, reading.subject.indexOf(':')), reading.subject.slice(reading.subject.indexOf(':') + 1)];
    if (prefix === 'place') return placeEntity(review, entities, rest, review.gold.places.find((p) => p.code === rest)?.surface ?? [g.quote]);
    if (prefix === 'programme') {
      if (!entities.some((e) => e.id === reading.subject)) throw new Error(`${review.stem}: «${g.quote}» is about ${reading.subject}, which the text does not state (PROGRAMME_STATEMENTS)`);
      return reading.subject;
    }
    const kind = FIGURE_SUBJECT_KINDS[prefix];
    if (!kind || !g.subjectName) throw new Error(`${review.stem}: «${g.quote}»: the subject ${reading.subject} needs a kind the review makes (${Object.keys(FIGURE_SUBJECT_KINDS).join(', ')}) and its subjectName`);
    if (!entities.some((e) => e.id === reading.subject)) {
      entities.push({ id: reading.subject, kind, name: FIGURE_SUBJECT_NAMES[reading.subject] ?? pinyinName(g.subjectName), nameZh: g.subjectName, citations: [review.sentenceWith(g.subjectName)] });
      review.note(`${reading.subject} ${g.subjectName}`, MISS_CLASS.subject!);
    }
    return reading.subject;
  };
  const confirmed = review.figurePairs(quantities);
  for (const g of review.gold.figures) {
    const reading = readingOf(g);
    if (!reading) { if (!g.optional) review.figuresLeftOut++; continue; }
    const { subject: _spec, metric, ...extra } = reading;
    const hit = confirmed.find(([, x]) => x === g);
    const subject = subjectOf(g, reading);
    if (hit) {
      const q = hit[0];
      if (q.subject !== subject || q.metric !== metric) fixed.add(`${q.id}: ${q.metric} of ${q.subject} → ${metric} of ${subject} «${g.quote}»`);
      if (q.qualifier !== g.qualifier) fixed.add(`${q.id}: qualifier ${q.qualifier} → ${g.qualifier} «${g.quote}»`);
      // The period as the gold reads it: the draft's year, start or as-of date replaced, or taken away.
      const period = (x: Record<string, unknown>) => ['year', 'from', 'asOf'].map((k) => `${k} ${String(x[k] ?? '–')}`).join(', ');
      if (q.measure !== 'CHANGE' && period(q) !== period(extra)) periods.add(`${q.id}: ${period(q)} → ${period(extra)} «${g.quote}»`);
      if (q.measure !== 'CHANGE') for (const k of ['year', 'from', 'asOf']) delete q[k];
      Object.assign(q, { subject, metric, qualifier: g.qualifier, ...extra });
      continue;
    }
    const id = `quantity:${review.folder.split('/').pop()}/${metric}-${slug(String(g.value))}`;
    quantities.push({ id, subject, metric, value: g.value, unit: g.unit, qualifier: g.qualifier, ...extra, citations: [review.sentenceWith(g.quote)] });
    review.note(`${id} ${g.value} ${g.unit} ${g.qualifier}, ${metric} of ${subject} «${g.quote}»`, MISS_CLASS.figure!);
  }

  for (const f of fixed) review.note(f, 'hand-fixed from the gold (programme, years, hedge, or a figure\'s subject and metric)');
  for (const f of periods) review.note(f, MISS_CLASS.period!);
  for (const f of DRAFT_FILES) writeRecords(review.folder, f, files[f]);
  return review.hand.length - before;
}

// ---------------------------------------------------------------- the run

interface Row { stem: string; id: string; counts: Counts; check: string }

function main(): void {
  const index = indexFile.parse(parse(fs.readFileSync(path.join(DEV_SET, 'INDEX.yaml'), 'utf8')));
  const stems = index.sources.map((e) => e.file.replace(/\.txt$/u, ''));
  const termSource = sourceIdOf(`${TERM_TEXT}.txt`);
  // From scratch: every folder this script owns goes first, so a folder never merges with its own last run.
  for (const e of index.sources) fs.rmSync(path.join(SEEDS, sourceIdOf(e.file)), { recursive: true, force: true });
  const rows: Row[] = [];
  const hand: HandRecord[] = [];
  // The tool drafts twinnings that name a programme, and settles its draft against the seeds: a
  // programme no folder declares yet would make it drop them. A staging folder declares the five
  // while drafting, and goes before any folder is checked on its own.
  // The term text first: the Wenchuan twinnings of the others cite its sentence.
  const order = [...index.sources].sort((a, b) => Number(!a.file.startsWith(TERM_TEXT)) - Number(!b.file.startsWith(TERM_TEXT)));
  writeStaging();
  try {
    runAll(order, termSource, rows, hand);
  } finally {
    fs.rmSync(STAGING, { recursive: true, force: true });
  }
  // Every folder together, as a load reads them, without the staging folder.
  const all = loadSeedFolders(SEEDS, edition);
  console.log(`seeds valid: ${all.entities.length} entities, ${all.relationships.length} relationships, ${all.quantities.length} quantities`);
  rows.sort((a, b) => stems.indexOf(a.stem) - stems.indexOf(b.stem));
  fs.writeFileSync(DOC, page(rows, hand));
  console.log(`wrote ${path.relative(REPO, DOC)}`);
}

const STAGING = path.join(SEEDS, 'zz-programme-staging');
function writeStaging(): void {
  fs.rmSync(STAGING, { recursive: true, force: true });
  fs.mkdirSync(STAGING, { recursive: true });
  const text = Object.values(PROGRAMMES).map((p) => p.nameZh).join('\n');
  fs.writeFileSync(path.join(STAGING, 'source.txt'), text);
  fs.writeFileSync(path.join(STAGING, 'source.yaml'), stringify({
    id: 'zz-programme-staging', title: 'staging', publisher: 'staging', publishedAt: '2024-01-01', textFile: 'source.txt',
    license: 'All rights reserved', rightsHolder: 'staging', usageNote: 'removed when the run ends',
  }));
  writeRecords(STAGING, 'entities', Object.entries(PROGRAMMES).map(([id, p]) => ({ id, kind: 'Programme', name: p.name, nameZh: p.nameZh, citations: [p.nameZh] })));
  writeRecords(STAGING, 'relationships', []);
  writeRecords(STAGING, 'quantities', []);
}

function runAll(order: IndexEntry[], termSource: string, rows: Row[], hand: HandRecord[]): void {
  for (const e of order) {
    const stem = e.file.replace(/\.txt$/u, '');
    const id = sourceIdOf(e.file);
    const started = Date.now();
    const report = addSource({
      textFile: path.join(DEV_SET, e.file), title: e.title, publisher: e.publisher, date: firstDate(e.date), url: e.url, id,
      rightsHolder: e.publisher, outDir: SEEDS, seedsDir: SEEDS,
    });
    patchSource(report.folder, e);
    const review = new Review(stem, report.folder);
    const { decisions, counts } = review.decide();
    const applied = applyDecisions(report.folder, decisions);
    counts.dropped = applied.dropped;
    counts.confirmed = applied.confirmed;
    counts.hand = completeFromGold(review, termSource);
    counts.figuresLeftOut = review.figuresLeftOut;
    const check = validationReport(report.folder, SEEDS);
    if (!check.ok) throw new Error(`${id}: ${check.text}`);
    if (applied.left) throw new Error(`${id}: ${applied.left} drafts left unreviewed`);
    hand.push(...review.hand);
    rows.push({ stem, id, counts, check: check.text });
    console.log(`${id}: drafted ${counts.drafted}, confirmed ${counts.confirmed}, dropped ${counts.dropped}, by hand ${counts.hand} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

function page(rows: Row[], hand: HandRecord[]): string {
  const sum = (k: keyof Counts) => rows.reduce((n, r) => n + r.counts[k], 0);
  return [
    '# The programme sources: how the fourteen texts were loaded',
    '',
    'Written by `npx tsx scripts/load-programme-sources.ts`, which rebuilds the fourteen seed folders from scratch:',
    'each text of `test/fixtures/programme/INDEX.yaml` is drafted by the drafting tool (`addSource`, as',
    '`npm run source -- add` does) with its index metadata on the source record (a stored copy, whether an',
    'excerpt, its completeness and licence text), then reviewed (`applyDecisions`, as `npm run source -- review`',
    'does) with the text\'s gold annotation (`<stem>.gold.yaml`) as the reviewer\'s judgement: a drafted record',
    'the gold holds is confirmed, any other is dropped (with what depends on it), and a gold fact the tool',
    'missed is written by hand from the gold with the gold\'s quote. Programmes are declared in the folders',
    'whose text states them; a Wenchuan twinning whose text gives no end ends with the programme\'s term',
    `(\`untilBasis: PROGRAMME_TERM\`, cited by «${TERM_QUOTE}» of \`${sourceIdOf(`${TERM_TEXT}.txt`)}\`).`,
    '',
    '"by hand" counts records written or fixed from the gold (below, with the class of the miss). Every figure of',
    'the gold says what it is about (`subject`: `place:<code>`, a programme, or a project or event the text names)',
    'and what it measures (`metric`, of `src/domain/metric-vocabulary.ts`), with its period: the review loads it',
    'with that subject, metric and period whatever the tool guessed (a guess it corrects is listed below, a period',
    'too: its year, start (`from`) or as-of date), and writes the figures the tool missed by hand. A project or',
    'event the tool drafts (新小鱼洞大桥, 汶川地震) is kept when a gold figure is about it, under the id the gold',
    'gives it (the tool mints one from its pinyin): the same thing, not a correction.',
    '',
    'What is still fixed by hand, and why: implied pairings the text shows without a pairing verb (the rules',
    'draft only stated ones, and an implied one across sentences is beyond them); three institutions and two people',
    'with no ending, cue word or credit line the rules read; a twinning\'s programme where the tool does not declare',
    'one (the text never names it by a name validation accepts) or its start read from a span in another',
    'sentence; and a figure\'s period where the gold dates it from the text around the sentence (a headline\'s',
    'year, the meeting a sentence before dates, 迄今为止 counted from a start another paragraph gives). No figure\'s',
    'subject or metric is corrected any more (46 were on 2026-12-06), and no figure is written by hand (4 were).',
    '"gold figures left out" counts gold figures without a subject or metric',
    '(none: optional figures — set phrases, ranges, dates of the report, the country\'s 30 autonomous prefectures —',
    'are not facts to load, as `test/fixtures/programme/README.md` says). `test/integration/programme-checklist.test.ts`',
    'checks every gold fact through the API.',
    '',
    '| text | source id | drafted | confirmed | dropped | by hand | gold figures left out |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.stem.slice(0, 2)} | \`${r.id}\` | ${r.counts.drafted} | ${r.counts.confirmed} | ${r.counts.dropped} | ${r.counts.hand} | ${r.counts.figuresLeftOut} |`),
    `| total | | ${sum('drafted')} | ${sum('confirmed')} | ${sum('dropped')} | ${sum('hand')} | ${sum('figuresLeftOut')} |`,
    '',
    '## Records written or fixed by hand',
    '',
    '| text | record | why |',
    '| --- | --- | --- |',
    ...hand.map((h) => `| ${h.text.slice(0, 2)} | ${h.record.replace(/\|/gu, '\\|')} | ${h.why} |`),
    '',
  ].join('\n');
}

main();
