// `source add` on the first article, compared with the folder a person made from the same text:
// the recall goals of issue 16 are computed here, every run, from the two folders.
import { describe, expect, it } from 'vitest';
import { compareFolders, formatComparison, RECALL_GOALS } from '../../src/ingest/draft/compare.js';
import { applyDecisions, draftItems } from '../../src/ingest/draft/review.js';
import { findFigures } from '../../src/ingest/draft/figures.js';
import { PlaceIndex } from '../../src/ingest/draft/places.js';
import { sentencesOf } from '../../src/ingest/draft/text.js';
import { chineseNumber } from '../../src/domain/chinese-numbers.js';
import { readRecords } from '../../src/ingest/draft/folder.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SeedValidationError } from '../../src/ingest/dataset.js';
import { ARTICLE_FOLDER, draftArticle, seedsDirWith } from '../helpers/source-draft.js';

describe('source add on the first article, knowing no seeds', () => {
  // Blind: nothing of the hand-made folder is known to the draft, so it cannot copy its answers.
  const blind = draftArticle('tibet-daily-blind-draft', false);
  const comparison = compareFolders(blind.folder, ARTICLE_FOLDER);

  it('reaches the recall goals per kind, and prints the table the README shows', () => {
    console.log(formatComparison(comparison));
    for (const [kind, goal] of Object.entries(RECALL_GOALS)) {
      expect(comparison.kinds[kind as keyof typeof comparison.kinds].recall, kind).toBeGreaterThanOrEqual(goal!);
    }
  });

  it('quotes every candidate verbatim from the text', () => {
    expect(comparison.quotes.total).toBeGreaterThan(100);
    expect(comparison.quotes.notVerbatim).toEqual([]);
  });

  it('marks every record a draft, which a load refuses and a check (drafts included) accepts', () => {
    const items = draftItems(blind.folder);
    const records = (['entities', 'relationships', 'quantities'] as const).flatMap((f) => readRecords(blind.folder, f));
    expect(items.length).toBe(records.length);
    const dir = seedsDirWith(blind.folder);
    expect(loadSeedFolders(dir, undefined, { includeDrafts: true }).drafts.length).toBe(records.length);
    let refused: unknown;
    try { loadSeedFolders(dir); } catch (err) { refused = err; }
    expect(refused).toBeInstanceOf(SeedValidationError);
    expect((refused as SeedValidationError).issues).toEqual([
      expect.objectContaining({ field: 'status', reason: expect.stringMatching(/drafts nobody has confirmed.*source -- review/) }),
    ]);
  });

  it('scores an empty draft at zero: the comparison measures, it does not assume', () => {
    const empty = seedsDirWith(blind.folder);
    const folder = `${empty}/${blind.folder.split('/').pop()}`;
    applyDecisions(folder, new Map(draftItems(folder).map((i) => [i.record.id as string, { action: 'drop' as const }])));
    const none = compareFolders(folder, ARTICLE_FOLDER);
    expect(none.kinds.places.recall).toBe(0);
    expect(none.kinds.quantities.recall).toBe(0);
  });
});

describe('source add knowing the seeds', () => {
  it('resolves names to the seeded ids and passes seed --check beside the seed folders', () => {
    const draft = draftArticle('tibet-daily-second-reading', true);
    const entities = readRecords(draft.folder, 'entities');
    expect(entities.find((e) => e.code === '540624')?.id).toBe('county:amdo');
    expect(entities.find((e) => e.nameZh === '那曲市人民医院')?.id).toBe('hospital:nagqu-peoples-hospital');
    const data = loadSeedFolders(seedsDirWith(...[ARTICLE_FOLDER, draft.folder]), undefined, { includeDrafts: true });
    expect(data.sources.map((s) => s.id)).toContain('tibet-daily-second-reading');
  });
});

describe('review', () => {
  it('confirms, drops with what depends on it, and leaves the rest drafts', () => {
    const draft = draftArticle('tibet-daily-review', false);
    const place = readRecords(draft.folder, 'entities').find((e) => e.code === '540626')!; // 索县
    const dependents = [...readRecords(draft.folder, 'relationships').filter((r) => r.from === place.id || r.to === place.id)];
    expect(dependents.length).toBeGreaterThan(0);
    const liaoning = readRecords(draft.folder, 'entities').find((e) => e.code === '21')!;
    const before = draftItems(draft.folder).length;
    const result = applyDecisions(draft.folder, new Map([
      [liaoning.id, { action: 'edit', set: { name: 'Liaoning' } }], [place.id, { action: 'drop' }],
    ]));
    expect(result.confirmed).toBe(1);
    const after = readRecords(draft.folder, 'entities');
    expect(after.find((e) => e.id === liaoning.id)).toMatchObject({ name: 'Liaoning' });
    expect(after.find((e) => e.id === liaoning.id)).not.toHaveProperty('status');
    expect(after.some((e) => e.id === place.id)).toBe(false);
    const rels = readRecords(draft.folder, 'relationships').map((r) => r.id);
    for (const d of dependents) expect(rels).not.toContain(d.id);
    expect(result.left).toBeLessThan(before - 1);
  });
});

describe('the rules, on text they were not written for', () => {
  const index = new PlaceIndex(gazetteerEdition());

  it('takes a short form only beside a place above or below it, and lists homonyms', () => {
    const none = index.find('为推动当地长治久安和交流合作贡献力量');
    expect(none).toEqual([]); // 长治 (Shanxi) and 合作 (Gansu) are words here
    const found = index.find('山西省长治市援建的学校;长治的老师们来到了襄垣');
    expect(found.map((m) => m.code)).toEqual(['14', '1404', '1404', '140423']);
    const homonym = index.find('朝阳区的一所学校')[0]!;
    expect(homonym.options.length).toBeGreaterThan(0);
    expect(homonym.confidence).toBeLessThan(0.95);
  });

  it('reads figures with their hedges, units, multipliers and years', () => {
    const text = '2022年,甲市共捐资1800余万元,超4亿元,近1600平方米,约三千人,比2020年下降了12.5%';
    const figures = findFigures(text, sentencesOf(text), 2024);
    expect(figures.map((f) => [f.value, f.unit, f.qualifier, f.year ?? null])).toEqual([
      [18_000_000, 'CNY', 'AT_LEAST', 2022], [400_000_000, 'CNY', 'MORE_THAN', 2022], [1600, 'm2', 'APPROXIMATELY', 2022],
      [3000, 'person', 'APPROXIMATELY', 2022], [-12.5, 'percent', 'EXACT', 2022],
    ]);
    expect(figures[4]).toMatchObject({ measure: 'CHANGE', baselineYear: 2020 });
    expect(chineseNumber('二十三')).toBe(23);
    expect(chineseNumber('六一')).toBeUndefined();
  });
});

it('the seeds folder itself holds no drafts', () => {
  expect(loadSeedFolders(SEEDS_DIR, undefined, { includeDrafts: true }).drafts).toEqual([]);
});
