// Drafts of the first article, written to temp dirs, for the `source add` tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addSource, type AddReport } from '../../src/ingest/draft/add.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';

export const ARTICLE_FOLDER = path.join(SEEDS_DIR, 'tibet-daily-2024-06-21-liaoning-nagqu');

/** `source add` on the article's text; `known` says whether the seed folders' names are known to it. */
export function draftArticle(id: string, known: boolean): AddReport {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-source-add-'));
  return addSource({
    textFile: path.join(ARTICLE_FOLDER, 'source.txt'), title: '辽宁对口支援那曲——携手共谱新时代“山海情”',
    publisher: '西藏日报 (Tibet Daily)', date: '2024-06-21', id, outDir: out, seedsDir: known ? SEEDS_DIR : undefined,
  });
}

/** A seeds dir holding the given folders (copied), as `seed --check --dir` or a load would read it. */
export function seedsDirWith(...folders: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-seeds-with-draft-'));
  for (const f of folders) fs.cpSync(f, path.join(dir, path.basename(f)), { recursive: true });
  return dir;
}
