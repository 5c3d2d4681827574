// Source texts travel with their seeds: each seed folder holds the text its source.yaml names in
// `textFile`. A test that needs a text and cannot find it fails; it never skips.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');

/** The text of one source: its folder is the one whose source.yaml has its id (every folder names its text source.txt). */
export function sourceText(sourceId: string, textFile: string | null | undefined): string {
  if (!textFile) throw new Error(`the source ${sourceId} names no textFile`);
  const folders = fs.readdirSync(SEEDS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const d of folders) {
    const yaml = path.join(SEEDS_DIR, d.name, 'source.yaml');
    if (!fs.existsSync(yaml) || (parse(fs.readFileSync(yaml, 'utf8')) as { id?: unknown }).id !== sourceId) continue;
    const file = path.join(SEEDS_DIR, d.name, textFile);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  throw new Error(`source text ${textFile} of ${sourceId} is in no seed folder under ${SEEDS_DIR}`);
}

/** The source.yaml of every real seed folder, parsed: what the graph's sources must answer with. */
export function seedSources(): Array<Record<string, unknown> & { id: string; title: string; publishedAt: string }> {
  const seeds = path.join(ROOT, 'seeds');
  return fs.readdirSync(seeds, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => parse(fs.readFileSync(path.join(seeds, d.name, 'source.yaml'), 'utf8'), { schema: 'failsafe' }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
