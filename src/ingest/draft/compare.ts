// How a draft compares with a folder a person made from the same text: per kind, the share of the
// person's records the draft proposes (recall) and the share of the draft's candidates the
// person's folder holds (precision), and whether every quote the draft cites is in the text.
// Places compare by official code, institutions and people by Chinese name or alias, figures by
// value and unit (one draft figure per seed figure), pairings and supports by type and ends.
import fs from 'node:fs';
import path from 'node:path';
import { isKindLabel, isPlaceKind, kindOfLabel } from '../../domain/vocabulary.js';
import { normalizeName } from '../../domain/search-keys.js';
import { quoteOf, readRecords, type DraftRecord } from './folder.js';

export const COMPARED_KINDS = ['places', 'institutions', 'people', 'quantities', 'pairings'] as const;
export type ComparedKind = (typeof COMPARED_KINDS)[number];

export interface KindScore {
  kind: ComparedKind;
  /** Records in the hand-made folder, and how many of them the draft proposes. */
  seed: number;
  found: number;
  /** Candidates in the draft, and how many of them the hand-made folder holds. */
  draft: number;
  correct: number;
  recall: number;
  precision: number;
  /** Hand-made records the draft does not propose, by name: what the rules miss. */
  missed: string[];
}

export interface Comparison {
  kinds: Record<ComparedKind, KindScore>;
  quotes: { total: number; verbatim: number; notVerbatim: string[] };
}

type Rec = DraftRecord;

function groupOf(kind: string): 'places' | 'institutions' | 'people' | 'other' {
  const k = isKindLabel(kind) ? kindOfLabel(kind) : undefined;
  if (k && isPlaceKind(k)) return 'places';
  if (k === 'SCHOOL' || k === 'HOSPITAL' || k === 'ORGANIZATION') return 'institutions';
  if (k === 'PERSON') return 'people';
  return 'other';
}

/** The keys an entity is recognised by: its code for a place, its Chinese names otherwise. */
function keysOf(e: Rec): Set<string> {
  if (e.code) return new Set([`code:${e.code}`]);
  return new Set([e.nameZh, ...(e.aliases ?? [])].filter((n): n is string => typeof n === 'string' && /\p{Script=Han}/u.test(n)).map(normalizeName));
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function score(kind: ComparedKind, seed: Rec[], draft: Rec[], matches: (s: Rec, d: Rec) => boolean, label: (s: Rec) => string, oneToOne = false): KindScore {
  const used = new Set<Rec>();
  const missed: string[] = [];
  let found = 0;
  for (const s of seed) {
    const hit = draft.find((d) => (!oneToOne || !used.has(d)) && matches(s, d));
    if (hit) { found++; used.add(hit); } else missed.push(label(s));
  }
  const correct = oneToOne ? used.size : draft.filter((d) => seed.some((s) => matches(s, d))).length;
  return { kind, seed: seed.length, found, draft: draft.length, correct, recall: ratio(found, seed.length), precision: ratio(correct, draft.length), missed };
}

export function compareFolders(draftFolder: string, seedFolder: string): Comparison {
  const text = fs.readFileSync(path.join(draftFolder, 'source.txt'), 'utf8');
  const [dE, sE] = [readRecords(draftFolder, 'entities'), readRecords(seedFolder, 'entities')];
  const [dR, sR] = [readRecords(draftFolder, 'relationships'), readRecords(seedFolder, 'relationships')];
  const [dQ, sQ] = [readRecords(draftFolder, 'quantities'), readRecords(seedFolder, 'quantities')];
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));
  const entityScore = (kind: 'places' | 'institutions' | 'people') =>
    score(kind, sE.filter((e) => groupOf(e.kind) === kind), dE.filter((e) => groupOf(e.kind) === kind),
      (s, d) => shares(keysOf(s), keysOf(d)), (s) => String(s.nameZh ?? s.name));
  const keysById = (list: Rec[]) => new Map(list.map((e): [string, Set<string>] => [e.id, keysOf(e)]));
  const [dKeys, sKeys] = [keysById(dE), keysById(sE)];
  const pairing = (r: Rec) => r.type === 'TWINNED_WITH' || r.type === 'SUPPORTS';
  const ends = (keys: Map<string, Set<string>>, r: Rec) => [keys.get(r.from) ?? new Set([r.from]), keys.get(r.to) ?? new Set([r.to])];
  const pairings = score('pairings', sR.filter(pairing), dR.filter(pairing), (s, d) => {
    const [sf, st] = ends(sKeys, s);
    const [df, dt] = ends(dKeys, d);
    return s.type === d.type && shares(sf!, df!) && shares(st!, dt!);
  }, (s) => `${s.type} ${s.from} → ${s.to}`);
  const quantities = score('quantities', sQ, dQ, (s, d) => Number(s.value) === Number(d.value) && s.unit === d.unit,
    (s) => `${s.value} ${s.unit} (${s.metric})`, true);

  const quotes = [...dE, ...dR, ...dQ].flatMap((r) => (r.citations ?? []).map(quoteOf));
  const notVerbatim = quotes.filter((q) => !text.includes(q));
  return {
    kinds: { places: entityScore('places'), institutions: entityScore('institutions'), people: entityScore('people'), quantities, pairings },
    quotes: { total: quotes.length, verbatim: quotes.length - notVerbatim.length, notVerbatim },
  };
}

/** The goals of issue 16: recall per kind the draft must reach on the first article. */
export const RECALL_GOALS: Partial<Record<ComparedKind, number>> = { places: 0.95, quantities: 0.95, institutions: 0.8 };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatComparison(c: Comparison): string {
  const rows = COMPARED_KINDS.map((k) => {
    const s = c.kinds[k];
    const goal = RECALL_GOALS[k];
    return `| ${k} | ${s.seed} | ${s.found} | **${pct(s.recall)}**${goal ? ` (goal ${pct(goal)})` : ''} | ${s.draft} | ${s.correct} | ${pct(s.precision)} |`;
  });
  return [
    '| kind | in the hand-made folder | proposed by the draft | recall | draft candidates | held by the folder | precision |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Quotes: ${c.quotes.verbatim} of ${c.quotes.total} verbatim in the text.`,
    '',
    ...COMPARED_KINDS.filter((k) => c.kinds[k].missed.length).map((k) => `Missed ${k}: ${c.kinds[k].missed.join('; ')}`),
  ].join('\n');
}
