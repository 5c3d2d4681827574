// Issue 28's checklist: every fact of the fourteen programme texts that states a place, an
// institution, a person, a pairing or a figure (each text's gold annotation, test/fixtures/programme/)
// is in the graph loaded from the seeds, cited by a quote of that text, asked through the API. A
// missing fact fails the test by name; the last two tests show the check fails when a fact is
// missing (a gold copy with invented facts, and the graph's facts with one record taken away).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeCases, type DevCase, type Gold } from '../../src/ingest/draft/score.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { missingFacts, readCitedFacts, resolveSubjects, type CitedFact } from '../helpers/programme-checklist.js';

let api: TestApi;
const cases = programmeCases();
const sourceIdOf = (c: DevCase) => c.id.replace(/^\d+-/u, '');
const facts = new Map<string, CitedFact[]>();
let subjects: Map<string, string | null>;

beforeAll(async () => {
  api = await startTestApi();
  for (const c of cases) facts.set(c.id, await readCitedFacts(api.gql, sourceIdOf(c)));
  subjects = await resolveSubjects(api.gql, cases.flatMap((c) => c.gold.figures.flatMap((f) => (f.subject ? [f.subject] : []))));
}, 300_000);
afterAll(async () => { await api?.close(); });

describe('every gold fact of the fourteen programme texts is in the graph, cited by its text', () => {
  it('walks all fourteen texts', () => {
    expect(cases).toHaveLength(14);
    // Each text's gold holds facts to check, and the graph cites the text for something.
    for (const c of cases) expect(facts.get(c.id)!.length, c.id).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(missingFacts(c.gold, facts.get(c.id)!, c.text, subjects)).toEqual([]);
  });

  it('fails naming each fact of a gold copy the texts never stated', async () => {
    const c = cases.find((x) => x.id.startsWith('15-'))!;
    const invented: Gold = {
      ...c.gold,
      places: [...c.gold.places, { code: '632725', name: '囊谦县', surface: ['囊谦'] }, { code: '540102', name: '城关区', surface: ['城关区'] }],
      institutions: [...c.gold.institutions, { name: '玉树州第九十九中学', kind: 'School' }],
      people: [...c.gold.people, { name: '张三' }],
      pairings: [...c.gold.pairings, { supporter: '31', recipient: '632725', type: 'TWINNED_WITH', quote: '西城区——囊谦县' }],
      figures: [
        ...c.gold.figures,
        { value: 416601, unit: 'person', qualifier: 'EXACT', quote: '总人口41.66万', subject: 'place:6327', metric: 'population' },
        { value: 416600, unit: 'person', qualifier: 'APPROXIMATELY', quote: '总人口41.66万', subject: 'place:6327', metric: 'population' },
        { value: 416600, unit: 'person', qualifier: 'EXACT', quote: '总人口41.66万', subject: 'place:632701', metric: 'population' },
        { value: 416600, unit: 'person', qualifier: 'EXACT', quote: '总人口41.66万', subject: 'place:6327', metric: 'partyMembers' },
        { value: 6860, unit: 'm', qualifier: 'EXACT', quote: '布喀达板峰海拔6860米', subject: 'place:6327', metric: 'highestAltitude', detail: '珠峰' },
      ],
    };
    const more = await resolveSubjects(api.gql, ['place:632701']);
    const missing = missingFacts(invented, facts.get(c.id)!, c.text, new Map([...subjects, ...more]));
    expect(missing).toEqual([
      'place 城关区 (540102), written 城关区',
      'institution 玉树州第九十九中学',
      'person 张三',
      'pairing 31 → 632725 (TWINNED_WITH) «西城区——囊谦县»',
      'figure 416601 person EXACT «总人口41.66万», population of place:6327',
      expect.stringMatching(/^figure 416600 person APPROXIMATELY «总人口41\.66万», population of place:6327: the graph cites it as population of \S+, EXACT$/u),
      expect.stringMatching(/^figure 416600 person EXACT «总人口41\.66万», population of place:632701: the graph cites it as population of \S+, EXACT$/u),
      expect.stringMatching(/^figure 416600 person EXACT «总人口41\.66万», partyMembers of place:6327: the graph cites it as population/u),
      expect.stringMatching(/^figure 6860 m EXACT «布喀达板峰海拔6860米», highestAltitude of place:6327: the graph cites it as highestAltitude of \S+, EXACT \(布喀达板峰\)$/u),
    ]);
  });

  it('fails naming the fact when the graph lacks one record, or cites it by a quote not in the text', () => {
    const c = cases.find((x) => x.id.startsWith('15-'))!;
    const all = facts.get(c.id)!;
    const without = (drop: (f: CitedFact) => boolean) => missingFacts(c.gold, all.filter((f) => !drop(f)), c.text, subjects);
    // The twinning 密云区 → 玉树市, every claim for it.
    expect(without((f) => f.fact === 'pairing' && f.from.code === '110118' && f.to.code === '632701')).toEqual([
      expect.stringMatching(/^pairing 110118 → 632701 \(TWINNED_WITH\)/u),
    ]);
    // The population figure.
    expect(without((f) => f.fact === 'quantity' && f.metric === 'population')).toEqual([
      'figure 416600 person EXACT «总人口41.66万», population of place:6327',
    ]);
    // A quote that is not the text's is no citation.
    const garbled = all.map((f) => (f.fact === 'quantity' && f.metric === 'landArea' ? { ...f, quote: `${f.quote}(改)` } : f));
    expect(missingFacts(c.gold, garbled, c.text, subjects)).toEqual([
      expect.stringMatching(/^figure 267000000000 m2 EXACT «州境总面积26\.7万平方公里», landArea/u),
      expect.stringMatching(/^figure 64000000000 m2 EXACT «唐古拉山乡6\.4万平方公里», landArea/u),
    ]);
  });

  it('fails naming a person or an institution the graph lacks', () => {
    const c = cases.find((x) => x.id.startsWith('07-'))!;
    const all = facts.get(c.id)!;
    const dropName = (name: string) => missingFacts(c.gold, all.filter((f) => !(f.fact === 'entity' && f.names.includes(name))), c.text, subjects);
    expect(dropName('韩俊杰')).toEqual(['person 韩俊杰']);
    expect(dropName('南京市第六批援藏干部')).toEqual(['institution 南京市第六批援藏干部']);
  });
});
