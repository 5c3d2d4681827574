// Evidence strength (src/ingest/quality.ts evidenceIssues): a fact's quotes state it or only
// support it. Over the real seeds: every implied fact says so in a note, and every fact with a
// stating quote lists it first; the rule refuses a seed that breaks either.
import { describe, expect, it } from 'vitest';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { isImplied } from '../../src/ingest/quality.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { FIXTURE_ENTITIES, issuesOf, writeSeedFixture } from '../helpers/seed-fixtures.js';

const seeds = loadSeedFolders(SEEDS_DIR);
const ARTICLE = 'tibet-daily-2024-06-21-liaoning-nagqu';
const citesOf = (id: string) => seeds.citations.filter((c) => c.subjectId === id).sort((a, b) => a.position - b.position);
const facts = [...seeds.entities, ...seeds.relationships, ...seeds.quantities];

describe('evidence over the seeds', () => {
  it('gives every implied fact a note that says so, and every stated one its stating quote first', () => {
    for (const f of facts) {
      const cites = citesOf(f.id);
      if (!cites.some((c) => c.evidence === 'STATES')) expect(isImplied(f.props), `${f.id} is implied but its note does not say so`).toBe(true);
      else expect(cites[0]!.evidence, `${f.id}: the stating quote is not first`).toBe('STATES');
    }
  });

  it('marks the pairings the article never states as implied, and quotes the sentence that states the rest', () => {
    // The first article's edges (the programme sources' are the loader's, docs/programme-sources.md).
    const article = new Set(seeds.citations.filter((c) => c.sourceId === ARTICLE).map((c) => c.subjectId));
    const edges = seeds.relationships.filter((r) => (r.type === 'TWINNED_WITH' || r.type === 'SUPPORTS') && article.has(r.id));
    expect(edges).toHaveLength(57);
    const implied = edges.filter((r) => !citesOf(r.id).some((c) => c.evidence === 'STATES')).map((r) => r.id);
    expect(implied).toEqual(expect.arrayContaining(['twinning:dalian--sog', 'twinning:anshan--baqen', 'twinning:shenyang--amdo', 'support:dalian--sog-county-peoples-hospital']));
    expect(implied).toHaveLength(13);
    // The photo caption no longer leads anything; the sentence that credits the aid team does.
    expect(citesOf('support:dalian--sog-county-peoples-hospital')[0]!.quote).not.toContain('合影');
    expect(citesOf('support:liaoning-aid-tibet-team--nagqu-first-critical-care-department')[0]!.quote).toMatch(/^建成第一个重症医学科.*辽宁援藏工作队的大力托举$/);
    expect(citesOf('twinning:liaoning--nagqu')[0]!.quote).toContain('辽宁对口支援那曲');
  });
});

const rel = (citations: string, note = '') => `- id: support:alpha--beta
  type: SUPPORTS
  from: province:alpha
  to: city:beta
  properties: { mode: EDUCATION${note ? `, note: "${note}"` : ''} }
  citations:
${citations}
`;

describe('the evidence rule', () => {
  const run = (relationships: string) => issuesOf(writeSeedFixture({ entities: FIXTURE_ENTITIES, relationships }));
  const accepts = (relationships: string) => loadSeedFolders(writeSeedFixture({ entities: FIXTURE_ENTITIES, relationships }));

  it('refuses an implied fact without a note', () => {
    const issues = run(rel('    - { quote: 阿尔法省的老师来到贝塔市, evidence: IMPLIES }'));
    expect(issues).toEqual([expect.objectContaining({ record: expect.stringContaining('support:alpha--beta'), field: 'note', reason: expect.stringContaining('implied') })]);
  });

  it('accepts it with a note that says it is implied', () => {
    expect(accepts(rel('    - { quote: 阿尔法省的老师来到贝塔市, evidence: IMPLIES }', 'implied: teachers came, nobody says the province sent them')).citations.map((c) => c.evidence)).toContain('IMPLIES');
  });

  it('refuses a stating quote listed after one that only supports', () => {
    const issues = run(rel('    - { quote: 贝塔市的学校, evidence: IMPLIES }\n    - 阿尔法省教育支援贝塔市'));
    expect(issues).toEqual([expect.objectContaining({ field: 'citations.1', reason: expect.stringContaining('must come before') })]);
  });

  it('refuses a quote marked as stating an edge that names only one end', () => {
    const issues = run(rel('    - 阿尔法省教育支援贝塔市\n    - 阿尔法省的老师'));
    expect(issues).toEqual([expect.objectContaining({ field: 'citations.1', reason: expect.stringContaining('does not name city:beta') })]);
  });

  it('refuses a note that calls a fact implied while a quote is marked as stating it', () => {
    const issues = run(rel('    - 阿尔法省教育支援贝塔市', 'implied by the school visit'));
    expect(issues).toEqual([expect.objectContaining({ field: 'citations', reason: expect.stringContaining('calls it implied') })]);
  });
});
