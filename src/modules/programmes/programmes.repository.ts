// Programmes and the twinnings that run under them. A programme is an entity (label Programme) whose
// id starts `programme:`; a twinning names it in its `programme` property, indexed for the seek.
import type { Graph } from '../../db/graph.js';
import { cited, citedEdge } from '../../domain/cited.js';
import { EDGE_WITH_ENDS, edgesInOrder, entityRow, type StoredEntity } from '../entities/projection.js';
import { isProgramme, type ProgrammeRecord, type ProgrammeTwinningWindow, type ProgrammeTwinningsRequest } from './programmes.mappers.js';
import { parseEntity, type EntityRecord } from '../entities/entities.mappers.js';
import { ofType, parseRelationship, type RelRow } from '../entities/relationships.mappers.js';
import type { TwinningRecord } from '../twinnings/twinnings.mappers.js';
import { statement } from '../../db/statement.js';
import { READ_DATA_STAMP } from '../../db/data-stamp.js';
import { KeptByStamp, perDatabase } from '../../db/kept-by-stamp.js';

// A seek on the entity id's range index (STARTS WITH): the planner would scan the Programme label,
// cheap while it holds five, but a label scan is what the EXPLAIN test keeps out of hot statements.
const PROGRAMMES = statement(`// programmes.list
  MATCH (p:Entity) USING INDEX p:Entity(id)
  WHERE p.id STARTS WITH 'programme:' AND p:Programme AND ${cited('p')}
  WITH p ORDER BY p.name
  RETURN ${entityRow('p')} AS p`);

const TWINNINGS_UNDER = statement(`// programmes.twinnings
  UNWIND $ids AS id
  MATCH (a:Entity)-[r:TWINNED_WITH {programme: id}]->(b:Entity)
  WHERE ${cited('a')} AND ${cited('b')} AND ${citedEdge('r')}
  RETURN id, collect(${EDGE_WITH_ENDS}) AS edges`);

// A page of them (`twinnings(first:)`) and their number (`twinningCount`): the order, the window and
// the count are taken in one statement that reads the programme's twinnings once, so a page of 20 does
// not read, project and parse every twinning of a programme with both ends (14 under aid-tibet in
// the seeds, 1,202 in the bench's knowledge layer at 100x). That order is then kept per programme
// and year while the graph holds the data stamp it was read under (db/kept-by-stamp.ts): the next
// request reads only its window's twinnings, a seek on each id, and takes the count from the kept
// order, whatever the programme's size. The same span rule as domain/periods.ts activeIn.
const ACTIVE_IN = (year: string) =>
  `(${year} IS NULL OR ((r.since IS NULL OR r.since <= ${year}) AND (r.until IS NULL OR r.until >= ${year})))`;

const TWINNING_PAGE_UNDER = statement(`// programmes.twinnings (page)
  ${READ_DATA_STAMP}
  WITH stampNow, coalesce(stampNow = $orderStamp, false) AS stampOk
  UNWIND $requests AS q
  CALL {
    WITH q, stampOk
    WITH q WHERE stampOk AND q.kept IS NOT NULL
    CALL {
      WITH q
      ${edgesInOrder('TWINNED_WITH', 'q.kept', 'edges')}
    }
    RETURN q.total AS total, edges, null AS orderIds
    UNION ALL
    WITH q, stampOk
    WITH q WHERE NOT (stampOk AND q.kept IS NOT NULL)
    CALL {
      // In a CALL of its own, so that a programme with none still gets a row (and is kept).
      WITH q
      MATCH (a:Entity)-[r:TWINNED_WITH {programme: q.id}]->(b:Entity)
      WHERE ${cited('a')} AND ${cited('b')} AND ${citedEdge('r')} AND ${ACTIVE_IN('q.asOf')}
      WITH a, r, b ORDER BY a.id, b.id
      RETURN collect({r: r, a: a, b: b}) AS ordered
    }
    CALL {
      WITH q, ordered
      UNWIND ordered[..toInteger(q.first)] AS m
      WITH m.r AS r, m.a AS a, m.b AS b
      RETURN collect(${EDGE_WITH_ENDS}) AS edges
    }
    RETURN size(ordered) AS total, edges, [m IN ordered | m.r.id] AS orderIds
  }
  RETURN q.key AS key, stampNow, total, edges, orderIds`);

/** Each programme's twinnings in order (their ids), per year asked, kept per data stamp. */
const twinningOrdersOf = perDatabase(() => new KeptByStamp<string[]>(64, (ids) => ids.length, 100_000));

/** Supporter id, then recipient id, compared as Cypher's ORDER BY compares strings (by code point). */
const byEnds = (x: TwinningRecord, y: TwinningRecord) =>
  x.fromId < y.fromId ? -1 : x.fromId > y.fromId ? 1 : x.toId < y.toId ? -1 : x.toId > y.toId ? 1 : 0;

export class ProgrammeRepository {
  constructor(private readonly graph: Graph) {}

  /** Every programme the graph shows, by English name. */
  async all(): Promise<ProgrammeRecord[]> {
    const rows = await this.graph.read<{ p: StoredEntity }>(PROGRAMMES);
    return rows.map((r) => parseEntity(r.p)).filter(isProgramme);
  }

  /** The twinnings under each programme (by id), with both their ends, sorted by supporter then recipient id. */
  async twinningsUnder(ids: readonly string[]): Promise<{ twinnings: TwinningRecord[][]; ends: EntityRecord[] }> {
    const rows = await this.graph.read<{ id: string; edges: Array<RelRow & { from: StoredEntity; to: StoredEntity }> }>(TWINNINGS_UNDER, { ids });
    const by = new Map(rows.map((r) => [r.id, r.edges]));
    const ends: EntityRecord[] = [];
    const twinnings = ids.map((id) => (by.get(id) ?? []).map((row) => {
      ends.push(parseEntity(row.from), parseEntity(row.to));
      return parseRelationship(row);
    }).filter(ofType(['TWINNED_WITH'])).sort(byEnds));
    return { twinnings, ends };
  }

  /**
   * For each request, the number of twinnings under the programme and the first so many, in the order
   * of `twinningsUnder`: one read of each programme and year asked, with the largest page asked of it.
   */
  async twinningWindows(requests: readonly ProgrammeTwinningsRequest[]): Promise<{ windows: ProgrammeTwinningWindow[]; ends: EntityRecord[] }> {
    const groupKey = (r: ProgrammeTwinningsRequest) => `${r.id}|${r.asOf ?? ''}`;
    const groups = new Map<string, { key: string; id: string; asOf: number | null; first: number }>();
    for (const r of requests) {
      const g = groups.get(groupKey(r));
      if (g) g.first = Math.max(g.first, r.first);
      else groups.set(groupKey(r), { key: groupKey(r), id: r.id, asOf: r.asOf, first: r.first });
    }
    const orders = twinningOrdersOf(this.graph);
    const orderKey = (key: string) => `${key}|${this.graph.options.showUncited ?? false}`;
    const asked = [...groups.values()].map((g) => {
      const kept = orders.get(orderKey(g.key));
      return { ...g, kept: kept?.slice(0, g.first) ?? null, total: kept?.length ?? 0 };
    });
    const pageRows = asked.length === 0 ? [] : await this.graph.read<{
      key: string; stampNow: string | null; total: number; edges: Array<RelRow & { from: StoredEntity; to: StoredEntity }>; orderIds: string[] | null;
    }>(TWINNING_PAGE_UNDER, { requests: asked, orderStamp: orders.keptStamp });
    for (const row of pageRows) if (row.orderIds !== null) orders.keep(orderKey(row.key), row.stampNow, row.orderIds);
    const ends: EntityRecord[] = [];
    const found = new Map<string, ProgrammeTwinningWindow>();
    for (const row of pageRows) {
      found.set(row.key, { total: row.total, page: row.edges.map((e) => {
        ends.push(parseEntity(e.from), parseEntity(e.to));
        return parseRelationship(e);
      }).filter(ofType(['TWINNED_WITH'])).sort(byEnds) });
    }
    const windows = requests.map((r) => {
      const w = found.get(groupKey(r)) ?? { total: 0, page: [] };
      return { total: w.total, page: w.page.slice(0, r.first) };
    });
    return { windows, ends };
  }
}
