// `source review`: a person goes through a draft folder's candidates, each with its quote and what
// the rule found, and confirms, edits or drops it; confirmed records lose `status: draft`, dropped
// ones take what depends on them along. Then the folder is validated as a load would. Each quote is
// shown where it stands in the text (the words around it, the quote between ⟦ ⟧ and the names it
// is about between 【 】), and a name the list holds many times shows the other places it may be.
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { gazetteerEdition, readRecords as readDivisionRecords } from '../../gazetteer/division-list.js';
import { SeedValidationError, formatIssue } from '../dataset.js';
import { checkFolder, DRAFT_FILES, quoteOf, readDraftFiles, readRecords, writeRecords, type DraftFile, type DraftRecord } from './folder.js';

type Rec = DraftRecord;
export interface ReviewItem { file: DraftFile; record: Rec }
export type Decision =
  | { action: 'confirm' }
  | { action: 'drop' }
  | { action: 'skip' }
  /** Field values to set before confirming: `name`, `nameZh`, `code` (a place: its official name follows), `value`, `mode` … */
  | { action: 'edit'; set: Record<string, string> };

export function draftItems(folder: string): ReviewItem[] {
  return DRAFT_FILES.flatMap((file) => readRecords(folder, file).filter((r) => r.status === 'draft').map((record) => ({ file, record })));
}

/** What `describe` shows a quote in: the folder's text and the Chinese names of its records by id. */
export interface ReviewContext { text: string; names: Map<string, string[]> }

export function reviewContext(folder: string): ReviewContext {
  const file = path.join(folder, 'source.txt');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const names = new Map<string, string[]>();
  for (const e of readRecords(folder, 'entities')) {
    names.set(String(e.id), [e.nameZh, ...(e.aliases ?? [])].filter((n): n is string => typeof n === 'string' && n.length > 0));
  }
  return { text, names };
}

/**
 * A quote where it stands: up to `width` characters either side, the quote between ⟦ ⟧, and each of
 * `marks` inside it between 【 】 (longest first, so 索县人民医院 is marked whole, not 索县).
 */
export function inContext(text: string, quote: string, marks: readonly string[], width = 30): string {
  const at = text.indexOf(quote);
  let body = quote;
  const sorted = [...new Set(marks)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length) {
    const re = new RegExp(sorted.map((m) => m.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu');
    body = quote.replace(re, (m) => `【${m}】`);
  }
  if (at < 0) return `⟦${body}⟧ (not found in the text)`;
  const flat = (s: string) => s.replace(/\s+/gu, ' ');
  const before = flat(text.slice(Math.max(0, at - width), at));
  const after = flat(text.slice(at + quote.length, at + quote.length + width));
  return `${at > width ? '…' : ''}${before}⟦${body}⟧${after}${at + quote.length + width < text.length ? '…' : ''}`;
}

/** One candidate as a person reads it: what it is, the quote it comes from, the rule and its doubts. */
export function describe(item: ReviewItem, index: number, total: number, context?: ReviewContext): string {
  const r = item.record;
  const what = item.file === 'entities'
    ? `${r.kind} ${r.nameZh ?? ''} (${r.name})${r.code ? ` code ${r.code}` : ''}`
    : item.file === 'relationships'
      ? `${r.type} ${r.from} → ${r.to}${r.properties?.mode ? ` (${r.properties.mode})` : ''}`
      : `${r.metric} of ${r.subject} = ${r.value} ${r.unit}, ${r.qualifier}${r.year ? `, ${r.year}` : ''}${r.measure === 'CHANGE' ? ` vs ${r.baselineYear}` : ''}`;
  const d = r.draft ?? {};
  return [
    `[${index + 1}/${total}] ${r.id ?? ''}  ${what}`,
    ...(r.citations ?? []).slice(0, 2).map((c: unknown) => (context
      ? `    ${inContext(context.text, quoteOf(c), marksOf(item, context))}`
      : `    “${quoteOf(c)}”`)),
    `    rule: ${d.rule ?? '?'}${d.confidence !== undefined ? `; confidence ${d.confidence}` : ''}${d.chain?.length ? `; in ${d.chain.join(' › ')}` : ''}`,
    ...(d.options?.length ? [`    other places of this name: ${d.options.join('; ')}`] : []),
    ...(d.note ? [`    note: ${d.note}`] : []),
  ].join('\n');
}

/** The names a record is about, to mark in its quote: its own, or its ends', or its subject's. */
function marksOf(item: ReviewItem, context: ReviewContext): string[] {
  const r = item.record;
  if (item.file === 'entities') return context.names.get(String(r.id)) ?? [];
  if (item.file === 'relationships') return [...(context.names.get(String(r.from)) ?? []), ...(context.names.get(String(r.to)) ?? [])];
  return context.names.get(String(r.subject)) ?? [];
}

/**
 * Applies decisions by record id (entities and relationships by id, quantities by id too): confirm
 * removes the draft marks, edit sets fields then confirms, drop removes the record and every record
 * that depends on it. Returns the counts.
 */
export function applyDecisions(folder: string, decisions: ReadonlyMap<string, Decision>) {
  const files = readDraftFiles(folder);
  const gone = new Set<string>();
  let confirmed = 0;
  let edited = 0;
  const edition = gazetteerEdition();
  for (const f of DRAFT_FILES) {
    for (const r of files[f]) {
      const d = decisions.get(r.id);
      if (!d || d.action === 'skip') continue;
      if (d.action === 'drop') { gone.add(r.id); continue; }
      if (d.action === 'edit') {
        for (const [key, raw] of Object.entries(d.set)) {
          const value: unknown = ['value', 'year', 'baselineYear'].includes(key) ? Number(raw) : raw;
          if (key === 'mode') r.properties = { ...(r.properties ?? {}), mode: value };
          else r[key] = value;
          if (key === 'code' && f === 'entities') {
            const record = readDivisionRecords(edition, [raw]).get(raw);
            if (!record) throw new Error(`code ${raw} is not in the official division list`);
            r.nameZh = record.nameZh;
          }
        }
        edited++;
      }
      delete r.status;
      delete r.draft;
      confirmed++;
    }
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const r of files.relationships) if (!gone.has(r.id) && (gone.has(r.from) || gone.has(r.to))) { gone.add(r.id); grew = true; }
    for (const q of files.quantities) if (!gone.has(q.id) && gone.has(q.subject)) { gone.add(q.id); grew = true; }
  }
  for (const f of DRAFT_FILES) writeRecords(folder, f, files[f].filter((r) => !gone.has(r.id)));
  return { confirmed, edited, dropped: gone.size, left: draftItems(folder).length };
}

/** Validates the folder beside the seed folders; the report a person reads after reviewing. */
export function validationReport(folder: string, seedsDir: string | undefined): { ok: boolean; text: string } {
  try {
    const data = checkFolder(folder, seedsDir);
    const left = draftItems(folder).length;
    return {
      ok: true,
      text: `valid: ${data.entities.length} entities, ${data.relationships.length} relationships, ${data.quantities.length} quantities with the other seed folders; ` +
        (left ? `${left} drafts left to review (a load refuses the folder until none is left)` : 'no drafts left: the folder loads'),
    };
  } catch (err) {
    if (!(err instanceof SeedValidationError)) throw err;
    return { ok: false, text: `not valid yet:\n${err.issues.map(formatIssue).join('\n')}` };
  }
}

/** Asks about each draft in the terminal (or reads one answer a line from a pipe). */
export async function reviewInteractively(folder: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
  const items = draftItems(folder);
  const context = reviewContext(folder);
  const rl = createInterface({ input, output, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (q: string) => { output.write(q); const next = await lines.next(); return next.done ? 'q' : String(next.value).trim(); };
  const decisions = new Map<string, Decision>();
  try {
    for (const [i, item] of items.entries()) {
      output.write(`\n${describe(item, i, items.length, context)}\n`);
      const answer = (await ask('  [c]onfirm, [e]dit, [d]rop, [s]kip, [q]uit and save? ')).toLowerCase();
      if (answer.startsWith('q')) break;
      if (answer.startsWith('d')) decisions.set(item.record.id, { action: 'drop' });
      else if (answer.startsWith('c')) decisions.set(item.record.id, { action: 'confirm' });
      else if (answer.startsWith('e')) {
        const line = await ask('  field=value, several separated by ; (name, nameZh, code, metric, value, unit, qualifier, subject, mode): ');
        const set = Object.fromEntries(line.split(';').map((p) => p.split('=').map((x) => x.trim())).filter((p): p is [string, string] => p.length === 2 && !!p[0]));
        decisions.set(item.record.id, { action: 'edit', set });
      }
    }
  } finally {
    rl.close();
  }
  return applyDecisions(folder, decisions);
}
