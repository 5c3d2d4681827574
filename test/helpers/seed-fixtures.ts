// Small seed folders written to a temp dir, for validation tests that must not touch the real seeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SeedValidationError, type SeedIssue } from '../../src/ingest/dataset.js';

/** The terms every source.yaml must state (see SourceSeed). */
export const FIXTURE_TERMS = `license: CC-BY-4.0
rightsHolder: Test Daily
usageNote: Test data; reuse freely with attribution.
`;

export const FIXTURE_SOURCE = `id: fixture-source
title: 测试来源
publisher: Test Daily
publishedAt: 2024-01-01
authors: [Tester]
${FIXTURE_TERMS}`;

export const FIXTURE_ENTITIES = `- id: province:alpha
  kind: Province
  name: Alpha
  nameZh: 阿尔法省
  aliases: [阿尔法]
  citations: [阿尔法省是一个省]
- id: city:beta
  kind: City
  name: Beta
  nameZh: 贝塔市
  citations: [贝塔市]
`;

export const FIXTURE_RELATIONSHIPS = `- id: part-of:beta--alpha
  type: PART_OF
  from: city:beta
  to: province:alpha
  citations: [贝塔市属于阿尔法省]
`;

export const FIXTURE_QUANTITIES = `- subject: city:beta
  metric: participants
  value: 1000
  unit: person
  qualifier: AT_LEAST
  citations: [贝塔市参加1000余人]
`;

/** Writes a seed folder (with overrides per file) and returns the seeds dir holding it. */
export function writeSeedFixture(files: Partial<Record<'source' | 'entities' | 'relationships' | 'quantities', string>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-seeds-'));
  const folder = path.join(dir, 'fixture');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'source.yaml'), files.source ?? FIXTURE_SOURCE);
  fs.writeFileSync(path.join(folder, 'entities.yaml'), files.entities ?? FIXTURE_ENTITIES);
  fs.writeFileSync(path.join(folder, 'relationships.yaml'), files.relationships ?? FIXTURE_RELATIONSHIPS);
  fs.writeFileSync(path.join(folder, 'quantities.yaml'), files.quantities ?? FIXTURE_QUANTITIES);
  return dir;
}

/** The issues validation raises for a seeds dir; fails the test when the seeds are accepted. */
export function issuesOf(dir: string): SeedIssue[] {
  try {
    loadSeedFolders(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(SeedValidationError);
    return (err as SeedValidationError).issues;
  }
  throw new Error('expected the seeds to be refused');
}
