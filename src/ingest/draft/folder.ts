// A draft as a seed folder on disk: written in the seed format, then validated the way a load
// would (with the other seed folders beside it, drafts allowed). What validation cannot accept —
// a quote that does not name what it cites, a name another entity already holds — is dropped
// from the draft and reported, so the folder a person reviews always passes `seed --check`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { z } from 'zod';
import { gazetteerEdition, type GazetteerEdition } from '../../gazetteer/division-list.js';
import { loadSeedFolders, type CheckedDataset } from '../validate.js';
import { SeedValidationError, type SeedIssue } from '../dataset.js';
import type { Draft } from './draft.js';
import type { KnownEntity } from './places.js';

export const DRAFT_FILES = ['entities', 'relationships', 'quantities'] as const;
export type DraftFile = (typeof DRAFT_FILES)[number];

const HEADER = (folder: string) =>
  `# Drafted by \`npm run source -- add\`: every record marked \`status: draft\` is a proposal nobody has\n` +
  `# confirmed yet, and a load refuses the folder until \`npm run source -- review ${folder}\` has confirmed\n` +
  `# or dropped each one. \`draft\` says which rule found it and how sure it is.\n`;

export function seedFolders(seedsDir: string): string[] {
  if (!fs.existsSync(seedsDir)) return [];
  return fs.readdirSync(seedsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(seedsDir, d.name));
}

/** The entities the seed folders hold (drafts included), for resolving names; none if there are no folders. */
export function knownEntities(seedsDir: string, edition: GazetteerEdition = gazetteerEdition()): KnownEntity[] {
  if (!seedFolders(seedsDir).length) return [];
  return loadSeedFolders(seedsDir, edition, { includeDrafts: true }).entities.map((e) => ({
    id: e.id, kind: e.kind, name: String(e.props.name), nameZh: typeof e.props.nameZh === 'string' ? e.props.nameZh : null,
    aliases: Array.isArray(e.props.aliases) ? e.props.aliases.filter((a) => typeof a === 'string') : [],
    code: typeof e.props.code === 'string' ? e.props.code : undefined,
  }));
}

export function writeDraftFolder(folder: string, text: string, draft: Draft): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'source.txt'), text);
  fs.writeFileSync(path.join(folder, 'source.yaml'), stringify(draft.source, { lineWidth: 0 }));
  for (const file of DRAFT_FILES) writeRecords(folder, file, file === 'relationships' ? draft.relationships.map(asSeedEvidence) : draft[file]);
}

/** An implied fact's quotes support reading it, none states it: the seed format marks each `evidence: IMPLIES`. */
function asSeedEvidence(r: Draft['relationships'][number]): object {
  const note = r.properties?.note;
  return typeof note === 'string' && /^implied\b/u.test(note) ? { ...r, citations: r.citations.map((quote) => ({ quote, evidence: 'IMPLIES' })) } : r;
}

export function writeRecords(folder: string, file: DraftFile, records: readonly object[]): void {
  const body = records.length ? stringify(records, { lineWidth: 0 }) : '[]\n';
  fs.writeFileSync(path.join(folder, `${file}.yaml`), HEADER(path.relative(process.cwd(), folder) || folder) + body);
}

/** A draft file's records as a person may have edited them: read loosely, every field optional. */
export type DraftRecord = Record<string, any>;
const draftFile = z.array(z.record(z.string(), z.any())).nullable();

export function readRecords(folder: string, file: DraftFile): DraftRecord[] {
  const f = path.join(folder, `${file}.yaml`);
  if (!fs.existsSync(f)) return [];
  const read = draftFile.safeParse(parse(fs.readFileSync(f, 'utf8')));
  if (!read.success) throw new Error(`${f}: expected a list of records`);
  return read.data ?? [];
}

/** Every draft file of a folder, read. */
export function readDraftFiles(folder: string): Record<DraftFile, DraftRecord[]> {
  return { entities: readRecords(folder, 'entities'), relationships: readRecords(folder, 'relationships'), quantities: readRecords(folder, 'quantities') };
}

/** A citation's quote: a seed file writes a citation as the quote itself or as `{quote, …}`. */
export function quoteOf(citation: unknown): string {
  if (typeof citation === 'string') return citation;
  return String(typeof citation === 'object' && citation !== null && 'quote' in citation ? citation.quote : undefined);
}

/** Validates a folder with the seed folders beside it (drafts allowed), without touching either. */
export function checkFolder(folder: string, seedsDir: string | undefined, edition: GazetteerEdition = gazetteerEdition()): CheckedDataset {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-draft-check-'));
  try {
    const mine = path.resolve(folder);
    for (const other of seedsDir ? seedFolders(seedsDir) : []) {
      if (path.resolve(other) !== mine) fs.cpSync(other, path.join(dir, path.basename(other)), { recursive: true });
    }
    fs.cpSync(folder, path.join(dir, path.basename(folder)), { recursive: true });
    return loadSeedFolders(dir, edition, { includeDrafts: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Dropped { id: string; reason: string }

/**
 * Validates the folder and removes what validation refuses (a citation that proves nothing, then
 * the record, then what depends on it), until it passes. Returns what was dropped and why.
 */
export function settleDraft(folder: string, seedsDir: string | undefined, edition: GazetteerEdition = gazetteerEdition()): Dropped[] {
  const dropped: Dropped[] = [];
  for (let round = 0; round < 8; round++) {
    let issues: SeedIssue[];
    try { checkFolder(folder, seedsDir, edition); return dropped; } catch (err) {
      if (!(err instanceof SeedValidationError)) throw err;
      issues = err.issues;
    }
    const files = readDraftFiles(folder);
    const draftIds = new Set(DRAFT_FILES.flatMap((f) => files[f].map((r): string => r.id)));
    const idOf = (i: SeedIssue) => (i.record ? /\(([^()]+)\)$/u.exec(i.record)?.[1] ?? i.record : undefined);
    // An issue about a record the draft holds, wherever validation located it (a merged entity is
    // located where another folder first defined it); any other issue is not the draft's to settle.
    if (issues.some((i) => !draftIds.has(idOf(i) ?? ''))) throw new SeedValidationError(issues);
    const gone = new Set<string>();
    for (const issue of issues) {
      const id = idOf(issue)!;
      const quote = /the quote "(.+?)" (does not|names neither)/u.exec(issue.reason)?.[1];
      const record = DRAFT_FILES.flatMap((f) => files[f]).find((r) => r.id === id || (r.id === undefined && id.startsWith('quantity:')));
      if (quote && record && record.citations.length > 1) {
        record.citations = record.citations.filter((c: unknown) => quoteOf(c) !== quote);
        continue;
      }
      gone.add(id);
      dropped.push({ id, reason: issue.reason });
    }
    // What depends on a dropped record goes with it.
    for (let grew = true; grew;) {
      grew = false;
      for (const r of files.relationships) if (!gone.has(r.id) && (gone.has(r.from) || gone.has(r.to))) { gone.add(r.id); dropped.push({ id: r.id, reason: 'an end was dropped' }); grew = true; }
      for (const q of files.quantities) if (!gone.has(q.id) && gone.has(q.subject)) { gone.add(q.id); dropped.push({ id: q.id, reason: 'its subject was dropped' }); grew = true; }
    }
    for (const f of DRAFT_FILES) writeRecords(folder, f, files[f].filter((r) => !gone.has(r.id)));
  }
  checkFolder(folder, seedsDir, edition);
  return dropped;
}
