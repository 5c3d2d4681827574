// The service tier over fake reads: the rules of places and venues, aid summaries, neighbourhoods
// and timelines, each checked on a small graph held in memory.
import { describe, expect, it } from 'vitest';
import { PlaceService } from '../../src/modules/places/places.service.js';
import { AidSummaryService, type AidScopes } from '../../src/modules/twinnings/aid-summary.service.js';
import { ExploreService, type Neighbourhoods } from '../../src/modules/explore/explore.service.js';
import type { SupportRecord } from '../../src/modules/twinnings/twinnings.mappers.js';
import { edge, entity, fakeReads, quantity } from '../helpers/fake-reads.js';

// Nagqu holds Sog County; Sog holds a township, its hospital (with a department) and a school where a
// meeting took place; a work team is PART_OF Nagqu as well.
const nagqu = entity('city:nagqu', 'CITY');
const sog = entity('county:sog', 'DISTRICT');
const township = entity('township:yarla', 'TOWNSHIP');
const hospital = entity('hospital:sog', 'HOSPITAL');
const department = entity('hospital:sog-paediatrics', 'HOSPITAL');
const school = entity('school:sog-middle', 'SCHOOL');
const meeting = entity('event:meeting', 'EVENT');
const team = entity('org:team', 'ORGANIZATION');
const graph = {
  entities: [nagqu, sog, township, hospital, department, school, meeting, team],
  edges: [
    edge('part-of:sog', 'PART_OF', sog.id, nagqu.id),
    edge('part-of:yarla', 'PART_OF', township.id, sog.id),
    edge('part-of:team', 'PART_OF', team.id, nagqu.id),
    edge('part-of:dept', 'PART_OF', department.id, hospital.id),
    edge('located-in:hospital', 'LOCATED_IN', hospital.id, sog.id),
    edge('located-in:school', 'LOCATED_IN', school.id, sog.id),
    edge('located-in:meeting', 'LOCATED_IN', meeting.id, school.id),
  ],
};

describe('places and venues', () => {
  const reads = fakeReads(graph);
  const places = new PlaceService(reads, reads);

  it('gives a place its parent and children among places only', async () => {
    expect((await places.parent(sog))?.id).toBe(nagqu.id);
    expect((await places.parent(nagqu))).toBeNull();
    // The work team is PART_OF Nagqu too, but it is not one of Nagqu's places.
    expect((await places.children(nagqu)).map((p) => p.id)).toEqual([sog.id]);
  });

  it('lists what a place hosts: everything inside it that is not a place', async () => {
    expect((await places.located(sog)).map((e) => e.id).sort()).toEqual([hospital.id, school.id]);
    expect((await places.located(nagqu)).map((e) => e.id)).toEqual([team.id]);
  });

  it('looks past a venue that is not a place', async () => {
    expect((await places.location(school))?.id).toBe(sog.id);
    expect(await places.location(meeting)).toBeNull();
  });

  it('knows a department by its hospital, and a hospital by its departments', async () => {
    expect((await places.parentHospital(department))?.id).toBe(hospital.id);
    expect(await places.parentHospital(hospital)).toBeNull();
    expect((await places.departments(hospital)).map((d) => d.id)).toEqual([department.id]);
    expect((await places.partOf(team))?.id).toBe(nagqu.id);
  });
});

describe('aid summaries', () => {
  const dalian = entity('city:dalian', 'CITY');
  const support = edge('support:dalian--sog', 'SUPPORTS', dalian.id, hospital.id, { mode: 'MEDICAL_TEAM', from: 2016 });
  const reads = fakeReads({
    entities: [...graph.entities, dalian],
    edges: [...graph.edges, support],
    quantities: [quantity(support.id, { value: 18_000_000, qualifier: 'AT_LEAST' }), quantity(support.id, { value: 2_000_000 })],
  });
  const asked: Array<[string | null, string | null]> = [];
  const scopes: AidScopes = {
    scope: async (supporter, recipient) => {
      asked.push([supporter, recipient]);
      return { supports: [support as SupportRecord], projects: [], people: [{ personId: 'person:a', servesId: dalian.id }] };
    },
  };
  const service = new AidSummaryService(reads, reads, scopes);

  it('answers null for an unknown end, without reading the scope', async () => {
    expect(await service.summary('city:nowhere', sog.id, 'MODE')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('adds up the scope and names entity groups by their entities', async () => {
    const s = await service.summary(dalian.id, null, 'SUPPORTER');
    expect(asked).toEqual([[dalian.id, null]]);
    expect(s?.supporter?.id).toBe(dalian.id);
    expect(s?.recipient).toBeNull();
    expect(s?.groups.map((g) => [g.key, g.label, g.supports, g.people])).toEqual([[dalian.id, 'dalian', 1, 1]]);
    expect(s?.overall.totals.map((t) => t.text)).toEqual(['≥ 20,000,000 CNY']);
  });

  it('groups by the year a support began', async () => {
    const s = await service.summary(dalian.id, null, 'YEAR');
    expect(s?.groups.map((g) => g.key)).toEqual(['2016']);
  });
});

describe('neighbourhoods and timelines', () => {
  const asked: unknown[] = [];
  const neighbourhoods: Neighbourhoods = {
    neighborhoodIds: async (id, depth, kinds, types, limit) => {
      asked.push({ id, depth, kinds, types, limit });
      return { ids: [id, township.id], total: 3, exact: true };
    },
    edgesAmong: async () => [graph.edges[1]!],
  };
  const around = fakeReads(graph);
  const explore = new ExploreService(around, around, neighbourhoods);

  it('answers null around an unknown entity and says when a neighbourhood is cut short', async () => {
    expect(await explore.neighborhood('county:nowhere', { depth: 1, kinds: null, types: null, limit: 1, asOf: null })).toBeNull();
    const sub = await explore.neighborhood(sog.id, { depth: 2, kinds: ['TOWNSHIP'], types: null, limit: 1, asOf: null });
    expect(asked).toEqual([{ id: sog.id, depth: 2, kinds: ['TOWNSHIP'], types: null, limit: 1 }]);
    expect(sub).toMatchObject({ nodeIds: [sog.id, township.id], totalNodes: 3, totalNodesExact: true, truncated: true });
  });

  it('puts dated facts in order and keeps the first n', async () => {
    const dated = fakeReads({
      entities: [sog, entity('project:clinic', 'PROJECT', { openedOn: '2019-06' }), entity('city:dalian', 'CITY')],
      edges: [
        edge('benefit:clinic', 'BENEFITS', 'project:clinic', sog.id),
        edge('support:dalian--sog', 'SUPPORTS', 'city:dalian', sog.id, { mode: 'EDUCATION', from: 2016, until: 2020 }),
        // Only the article's date: reported then, not begun then.
        edge('support:dalian--sog-jobs', 'SUPPORTS', 'city:dalian', sog.id, { mode: 'EMPLOYMENT', asOf: '2024-06-21' }),
      ],
    });
    const timeline = await new ExploreService(dated, dated, neighbourhoods).timeline(sog.id, 10);
    expect(timeline?.map((t) => [t.date, t.until, t.dating])).toEqual([['2016', '2020', 'EVENT'], ['2019-06', null, 'EVENT'], ['2024-06-21', null, 'REPORTED']]);
    expect(timeline?.[1]?.property).toBe('openedOn');
    expect(timeline?.[2]?.what).toBe('reported on 2024-06-21: sog is supported by dalian (EMPLOYMENT)');
    expect(timeline?.[0]?.what).toBe('sog is supported by dalian (EDUCATION)');
    expect(await new ExploreService(dated, dated, neighbourhoods).timeline(sog.id, 1)).toHaveLength(1);
    expect(await explore.timeline('county:nowhere', 10)).toBeNull();
  });
});
