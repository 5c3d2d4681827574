// The type assertions left in src are the ones docs/type-assertions.yaml lists, file by file with
// their reasons: a new `as T` (or any `as never`) elsewhere fails here until it is fixed or listed.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const SRC = path.resolve('src');

/** docs/type-assertions.yaml: groups of files, each file with its count, each group with its reason. */
const Listed = z.array(z.object({ files: z.record(z.string(), z.number().int().positive()), why: z.string().min(10) }));

/** Every `as T` in src (not `as const`), per file, and the `as never`s among them. */
function assertionsPerFile(): { counts: Record<string, number>; never: string[] } {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) { if (f.name !== 'generated') walk(p); } else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(SRC);
  const counts: Record<string, number> = {};
  const never: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText(source) !== 'const') {
        const key = path.relative('.', file);
        counts[key] = (counts[key] ?? 0) + 1;
        if (node.type.getText(source) === 'never') never.push(`${key}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { counts, never };
}

describe('type assertions in src', () => {
  it('are only where docs/type-assertions.yaml says, as many as it says', () => {
    const listed = Listed.parse(parse(fs.readFileSync('docs/type-assertions.yaml', 'utf8')));
    const expected = Object.fromEntries(listed.flatMap((group) => Object.entries(group.files)));
    const { counts, never } = assertionsPerFile();
    // `as never` silences any type error at all: none may come back.
    expect(never).toEqual([]);
    expect(counts).toEqual(expected);
  });
});
