import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS, FIXTURE_SOURCE, FIXTURE_TERMS, issuesOf, writeSeedFixture } from '../helpers/seed-fixtures.js';

describe('seed validation', () => {
  it('accepts a well-formed folder and derives ids, keys and citations', () => {
    const data = loadSeedFolders(writeSeedFixture());
    expect(data.entities.map((e) => e.id)).toEqual(['province:alpha', 'city:beta']);
    expect(data.entities[0]!.props.searchText).toBe('|alpha|阿尔法省|阿尔法|aerfasheng|aerfa|');
    expect(data.quantities[0]!.id).toBe('quantity:city:beta/participants');
    expect(data.quantities[0]!.props.qualifier).toBe('AT_LEAST');
    expect(data.citations).toHaveLength(4);
    expect(new Set(data.citations.map((c) => c.sourceId))).toEqual(new Set(['fixture-source']));
  });

  it('refuses an unknown field, naming file, line, record and field', () => {
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES.replace('  name: Beta\n', '  name: Beta\n  population: 5\n') }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ record: '#1 (city:beta)', line: 7, field: 'population', reason: 'unknown field "population"' });
    expect(issues[0]!.file).toMatch(/fixture\/entities\.yaml$/);
  });

  it('refuses a duplicate id and says where it was first defined', () => {
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES + FIXTURE_ENTITIES.split('- id: city:beta')[0] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ record: '#2 (province:alpha)', field: 'id' });
    expect(issues[0]!.reason).toMatch(/duplicate id "province:alpha" \(first defined at .*entities\.yaml:1\)/);
  });

  it('refuses an edge to a missing id', () => {
    const issues = issuesOf(writeSeedFixture({ relationships: FIXTURE_RELATIONSHIPS.replace('to: province:alpha', 'to: province:gamma') }));
    expect(issues).toEqual([
      expect.objectContaining({ record: '#0 (part-of:beta--alpha)', field: 'to', reason: 'no entity with id "province:gamma"' }),
    ]);
  });

  it('refuses a citation whose quote is empty', () => {
    const issues = issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES.replace('citations: [贝塔市]', 'citations: ["  "]') }));
    expect(issues).toEqual([expect.objectContaining({ record: '#1 (city:beta)', field: 'citations.0', reason: 'quote is empty' })]);
  });

  it('refuses bad enums, bad quantities and edges whose ends do not fit the type', () => {
    const issues = issuesOf(
      writeSeedFixture({
        entities: FIXTURE_ENTITIES.replace('kind: City', 'kind: Metropolis'),
        quantities: `- subject: province:alpha\n  metric: growth\n  value: 5\n  unit: percent\n  measure: CHANGE\n  citations: [增长5%]\n`,
        relationships: `- id: post:alpha--alpha\n  type: HOLDS_POST\n  from: province:alpha\n  to: province:alpha\n  citations: [x]\n`,
      }),
    );
    const reasons = issues.map((i) => `${i.record} ${i.field}: ${i.reason}`).join('\n');
    expect(reasons).toMatch(/#1 \(city:beta\) kind: .*Province/);
    expect(reasons).toMatch(/measure: a CHANGE needs both year and baselineYear/);
    expect(reasons).toMatch(/HOLDS_POST runs from a person to an organisation, not PROVINCE → PROVINCE/);
  });

  it('refuses a source without a licence, naming its source.yaml and the missing field', () => {
    const dir = writeSeedFixture({ source: FIXTURE_SOURCE.replace(/^license: .*\n/m, '') });
    const issues = issuesOf(dir);
    expect(issues).toEqual([expect.objectContaining({ field: 'license', reason: expect.stringMatching(/^license is required: an SPDX identifier/) })]);
    expect(issues[0]!.file).toMatch(/fixture\/source\.yaml$/);
    expect(() => loadSeedFolders(dir)).toThrow(/fixture\/source\.yaml, field "license": license is required/);
  });

  it('refuses a source whose rights holder and usage note are missing or blank', () => {
    const issues = issuesOf(writeSeedFixture({
      source: FIXTURE_SOURCE.replace(/^rightsHolder: .*\n/m, '').replace(/^usageNote: .*$/m, 'usageNote: "  "'),
    }));
    expect(issues.map((i) => `${i.field}: ${i.reason.split(':')[0]}`).sort()).toEqual(['rightsHolder: rightsHolder is required', 'usageNote: usageNote is empty']);
  });

  it('carries the terms of a source to the graph', () => {
    const data = loadSeedFolders(writeSeedFixture());
    expect(data.sources[0]!.props).toMatchObject({ license: 'CC-BY-4.0', rightsHolder: 'Test Daily', usageNote: 'Test data; reuse freely with attribution.' });
  });

  it('refuses an undeclared metric and a unit of the wrong dimension, with file and line', () => {
    const issues = issuesOf(writeSeedFixture({
      quantities: '- subject: city:beta\n  metric: residents\n  value: 1000\n  unit: person\n  citations: [贝塔市人口1000余人]\n'
        + '- subject: city:beta\n  metric: floorArea\n  value: 5\n  unit: km\n  citations: [贝塔市面积5]\n',
    }));
    expect(issues).toEqual([
      expect.objectContaining({ line: 1, record: '#0 (quantity:city:beta/residents)', field: 'metric', reason: expect.stringMatching(/^undeclared metric "residents"/) }),
      expect.objectContaining({ line: 6, record: '#1 (quantity:city:beta/floorArea)', field: 'unit', reason: expect.stringMatching(/"km" does not fit metric "floorArea": a DISTANCE unit/) }),
    ]);
    expect(issues[0]!.file).toMatch(/fixture\/quantities\.yaml$/);
  });

  it('keeps vagueness: an AT_LEAST value stays a lower bound', () => {
    const data = loadSeedFolders(writeSeedFixture());
    expect(data.quantities[0]!.props).toMatchObject({ value: 1000, unit: 'person', qualifier: 'AT_LEAST' });
  });
});

describe('the same fact from several sources', () => {
  const second = (entities: string, relationships = '') => {
    const dir = writeSeedFixture();
    const folder = path.join(dir, 'second');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'source.yaml'), `id: second-source\ntitle: 第二来源\npublisher: Other Daily\npublishedAt: 2025-02-02\n${FIXTURE_TERMS}`);
    fs.writeFileSync(path.join(folder, 'entities.yaml'), entities);
    fs.writeFileSync(path.join(folder, 'relationships.yaml'), relationships);
    return dir;
  };

  it('merges an entity defined in two source folders: aliases united, both citations kept', () => {
    const data = loadSeedFolders(second(
      '- id: province:alpha\n  kind: Province\n  name: Alpha\n  aliases: [Alfa]\n  properties: { capital: Beta }\n  citations: [阿尔法省（又称Alfa）]\n',
      '- id: part-of:beta--alpha\n  type: PART_OF\n  from: city:beta\n  to: province:alpha\n  citations: [第二来源说贝塔属于阿尔法]\n',
    ));
    const alpha = data.entities.find((e) => e.id === 'province:alpha')!;
    expect(alpha.props.aliases).toEqual(['阿尔法', 'Alfa']);
    expect(alpha.props.capital).toBe('Beta');
    expect(alpha.props.searchText).toContain('|alfa|');
    expect(data.entities.filter((e) => e.id === 'province:alpha')).toHaveLength(1);
    const cited = (id: string) => data.citations.filter((c) => c.subjectId === id).map((c) => c.sourceId).sort();
    expect(cited('province:alpha')).toEqual(['fixture-source', 'second-source']);
    expect(cited('part-of:beta--alpha')).toEqual(['fixture-source', 'second-source']);
  });

  it('refuses a second source that contradicts the first, naming both places', () => {
    const issues = issuesOf(second(
      '- id: province:alpha\n  kind: Province\n  name: Alpha\n  nameZh: 别的名字\n  citations: [阿尔法]\n',
      '- id: part-of:beta--alpha\n  type: PART_OF\n  from: province:alpha\n  to: city:beta\n  citations: [反了]\n',
    ));
    expect(issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      expect.stringMatching(/^nameZh: conflicts with .*fixture\/entities\.yaml:1: "阿尔法省" there, "别的名字" here$/),
      expect.stringMatching(/^from: conflicts with .*fixture\/relationships\.yaml:1/),
      expect.stringMatching(/^to: conflicts with/),
    ]);
  });
});
