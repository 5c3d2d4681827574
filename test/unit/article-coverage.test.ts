// The article-coverage check can fail: it matches whole names only, and removing any entity the
// article names makes it report that name.
import { describe, expect, it } from 'vitest';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import type { Dataset } from '../../src/ingest/dataset.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { missingNames, NAMED_IN_ARTICLE } from '../helpers/article-coverage.js';

const namesOf = (entities: Dataset['entities']) =>
  entities.flatMap((e) => [e.props.name as string, e.props.nameZh as string | null, ...(e.props.aliases as string[])]);

describe('article coverage', () => {
  const seeds = loadSeedFolders(SEEDS_DIR);

  it('finds every name of the list in the seeds', () => {
    expect(missingNames(NAMED_IN_ARTICLE, namesOf(seeds.entities))).toEqual([]);
  });

  it('does not count a name found only inside a longer name', () => {
    expect(missingNames(['新疆', '盘锦'], ['2019年“民族团结一家亲·我与祖国共奋进”辽宁·新疆·西藏青少年手拉手夏令营', '盘锦市卫健委'])).toEqual(['新疆', '盘锦']);
    expect(missingNames(['盘锦'], ['盘锦市', '盘锦'])).toEqual([]);
  });

  it('reports each name of the list once the entity holding it is removed', () => {
    for (const name of NAMED_IN_ARTICLE) {
      const holders = seeds.entities.filter((e) => missingNames([name], namesOf([e])).length === 0);
      expect(holders.length, name).toBeGreaterThan(0);
      const rest = seeds.entities.filter((e) => !holders.includes(e));
      expect(missingNames(NAMED_IN_ARTICLE, namesOf(rest)), `without ${holders.map((h) => h.id).join(', ')}`).toContain(name);
    }
  });
});
