// `source add`: a text file and its metadata in, a draft seed folder out (see draft.ts, folder.ts).
// What cannot be drafted is refused before anything is written, saying what to do: an empty file, a
// binary one, a text not in UTF-8 (GBK is the usual other encoding of Chinese pages), a text longer
// than a draft can be reviewed in (MAX_CHARACTERS). A failure after writing removes the folder.
import fs from 'node:fs';
import path from 'node:path';
import { gazetteerEdition } from '../../gazetteer/division-list.js';
import { draftFromText, slug, type SourceMeta } from './draft.js';
import { knownEntities, seedFolders, settleDraft, writeDraftFolder, type Dropped } from './folder.js';

export interface AddOptions {
  textFile: string;
  title: string;
  publisher: string;
  date: string;
  url?: string | undefined;
  authors?: string[] | undefined;
  id?: string | undefined;
  license?: string | undefined;
  rightsHolder?: string | undefined;
  usageNote?: string | undefined;
  /** Where the new folder goes (default: the seeds folder). */
  outDir: string;
  /** The seed folders whose entities names resolve to, and which the draft must agree with. */
  seedsDir?: string | undefined;
}

export interface AddReport {
  folder: string;
  counts: { entities: number; relationships: number; quantities: number };
  dropped: Dropped[];
}

/** The longest text drafted at once: drafting takes 4–9 s per 100,000 characters (npm run bench:draft), and a person reviews far less. */
export const MAX_CHARACTERS = 500_000;

/** The text of a source file, or an error that says what is wrong with it and what to do. */
export function readSourceText(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`no text file ${file}`);
  if (!fs.statSync(file).isFile()) throw new Error(`${file} is not a file`);
  const bytes = fs.readFileSync(file);
  if (!bytes.length) throw new Error(`${file} is empty`);
  if (bytes.includes(0)) throw new Error(`${file} is not text (it holds NUL bytes): source add reads a UTF-8 text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not UTF-8: convert it first, e.g. iconv -f GBK -t UTF-8 ${file} > ${file}.utf8 (Chinese pages are often GBK or GB18030)`);
  }
  if (text.includes('\uFFFD')) {
    throw new Error(`${file} holds U+FFFD replacement characters (a conversion to UTF-8 already lost characters): convert the original, e.g. iconv -f GBK -t UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark is no part of the text
  if (!text.trim()) throw new Error(`${file} is empty (only white space)`);
  if (text.length > MAX_CHARACTERS) {
    throw new Error(`${file} is ${text.length.toLocaleString('en')} characters; source add drafts at most ${MAX_CHARACTERS.toLocaleString('en')} at once: split it into parts (one source each)`);
  }
  return text;
}

/** Refuses, with what to do, anything that would make a folder no load could use. */
export function sourceIdFor(o: Pick<AddOptions, 'id' | 'date' | 'title'>): string {
  return o.id ?? `${o.date}-${slug(o.title, 40)}`;
}

export function addSource(o: AddOptions): AddReport {
  const text = readSourceText(o.textFile);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new Error(`--date must be YYYY-MM-DD, not "${o.date}"`);
  const id = sourceIdFor(o);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`--id must be lower-case ASCII letters, digits and -, not "${id}"`);
  const folder = path.join(o.outDir, id);
  if (fs.existsSync(folder)) throw new Error(`${folder} already exists: give another --id, or remove it first`);
  const edition = gazetteerEdition();
  const known = o.seedsDir ? knownEntities(o.seedsDir, edition) : [];
  const meta: SourceMeta = {
    id, title: o.title, publisher: o.publisher, publishedAt: o.date, url: o.url ?? null, authors: o.authors ?? [],
    license: o.license ?? 'All rights reserved',
    rightsHolder: o.rightsHolder ?? o.publisher,
    usageNote: o.usageNote ??
      'Short passages are quoted verbatim as citations for the facts they state. The full text sits beside the seeds only so that ' +
      'every quote can be checked against it; it is not served by the API. Reusers may republish the facts and the quotes as ' +
      `citations, attributed to ${o.publisher} with the title and date.`,
  };
  const draft = draftFromText(text, meta, { known, edition });
  try {
    writeDraftFolder(folder, text, draft);
    const dropped = settleDraft(folder, o.seedsDir && seedFolders(o.seedsDir).length ? o.seedsDir : undefined, edition);
    const goneIds = new Set(dropped.map((d) => d.id));
    const left = (list: Array<{ id: string }>) => list.filter((r) => !goneIds.has(r.id)).length;
    return { folder, counts: { entities: left(draft.entities), relationships: left(draft.relationships), quantities: left(draft.quantities) }, dropped };
  } catch (err) {
    fs.rmSync(folder, { recursive: true, force: true }); // no half-made folder left behind
    throw err;
  }
}
