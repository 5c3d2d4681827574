// The source texts live outside the repository (../shared/sources, or AIDGRAPH_SOURCES_DIR).
// Tests that need them say so and skip when they are absent, rather than pass silently.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SOURCES_DIR = path.resolve(process.env.AIDGRAPH_SOURCES_DIR ?? path.join(ROOT, '../shared/sources'));

export function sourceText(textFile: string | null | undefined): string | undefined {
  if (!textFile) return undefined;
  const file = path.join(SOURCES_DIR, textFile);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
