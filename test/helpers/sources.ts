// The source texts live outside the repository (../shared/sources, or AIDGRAPH_SOURCES_DIR).
// Tests that need them say so and skip when they are absent, rather than pass silently.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SOURCES_DIR = path.resolve(process.env.AIDGRAPH_SOURCES_DIR ?? path.join(ROOT, '../shared/sources'));

export function sourceText(textFile: string | null | undefined): string | undefined {
  if (!textFile) return undefined;
  const file = path.join(SOURCES_DIR, textFile);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** The source.yaml of every real seed folder, parsed: what the graph's sources must answer with. */
export function seedSources(): Array<Record<string, unknown> & { id: string; title: string; publishedAt: string }> {
  const seeds = path.join(ROOT, 'seeds');
  return fs.readdirSync(seeds, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => parse(fs.readFileSync(path.join(seeds, d.name, 'source.yaml'), 'utf8'), { schema: 'failsafe' }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
