// A draft folder beside the seeds changes nothing users see until a person confirms it: the load
// refuses it and leaves the graph as it was; asked to include drafts on purpose, it loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, seedGraph } from '../../src/ingest/seed.js';
import { SeedValidationError } from '../../src/ingest/dataset.js';
import { readRecords } from '../../src/ingest/draft/folder.js';
import { applyDecisions, draftItems } from '../../src/ingest/draft/review.js';
import { countAll, startTestApi, type TestApi } from '../helpers/api.js';
import { ARTICLE_FOLDER, draftArticle, seedsDirWith } from '../helpers/source-draft.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const VIEW = `query($id: ID!) { stats { entities citations } sources { id } entity(id: $id) { id name } search(text: "那曲市干部人才", first: 5) { id } }`;

describe('a draft folder in a load', () => {
  const draft = draftArticle('tibet-daily-draft-in-load', true);
  // A candidate only the draft proposes: the seeds hold no such entity.
  const newcomer = readRecords(draft.folder, 'entities').find((e) => e.nameZh === '那曲市干部人才');

  const view = () => api.gql(VIEW, { id: newcomer!.id });

  it('is refused, and the API shows nothing new', async () => {
    expect(newcomer).toBeDefined();
    const before = await view();
    const graphBefore = await countAll(api.graph);
    const err = await seedGraph(api.graph, seedsDirWith(ARTICLE_FOLDER, draft.folder)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    expect((err as Error).message).toMatch(/drafts nobody has confirmed/);
    expect(await view()).toEqual(before);
    expect(before.data.sources.map((s: { id: string }) => s.id)).not.toContain('tibet-daily-draft-in-load');
    expect(before.data.entity).toBeNull();
    expect(before.data.search.map((e: { id: string }) => e.id)).not.toContain(newcomer!.id);
    expect(await countAll(api.graph)).toEqual(graphBefore);
  });

  it('loads when drafts are asked for, so the refusal above is the rule at work', async () => {
    await seedGraph(api.graph, seedsDirWith(ARTICLE_FOLDER, draft.folder), { includeDrafts: true });
    const after = await view();
    expect(after.data.sources.map((s: { id: string }) => s.id)).toContain('tibet-daily-draft-in-load');
    expect(after.data.entity).toMatchObject({ id: newcomer!.id });
  });

  it('loads without asking once every draft is confirmed or dropped', async () => {
    const folder = seedsDirWith(draft.folder);
    const mine = `${folder}/tibet-daily-draft-in-load`;
    applyDecisions(mine, new Map(draftItems(mine).map((i) => [i.record.id as string, { action: 'confirm' as const }])));
    expect(draftItems(mine)).toEqual([]);
    const dir = seedsDirWith(ARTICLE_FOLDER, mine);
    await seedGraph(api.graph, dir);
    expect((await view()).data.entity).toMatchObject({ id: newcomer!.id });
    // Back to the seeds alone: the confirmed folder's records go with it.
    await seedGraph(api.graph, SEEDS_DIR);
    expect((await view()).data.entity).toBeNull();
  });
});
