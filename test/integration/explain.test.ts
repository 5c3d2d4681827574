// Every statement the API runs for its root fields, EXPLAINed against the real Neo4j: none may scan
// the Entity label (or a kind's, or Place's), all nodes, or a whole relationship type. The only
// exceptions are the statements named "(all)": they answer "every pairing/support", which is a
// read of the whole type by definition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/http/listen.js';
import { KIND_LABEL, PLACE_LABEL, SEEDED_LABEL } from '../../src/domain/vocabulary.js';
import { collectInside } from '../../src/modules/places/inside.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { RecordingGraph, type Ran } from '../helpers/recording-graph.js';
import { CITED_LABEL } from '../../src/domain/cited.js';
import { DATA_STAMP_LABEL } from '../../src/db/data-stamp.js';

// Cited is on every entity the API may show: a scan of it is a scan of the entities. Seeded holds
// everything the sources describe, which grows with them: a scan of it is one too.
const ENTITY_LABELS = new Set(['Entity', PLACE_LABEL, CITED_LABEL, SEEDED_LABEL, ...Object.values(KIND_LABEL)]);
// The data stamp is one node, but a statement that reads it first reads it by its constraint's index.
const SCANNED_LABELS = new Set([...ENTITY_LABELS, DATA_STAMP_LABEL]);

interface PlanNode { operatorType: string; arguments: Record<string, unknown>; children: PlanNode[] }
function scans(plan: PlanNode): string[] {
  const own: string[] = [];
  const op = plan.operatorType.replace(/@.*$/, '');
  const details = String(plan.arguments.Details ?? plan.arguments.details ?? '');
  if (op === 'AllNodesScan') own.push(`${op} ${details}`);
  if (/RelationshipTypeScan|AllRelationshipsScan/.test(op)) own.push(`${op} ${details}`);
  if (op === 'NodeByLabelScan' || op === 'NodeIndexScan' || op === 'UnionNodeByLabelsScan' || op === 'IntersectionNodeByLabelsScan') {
    const labels = [...details.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    if (labels.some((l) => SCANNED_LABELS.has(l))) own.push(`${op} ${details}`);
  }
  return [...own, ...plan.children.flatMap(scans)];
}

let api: TestApi;
let server: RunningServer;
const ran: Ran[] = [];
beforeAll(async () => {
  api = await startTestApi();
  // No load shedding: on a busy machine a shed request would fail the check, not a scan.
  server = await listen(new RecordingGraph(api.graph, ran), { port: 0, rateLimitPerMinute: 0, shedLagMs: 0 });
});
afterAll(async () => { await server?.stop(); await api?.close(); });

const OPERATIONS = [
  '{ search(text: "那曲") { id } }',
  '{ search(text: "naqu", kinds: [CITY, DISTRICT]) { id } }',
  '{ search(text: "540624") { id } }',
  '{ search(text: "巴青县 中学") { id } }',
  // More prefixes than one seek reads: the exact keys get a seek of their own.
  '{ search(text: "x", first: 3) { id } }',
  '{ entity(id: "county:amdo") { id sources { quote } quantities { id } ... on Place { ancestors { id } parent { id } children { id } twinnedBy { id supports { id } projects { id } people { id } } } } }',
  // One part of what runs under a twinning: the statement that reads that part alone.
  '{ entity(id: "county:sog") { ... on Place { twinnedBy { supports { id } } } } }',
  '{ entity(id: "county:sog") { ... on Place { twinnedBy { projects { id } } } } }',
  '{ place(code: "540624102") { id sources { quote } } node(id: "place:5406") { id } nodes(ids: ["part-of:540624", "county:sog"]) { id } }',
  '{ place(code: "5406") { id ... on Place { parent { id } children { id children { id } } } } }',
  '{ nodes(ids: ["county:amdo", "place:540624102"]) { ... on Place { parent { id } children { id } } } }',
  // Edge fields of one kind, read level by level (nodes does not read ahead), and quoted sources.
  '{ nodes(ids: ["county:amdo", "city:nagqu"]) { ... on Place { twinnedBy { id sources { source { id } } } located { id } supportsReceived { id } } } }',
  '{ entity(id: "city:nagqu") { sources { source { title } } ... on Place { twinnedBy { sources { quote source { id } } } } } }',
  '{ neighborhood(id: "city:nagqu", depth: 2, limit: 100) { nodes { id } edges { id } } }',
  '{ neighborhood(id: "province:tibet", depth: 3, limit: 500) { totalNodes } }',
  '{ connections(from: "county:amdo", to: "city:shenyang", maxHops: 4) { length } }',
  '{ twinnings(filter: { recipient: "province:tibet", includeDescendants: true }) { totalCount } }',
  '{ twinnings(filter: { supporter: "province:liaoning", includeDescendants: true }) { totalCount } }',
  '{ twinnings(filter: { supporter: "city:dalian", recipient: "county:sog" }) { totalCount } }',
  '{ supports(filter: { recipient: "city:nagqu", includeDescendants: true }) { totalCount } }',
  '{ supports(filter: { supporter: "province:liaoning", includeDescendants: true }) { totalCount } }',
  '{ supports(filter: { mode: [MEDICAL_TEAM, EDUCATION_TEAM] }) { totalCount } }',
  '{ aidSummary(supporter: "province:liaoning", recipient: "city:nagqu") { overall { supports } } }',
  '{ aidSummary(supporter: "province:liaoning") { overall { supports } } }',
  '{ timeline(id: "county:amdo") { date } }',
  '{ programmes { id twinnings(asOf: 2020) { id programmeOf { id } } supporters { supporter { id } quantities { id disagreesWith { id } } } } }',
  '{ programme(id: "programme:aid-tibet") { twinnings { id } } }',
  // A page and the count are read as such, from the seek on twinning_programme.
  '{ programme(id: "programme:aid-tibet") { twinnings(first: 20, asOf: 2020) { id } twinningCount } }',
  '{ twinnings(filter: { programme: "programme:aid-tibet" }) { totalCount } }',
  '{ supports(filter: { programme: "programme:aid-tibet" }) { totalCount } }',
  '{ supports(filter: { programme: "对口援藏", supporter: "place:21", includeDescendants: true }) { totalCount } }',
  '{ twinnings(filter: { supporter: "place:21", programme: "对口援藏", activeYear: 2020 }) { totalCount } }',
  '{ neighborhood(id: "city:nagqu", depth: 2, asOf: 2010) { nodes { id } edges { id } } }',
  '{ connections(from: "county:amdo", to: "city:shenyang", maxHops: 4, asOf: 2020) { length since until } }',
  '{ aidSummary(supporter: "place:21", recipient: "city:nagqu", asOf: 2020) { overall { supports } } }',
  '{ entity(id: "province:liaoning") { relationships(asOf: 2020) { id } } }',
  '{ stats { entities } }',
  '{ sources { id claims(first: 5) { totalCount } } }',
];

describe('hot statements start from an index seek', () => {
  it('runs every root field without scanning entities or a whole relationship type', async () => {
    for (const query of OPERATIONS) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: unknown[] };
      expect([query, body.errors]).toEqual([query, undefined]);
    }
    const distinct = new Map<string, Ran>();
    for (const r of ran) if (!distinct.has(r.cypher)) distinct.set(r.cypher, r);
    expect(distinct.size).toBeGreaterThan(15);
    const names = new Set(ran.map((r) => r.name));
    expect(names).toContain('search.by-name (many prefixes)');
    expect(names).toContain('programmes.list');
    expect(names).toContain('programmes.twinnings');
    expect(names).toContain('programmes.twinnings (page)');
    expect(names).toContain('twinnings.page (by programme)');
    expect(names).toContain('supports.page (by programme)');
    // What the service reads between requests so ETags follow a load by another process.
    expect(names).toContain('data.stamp.read');
    // Inside an anchor, from the ids kept for it (modules/places/inside-cache.ts) or read then: the
    // stamp by a seek on its constraint, then a seek on each id.
    const insidePages = ran.filter((r) => /^(twinnings|supports)\.page \(by (recipient|supporter)\)$/.test(r.name) && r.cypher.includes('sideIds'));
    expect(new Set(insidePages.map((r) => r.name))).toEqual(new Set(['twinnings.page (by recipient)', 'twinnings.page (by supporter)', 'supports.page (by recipient)', 'supports.page (by supporter)']));
    // Under twinnings and in aidSummary, batched over anchors: each anchor's side from its kept list
    // or read then, each kept id a seek.
    const keptEach = new Set(ran.filter((r) => r.cypher.includes('$keptIds[key]')).map((r) => r.name));
    expect([...keptEach]).toEqual(expect.arrayContaining(['twinnings.aid-scope (by recipient)', 'twinnings.aid-scope (by supporter)', 'twinnings.people-inside']));
    expect([...keptEach]).toEqual(expect.arrayContaining(['twinnings.aid-scope.supports (by recipient)', 'twinnings.aid-scope.projects (by recipient)']));
    // The read-ahead from a plain id, and from an id that may be a code.
    expect(new Set(ran.filter((r) => r.name === 'entities.read-ahead').map((r) => r.cypher.includes('{code: $code}'))).size).toBe(2);
    // The batch read by id, alone and with the seek by code that ids of the form place:<code> need.
    expect(new Set(ran.filter((r) => r.name === 'entities.by-id').map((r) => r.cypher.includes('e.code IN $codes'))).size).toBe(2);
    const offenders: string[] = [];
    const session = api.graph.driver.session();
    try {
      for (const r of distinct.values()) {
        const result = await session.run(`EXPLAIN ${r.cypher}`, r.params);
        const found = scans(result.summary.plan as unknown as PlanNode);
        if (found.length && !r.name.endsWith('(all)')) offenders.push(`${r.name}: ${found.join('; ')}`);
      }
    } finally {
      await session.close();
    }
    console.log(`[explain] ${distinct.size} distinct statements checked: ${[...new Set([...distinct.values()].map((r) => r.name))].join(', ')}`);
    expect(offenders).toEqual([]);
  }, 180_000); // forty operations, each planned afresh, and as many EXPLAINs: minutes on a busy machine

  it('finds what is inside a place from a seek on the described places\' codes', async () => {
    const session = api.graph.driver.session();
    try {
      const result = await session.run(`EXPLAIN ${collectInside('$id', 'side')} RETURN size(side) AS n`, { id: 'province:tibet' });
      const plan = result.summary.plan as unknown as PlanNode;
      const ops = (n: PlanNode): string[] => [`${n.operatorType} ${String(n.arguments.Details ?? '')}`, ...n.children.flatMap(ops)];
      // The prefix seek on seeded_code (RANGE INDEX …:Seeded(code) WHERE code STARTS WITH …).
      expect(ops(plan).filter((o) => o.includes('Seeded'))).toEqual(expect.arrayContaining([expect.stringMatching(/^NodeIndexSeek\w*@?\S* .*:Seeded\(code\)/)]));
      expect(scans(plan)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('catches a scan when a statement has one', async () => {
    const session = api.graph.driver.session();
    try {
      const result = await session.run('EXPLAIN MATCH (e:Entity) WHERE e.name CONTAINS $x RETURN e', { x: 'a' });
      expect(scans(result.summary.plan as unknown as PlanNode).join()).toMatch(/NodeByLabelScan/);
      const rel = await session.run('EXPLAIN MATCH (:Entity)-[r:SUPPORTS]->(:Entity) RETURN r');
      expect(scans(rel.summary.plan as unknown as PlanNode).join()).toMatch(/RelationshipTypeScan|NodeByLabelScan/);
      const stamp = await session.run(`EXPLAIN MATCH (s:${DATA_STAMP_LABEL}) WHERE s.value = $v RETURN s`, { v: 'x' });
      expect(scans(stamp.summary.plan as unknown as PlanNode).join()).toMatch(/NodeByLabelScan/);
    } finally {
      await session.close();
    }
  });
});
