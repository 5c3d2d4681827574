// The seed folders are the dataset: an edit is an update, a deletion a removal, in one transaction.
import { TEST_GAZETTEER_PLACES } from '../helpers/gazetteer-slice.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../../src/ingest/seed.js';
import { countAll, startTestApi, type TestApi } from '../helpers/api.js';
import { writeSyntheticSeeds } from '../helpers/synthetic.js';
import { statement } from '../../src/db/statement.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi({ seed: false }); });
afterAll(async () => { await api?.close(); });

describe('loading an edited dataset', () => {
  it('creates, then updates what changed, then removes what the folders no longer hold', async () => {
    const first = await seedGraph(api.graph, writeSyntheticSeeds(3));
    expect(first.entities).toEqual({ created: 2 + 3 * 6, updated: 0, unchanged: 0, removed: 0 });

    const edited = writeSyntheticSeeds(3);
    const file = path.join(edited, 'synthetic', 'entities.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: "Supporter 000"', 'name: "Supporter Zero"'));
    const second = await seedGraph(api.graph, edited);
    expect(second.entities).toEqual({ created: 0, updated: 1, unchanged: 2 + 3 * 6 - 1, removed: 0 });
    const renamed = await api.gql('{ entity(id: "city:s000") { name } }');
    expect(renamed.data.entity.name).toBe('Supporter Zero');

    const smaller = await seedGraph(api.graph, writeSyntheticSeeds(2));
    expect(smaller.entities.removed).toBe(6);
    expect(smaller.relationships.removed).toBe(10);
    expect(smaller.quantities.removed).toBe(2);
    expect(smaller.citations.removed).toBeGreaterThan(0);
    expect((await api.gql('{ entity(id: "city:s002") { id } }')).data.entity).toBeNull();
    // What the seeds hold now, beside the run's gazetteer slice, which the prune leaves alone.
    const stats = (await api.gql('{ stats { entities relationships quantities } }')).data.stats;
    const [slice] = await api.graph.read<{ places: number; partOf: number }>(statement(`// test.slice
      CALL { MATCH (p:Place) WHERE NOT p:Seeded RETURN count(p) AS places }
      CALL { MATCH ()-[r:PART_OF]->() WHERE r.contentHash IS NULL RETURN count(r) AS partOf }
      RETURN places, partOf`));
    expect(slice!.places).toBe(TEST_GAZETTEER_PLACES);
    expect(stats).toEqual({ entities: 2 + 2 * 6 + slice!.places, relationships: 2 * 10 + slice!.partOf, quantities: 2 * 2 });
  });

  it('moves an edge whose ends changed, counting it as updated', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    const moved = writeSyntheticSeeds(3);
    const file = path.join(moved, 'synthetic', 'relationships.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('to: "school:r000", citations: ["Project 000 for School 000"]', 'to: "school:r001", citations: ["Project 000 for School 001"]'));
    const report = await seedGraph(api.graph, moved);
    expect(report.relationships).toMatchObject({ created: 0, updated: 1, removed: 0 });
    const res = await api.gql('{ node(id: "benefit:p000") { ... on Relationship { to { id } } } }');
    expect(res.data.node.to.id).toBe('school:r001');
  });

  it('keeps what the folders no longer hold when asked to', async () => {
    await seedGraph(api.graph, writeSyntheticSeeds(3));
    const before = await countAll(api.graph);
    const report = await seedGraph(api.graph, writeSyntheticSeeds(1), { prune: false });
    expect(report.entities.removed).toBe(0);
    expect(await countAll(api.graph)).toEqual(before);
  });
});
