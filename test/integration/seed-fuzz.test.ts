// Fuzzed seed files (fast-check): copies of the real seeds with one line broken — replaced by junk,
// deleted, duplicated, re-indented, retyped, or the file cut short. A load of a broken copy fails
// with a SeedValidationError that names the file and line (source.yaml, a single record: the file
// and field), and the database is left as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, seedGraph } from '../../src/ingest/seed.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SeedValidationError } from '../../src/ingest/dataset.js';
import { countAll, startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-seed-fuzz-'));
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => {
  await api?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const FILES = ['entities.yaml', 'relationships.yaml', 'quantities.yaml', 'source.yaml'] as const;
// The first article's folder: the largest, with every kind of record.
const folder = 'tibet-daily-2024-06-21-liaoning-nagqu';

const mutation = fc.record({
  file: fc.constantFrom(...FILES),
  at: fc.nat(),
  how: fc.constantFrom('junk', 'delete', 'duplicate', 'indent', 'retype', 'truncate'),
  junk: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('- id: [', '  kind: Planet', '{{', ': :', '\t- x', '  from: nowhere:at-all', '- id: city:nagqu')),
});

function mutate(text: string, m: { file: string; at: number; how: string; junk: string }): string {
  const lines = text.split('\n');
  // Only lines that hold data: a change to a comment or a blank line changes nothing.
  const data = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() && !l.trim().startsWith('#'));
  const [line, i] = data[m.at % data.length]!;
  switch (m.how) {
    case 'junk': lines[i] = m.junk; break;
    case 'delete': lines.splice(i, 1); break;
    case 'duplicate': lines.splice(i, 0, line); break;
    case 'indent': lines[i] = `   ${line}`; break;
    case 'retype': lines[i] = line.replace(/:\s.*$/, ': [1, {a: 2}]'); break;
    case 'truncate': return lines.slice(0, i).join('\n') + '\n' + line.slice(0, Math.floor(line.length / 2));
  }
  return lines.join('\n');
}

describe('fuzzed seed files', () => {
  it('fail with the file and line named, and leave the database unchanged', async () => {
    const before = await countAll(api.graph);
    expect(before.nodes).toBeGreaterThan(0);
    let broken = 0;
    let harmless = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const dir = path.join(work, `run-${broken + harmless}`);
        fs.cpSync(SEEDS_DIR, dir, { recursive: true });
        const file = path.join(dir, folder, m.file);
        fs.writeFileSync(file, mutate(fs.readFileSync(file, 'utf8'), m));
        try {
          try {
            loadSeedFolders(dir);
            harmless += 1; // e.g. a duplicated alias line: still a valid dataset, nothing to check
            return;
          } catch (err) {
            if (!(err instanceof SeedValidationError)) throw err;
          }
          broken += 1;
          const err = await seedGraph(api.graph, dir).then(() => undefined, (e: unknown) => e);
          expect(err).toBeInstanceOf(SeedValidationError);
          const issues = (err as SeedValidationError).issues;
          const message = (err as Error).message;
          if (m.file === 'source.yaml') {
            // One record per file: its issues name the file and the field, not yet a line.
            expect(issues.some((i) => i.file.endsWith(path.join(folder, 'source.yaml'))), message).toBe(true);
          } else {
            const located = issues.filter((i) => i.line && fs.existsSync(path.resolve(i.file)));
            expect(located.length, message).toBeGreaterThan(0);
            expect(message).toContain(`${located[0]!.file}:${located[0]!.line}`);
          }
          expect(await countAll(api.graph)).toEqual(before);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150, seed: 20260902 },
    );
    console.log(`[seed fuzz] ${broken} broken copies refused with file and line; ${harmless} harmless changes`);
    expect(broken).toBeGreaterThan(100);
    // Each run validates all fifteen seed folders once or twice (about 0.5 s each on a quiet
    // machine, 1 s and more at load 10 on two cores): 150 runs need minutes, not a tight bound.
  }, 300_000);
});
