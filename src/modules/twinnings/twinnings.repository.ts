// Twinnings and what runs under them. A twinning's two sides reach down the hierarchy (inside.ts):
// Dalian's side holds Dalian and everything inside it; Sog County's side holds Sog, its hospital
// and the hospital's departments.
import { cited, citedEdge } from '../../domain/cited.js';
import type { Graph } from '../../db/graph.js';
import { ofType, parseRelationship, type RelRow } from '../entities/relationships.mappers.js';
import type { SupportRecord, TwinningRecord } from './twinnings.mappers.js';
import { isProject, type ProjectRecord } from '../projects/projects.mappers.js';
import { parseEntity, type EntityRecord } from '../entities/entities.mappers.js';
import { collectInside, isInside } from '../places/inside.js';
import { insideCacheOf, keptInside, keptInsideEach, KEPT_COLUMNS, KEPT_STAMP, type KeptColumns } from '../places/inside-cache.js';
import { READ_DATA_STAMP } from '../../db/data-stamp.js';
import { KeptByStamp, perDatabase } from '../../db/kept-by-stamp.js';
import { EDGE_WITH_ENDS, edgeMap, edgesInOrder, entityRow, type StoredEntity } from '../entities/projection.js';
import { statement } from '../../db/statement.js';

/** What runs under a twinning: the supports and projects from its supporter's side to its recipient's. */
export interface TwinningAid {
  supports: SupportRecord[];
  projects: ProjectRecord[];
}

export interface PageArgs { offset: number; first: number; field: string; descending: boolean }

export interface TwinningQuery {
  supporter: string | null;
  recipient: string | null;
  includeDescendants: boolean;
  levels: string[] | null;
  programme: string | null;
  activeYear: number | null;
}

export interface SupportQuery {
  /** A programme id: only supports under one of its twinnings. */
  programme: string | null;
  modes: string[] | null;
  supporter: string | null;
  recipient: string | null;
  includeDescendants: boolean;
  periodFrom: number | null;
  periodUntil: number | null;
}


/** The two edges listed in pages. */
type EdgeType = 'TWINNED_WITH' | 'SUPPORTS';

// Sort keys are chosen by CASE on a parameter, so one statement serves every order. The page's
// edges come with both ends, which their supporter/recipient fields then find without a statement.
// Binds `total`, `page` (the window) and `orderIds` (every match's id, in order, to be kept).
const PAGE_TAIL = `
  ORDER BY sortKey IS NULL,   // unknown values last, in either direction
           CASE WHEN $descending THEN null ELSE sortKey END ASC,
           CASE WHEN $descending THEN sortKey ELSE null END DESC,
           r.id
  WITH collect({r: r, a: a, b: b}) AS matched
  WITH size(matched) AS total, CASE WHEN size(matched) <= $keepAtMost THEN [m IN matched | m.r.id] END AS orderIds,
       matched[toInteger($offset)..toInteger($offset + $first)] AS window
  CALL {
    WITH window
    UNWIND window AS m
    WITH m.r AS r, m.a AS a, m.b AS b
    RETURN collect(${EDGE_WITH_ENDS}) AS page
  }`;

/**
 * The window of a kept order: a seek per edge id on its type's uniqueness constraint, in the kept
 * order. The ids were the page's matches under the stamp the statement has just checked, so they
 * are still there, cited, and match the filters.
 */
const keptWindow = (type: EdgeType) => `CALL {
      // In a CALL of its own: an aggregation beside other columns returns no row for an empty window.
      ${edgesInOrder(type, '$pageWindow', 'page')}
    }
    RETURN $pageTotal AS total, page, null AS orderIds, true AS insideKept, [] AS readIds`;

/**
 * A page's order kept between requests: the ids of every edge it matched, in order, per question
 * (its statement, filters and order, not its window), under the data stamp it was read under. The
 * page of a list that grows with the graph (the twinnings inside Tibet: 6 today, 553 with a
 * knowledge layer 100 times today's) checks, sorts and counts every match for a window of 20; kept,
 * the next page or the same page asked again is a seek per edge of the window, whatever the list's
 * length. An order of more than KEEP_AT_MOST edges is not kept (nor sent back); 256 questions and
 * 200,000 ids in all at most, about 16 MB.
 */
const KEEP_AT_MOST = 10_000;
const pageOrdersOf = perDatabase(() => new KeptByStamp<string[]>(256, (ids) => ids.length, 200_000));

/** Pages of the two edges analysts list: twinnings and supports. */
export class EdgePages {
  constructor(private readonly graph: Graph) {}

  /**
   * Runs a page statement (`match` and `filters`, then PAGE_TAIL) and parses its one row: the edges,
   * and their ends. The question's order is kept (pageOrdersOf): while the graph holds the stamp it
   * was kept under, the statement reads only the window's edges. An edge match that starts from
   * `sideIds` (everything inside an anchor) is opened by keptInside: the ids kept for the anchor
   * when they are still the graph's, else read now and kept.
   */
  private async page(name: string, type: EdgeType, match: Match, filters: string, params: Record<string, unknown>, p: PageArgs) {
    const orders = pageOrdersOf(this.graph);
    // The statement's own text is in the question: the same name and parameters may walk inside
    // an anchor or match it alone (includeDescendants).
    const question = JSON.stringify([match.cypher, filters, params, p.field, p.descending, this.graph.options.showUncited ?? false]);
    const order = orders.get(question);
    const inside = match.inside && { ...match.inside, cache: insideCacheOf(this.graph) };
    const fresh = inside
      ? `${keptInside(inside.idExpr)}
    CALL {
      WITH sideIds
      ${match.cypher}${filters}
      ${PAGE_TAIL}
      RETURN total, page, orderIds
    }
    RETURN total, page, orderIds, kept AS insideKept, readIds`
      : `${match.cypher}${filters}
    ${PAGE_TAIL}
    RETURN total, page, orderIds, true AS insideKept, [] AS readIds`;
    type Row = {
      stampNow: string | null; pageKept: boolean; total: number; page: Array<RelRow & { from: StoredEntity; to: StoredEntity }>;
      orderIds: string[] | null; insideKept: boolean; readIds: string[];
    };
    const [row] = await this.graph.read<Row>(statement(`// ${name}
  ${READ_DATA_STAMP}
  WITH stampNow, coalesce(stampNow = $pageStamp, false) AS pageKept
  CALL {
    WITH pageKept
    WITH pageKept WHERE pageKept
    ${keptWindow(type)}
    UNION ALL
    WITH pageKept, stampNow
    WITH stampNow WHERE NOT pageKept
    ${fresh}
  }
  RETURN stampNow, pageKept, total, page, orderIds, insideKept, readIds`), {
      ...params, field: p.field, descending: p.descending, offset: p.offset, first: p.first, keepAtMost: KEEP_AT_MOST,
      pageStamp: order ? orders.keptStamp : null,
      pageWindow: order?.slice(p.offset, p.offset + p.first) ?? [],
      pageTotal: order?.length ?? 0,
      // The kept inside list is sent only when the page may need it: a page whose order is kept
      // reads no "inside", and the list grows with the graph (374 ids inside Tibet at x100).
      ...(inside ? (order && orders.keptStamp === inside.cache.keptStamp ? { insideStamp: null, insideIds: [] } : inside.cache.kept(inside.anchorId)) : {}),
    });
    if (row && !row.pageKept) {
      if (row.orderIds !== null) orders.keep(question, row.stampNow, row.orderIds);
      if (inside && !row.insideKept) inside.cache.keep(inside.anchorId, row.stampNow, row.readIds);
    }
    const rows = row?.page ?? [];
    return { total: row?.total ?? 0, page: rows.map(parseRelationship), ends: rows.flatMap((r) => [parseEntity(r.from), parseEntity(r.to)]) };
  }

  /**
   * Twinnings, anchored on the recipient (or the supporter) when one is given: with descendants, the
   * twinnings of everything inside it. Without either, every twinning is listed (the one statement
   * that reads the whole TWINNED_WITH type, because that is the question).
   */
  async twinnings(q: TwinningQuery, p: PageArgs): Promise<{ total: number; page: TwinningRecord[]; ends: EntityRecord[] }> {
    const filters = `
         AND ($levels IS NULL OR r.level IN $levels)
         AND ($programme IS NULL OR r.programme = $programme)
         AND ($year IS NULL OR ((r.since IS NULL OR r.since <= $year) AND (r.until IS NULL OR r.until >= $year)))
       WITH a, r, b,
            CASE $field
              WHEN 'SINCE' THEN r.since
              WHEN 'RECIPIENT_NAME' THEN b.name
              WHEN 'ID' THEN r.id
              ELSE a.name
            END AS sortKey`;
    const { name, match } = q.supporter === null && q.recipient === null && q.programme !== null
      ? { name: 'twinnings.page (by programme)', match: { cypher: `MATCH (a:Entity)-[r:TWINNED_WITH {programme: $programme}]->(b:Entity)
       WITH a, r, b WHERE ${bothCited}` } }
      : anchoredEdges('twinnings.page', 'TWINNED_WITH', q.supporter, q.recipient, q.includeDescendants);
    const { total, page, ends } = await this.page(name, 'TWINNED_WITH', match, filters, {
      supporter: q.supporter, recipient: q.recipient, levels: q.levels, programme: q.programme, year: q.activeYear,
    }, p);
    return { total, page: page.filter(ofType(['TWINNED_WITH'])), ends };
  }

  async supports(q: SupportQuery, p: PageArgs): Promise<{ total: number; page: SupportRecord[]; ends: EntityRecord[] }> {
    const filters = `
         AND ($modes IS NULL OR r.mode IN $modes)
         // As for twinnings: no start year means unknown (kept), no end year means still running.
         AND ($periodFrom IS NULL OR r.until IS NULL OR r.until >= $periodFrom)
         AND ($periodUntil IS NULL OR r.from IS NULL OR r.from <= $periodUntil)
       WITH a, r, b,
            CASE $field
              WHEN 'SINCE' THEN r.from
              WHEN 'SUPPORTER_NAME' THEN a.name
              WHEN 'RECIPIENT_NAME' THEN b.name
              WHEN 'ID' THEN r.id
              ELSE r.mode
            END AS sortKey`;
    // Modes alone: a seek on support_mode, not a read of the whole type.
    const { name, match } = q.programme !== null
      ? supportsUnderProgramme(q.supporter, q.recipient, q.includeDescendants)
      : q.supporter === null && q.recipient === null && q.modes !== null
      ? { name: 'supports.page (by mode)', match: { cypher: `UNWIND $modes AS mode
       WITH DISTINCT mode
       MATCH (a:Entity)-[r:SUPPORTS {mode: mode}]->(b:Entity)
       WITH a, r, b WHERE ${bothCited}` } }
      : anchoredEdges('supports.page', 'SUPPORTS', q.supporter, q.recipient, q.includeDescendants);
    const { total, page, ends } = await this.page(name, 'SUPPORTS', match, filters, {
      modes: q.modes, supporter: q.supporter, recipient: q.recipient, periodFrom: q.periodFrom, periodUntil: q.periodUntil, programme: q.programme,
    }, p);
    return { total, page: page.filter(ofType(['SUPPORTS'])), ends };
  }
}

/**
 * The MATCH of an edge page (`cypher`), and when it starts from everything inside an anchor, which
 * anchor (`inside`: its id, and the parameter that holds it).
 */
interface Match { cypher: string; inside?: { anchorId: string; idExpr: string } }

/**
 * The MATCH of an edge page: anchored on the recipient side when given, else on the supporter side,
 * else the whole type. With descendants, the anchored side may be anything inside the given entity
 * (from `sideIds`, the ids keptInside binds: a seek on each), the other side too.
 */
const bothCited = `${cited('a')} AND ${cited('b')} AND ${citedEdge('r')}`;
function anchoredEdges(base: string, type: EdgeType, supporter: string | null, recipient: string | null, descendants: boolean): { name: string; match: Match } {
  const supporterOk = supporter === null ? 'true' : descendants ? isInside('a', '$supporter') : 'a.id = $supporter';
  if (recipient !== null) {
    const cypher = descendants
      ? `UNWIND sideIds AS sideId
       MATCH (b:Entity {id: sideId})
       MATCH (a:Entity)-[r:${type}]->(b)`
      : `MATCH (a:Entity)-[r:${type}]->(b:Entity {id: $recipient})`;
    return {
      name: `${base} (by recipient)`,
      match: { cypher: `${cypher}
       WITH a, r, b WHERE ${supporterOk} AND ${bothCited}`, ...(descendants ? { inside: { anchorId: recipient, idExpr: '$recipient' } } : {}) },
    };
  }
  if (supporter !== null) {
    const cypher = descendants
      ? `UNWIND sideIds AS sideId
       MATCH (a:Entity {id: sideId})
       MATCH (a)-[r:${type}]->(b:Entity)`
      : `MATCH (a:Entity {id: $supporter})-[r:${type}]->(b:Entity)`;
    return {
      name: `${base} (by supporter)`,
      match: { cypher: `${cypher}
       WITH a, r, b WHERE ${bothCited}`, ...(descendants ? { inside: { anchorId: supporter, idExpr: '$supporter' } } : {}) },
    };
  }
  return { name: `${base} (all)`, match: { cypher: `MATCH (a:Entity)-[r:${type}]->(b:Entity)
       WITH a, r, b WHERE ${bothCited}` } };
}

/**
 * The MATCH of a page of supports under a programme: each of its twinnings (an index seek on the
 * programme), then the supports from anything inside its supporter to anything inside its recipient,
 * the scope `Twinning.supports` reads; a support under two of its twinnings counts once.
 */
function supportsUnderProgramme(supporter: string | null, recipient: string | null, descendants: boolean) {
  const side = (node: string, param: string, value: string | null) =>
    (value === null ? 'true' : descendants ? isInside(node, param) : `${node}.id = ${param}`);
  return {
    name: 'supports.page (by programme)',
    match: { cypher: `MATCH (x:Entity)-[t:TWINNED_WITH {programme: $programme}]->(y:Entity)
       WHERE ${citedEdge('t')} AND ${cited('x')} AND ${cited('y')}
       ${collectInside('y.id', 'side', 'x, y')}
       UNWIND side AS b
       MATCH (a:Entity)-[r:SUPPORTS]->(b)
       WHERE ${isInside('a', 'x.id')} AND ${bothCited}
       WITH DISTINCT a, r, b
       WITH a, r, b WHERE ${side('a', '$supporter', supporter)} AND ${side('b', '$recipient', recipient)}` },
  };
}

export interface AidScopeRow {
  supports: SupportRecord[];
  projects: Array<{ id: string; name: string; supportMode: string | null; year: string | null; participantIds: string[]; recipientIds: string[] }>;
  /** People serving a supporter or participant: [person id, entity id they serve]. */
  people: Array<{ personId: string; servesId: string }>;
}

export interface ScopeRequest { supporter: string | null; recipient: string | null }

// What supporter X gives recipient Y, defined once (aidSummary and Twinning.supports/projects/people):
// the SUPPORTS edges from anything inside X to anything inside Y, and the projects that something
// inside X takes part in and that lie inside Y or benefit something inside it. Anchored on Y, whose
// side is usually the smaller; on X when no Y is given. The anchored side is the anchor's kept
// inside list (inside-cache.ts) while the graph's stamp is the list's: each row says whether it
// read the list afresh (KEPT_COLUMNS), for the repository to keep.
/** Which parts of an aid scope a statement reads: aidSummary needs both, a twinning's field one. */
export interface ScopeParts { supports: boolean; projects: boolean }
const BOTH: ScopeParts = { supports: true, projects: true };
const partsName = (want: ScopeParts) => (want.supports && want.projects ? '' : want.supports ? '.supports' : '.projects');

/** Cypher: `supports` bound as asked, or to none (`carry`: the variables the rest goes on with). */
const supportsPart = (want: ScopeParts, carry: string, call: string) => (want.supports ? call : `WITH ${carry}, [] AS supports`);
const projectsPart = (want: ScopeParts, carry: string, call: string) => (want.projects ? call : `WITH ${carry}, supports, [] AS projects`);

const scopeByRecipient = (want: ScopeParts) => `// twinnings.aid-scope${partsName(want)} (by recipient)
  ${KEPT_STAMP}
  UNWIND range(0, size($pairs) - 1) AS key
  WITH stampNow, stampOk, key, $pairs[key] AS pair
  ${keptInsideEach('pair.recipient', '$keptIds[key]', 'key, pair')}
  ${supportsPart(want, `key, pair, side, ${KEPT_COLUMNS}`, `CALL {
    WITH pair, side
    UNWIND side AS b
    MATCH (a:Entity)-[r:SUPPORTS]->(b)
    WHERE (pair.supporter IS NULL OR ${isInside('a', 'pair.supporter')}) AND ${citedEdge('r')} AND ${cited('a')} AND ${cited('b')}
    RETURN collect({type: 'SUPPORTS', fromId: a.id, toId: b.id, props: ${edgeMap('r')}}) AS supports
  }`)}
  ${projectsPart(want, `key, pair, side, ${KEPT_COLUMNS}`, `CALL {
    WITH side
    UNWIND side AS y
    OPTIONAL MATCH (benefiting:Project)-[benefits:BENEFITS]->(y) WHERE ${cited('benefiting')} AND ${citedEdge('benefits')}
    WITH [p IN collect(benefiting) + collect(y) WHERE p:Project AND ${cited('p')}] AS candidates
    UNWIND candidates AS p
    RETURN collect(DISTINCT p) AS candidates
  }
  CALL {
    WITH pair, candidates
    UNWIND candidates AS p
    MATCH (x:Entity)-[takesPart:PARTICIPATES_IN]->(p)
    WHERE (pair.supporter IS NULL OR ${isInside('x', 'pair.supporter')}) AND ${cited('x')} AND ${citedEdge('takesPart')}
    RETURN collect(DISTINCT p) AS projects
  }`)}`;

const scopeBySupporter = (want: ScopeParts) => `// twinnings.aid-scope${partsName(want)} (by supporter)
  ${KEPT_STAMP}
  UNWIND range(0, size($pairs) - 1) AS key
  WITH stampNow, stampOk, key, $pairs[key] AS pair
  ${keptInsideEach('pair.supporter', '$keptIds[key]', 'key, pair')}
  ${supportsPart(want, `key, pair, side, ${KEPT_COLUMNS}`, `CALL {
    WITH side
    UNWIND side AS a
    MATCH (a)-[r:SUPPORTS]->(b:Entity) WHERE ${citedEdge('r')} AND ${cited('a')} AND ${cited('b')}
    RETURN collect({type: 'SUPPORTS', fromId: a.id, toId: b.id, props: ${edgeMap('r')}}) AS supports
  }`)}
  ${projectsPart(want, `key, pair, side, ${KEPT_COLUMNS}`, `CALL {
    WITH side
    UNWIND side AS x
    MATCH (x)-[takesPart:PARTICIPATES_IN]->(p:Project) WHERE ${cited('p')} AND ${citedEdge('takesPart')}
    RETURN collect(DISTINCT p) AS projects
  }`)}`;

const scopeAll = (want: ScopeParts) => `// twinnings.aid-scope${partsName(want)} (all)
  UNWIND range(0, size($pairs) - 1) AS key
  WITH key, null AS stampNow, true AS usedKept, [] AS readIds
  ${supportsPart(want, `key, ${KEPT_COLUMNS}`, `CALL {
    MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity) WHERE ${citedEdge('r')} AND ${cited('a')} AND ${cited('b')}
    RETURN collect({type: 'SUPPORTS', fromId: a.id, toId: b.id, props: ${edgeMap('r')}}) AS supports
  }`)}
  ${projectsPart(want, `key, ${KEPT_COLUMNS}`, `CALL {
    MATCH (x:Entity)-[takesPart:PARTICIPATES_IN]->(p:Project) WHERE ${cited('x')} AND ${cited('p')} AND ${citedEdge('takesPart')}
    RETURN collect(DISTINCT p) AS projects
  }`)}`;

// Each project with its year, participants and recipients; then the people serving a supporter or
// a participant (members and post holders), looked up by id.
const SCOPE_TAIL = `
  WITH key, ${KEPT_COLUMNS}, supports, [p IN projects | {
         id: p.id, name: p.name, supportMode: p.supportMode,
         year: left(toString(coalesce(p.openedOn, p.year, p.startedOn)), 4),
         participantIds: [(x:Entity)-[takesPart:PARTICIPATES_IN]->(p) WHERE ${cited('x')} AND ${citedEdge('takesPart')} | x.id],
         recipientIds: CASE WHEN EXISTS { (p)-[benefits:BENEFITS]->(y:Entity) WHERE ${cited('y')} AND ${citedEdge('benefits')} }
                        THEN [(p)-[benefits:BENEFITS]->(y:Entity) WHERE ${cited('y')} AND ${citedEdge('benefits')} | y.id]
                        ELSE [(p)-[at:LOCATED_IN]->(y:Entity) WHERE ${cited('y')} AND ${citedEdge('at')} | y.id] END
       }] AS projects
  WITH key, ${KEPT_COLUMNS}, supports, projects,
       [s IN supports | s.fromId] + reduce(ids = [], p IN projects | ids + p.participantIds) AS servedIds
  CALL {
    WITH servedIds
    UNWIND servedIds AS servedId
    MATCH (o:Entity {id: servedId})<-[serves:MEMBER_OF|HOLDS_POST]-(person:Person)
    WHERE ${cited('person')} AND ${citedEdge('serves')}
    RETURN collect(DISTINCT {personId: person.id, servesId: o.id}) AS memberPeople
  }
  RETURN key, ${KEPT_COLUMNS}, supports, projects,
         memberPeople + [id IN servedIds WHERE id STARTS WITH 'person:' | {personId: id, servesId: id}] AS people`;

/**
 * The pairs by the anchoring of their statement: on the recipient, on the supporter, or neither;
 * each group with its pairs' indexes and anchor (whose inside list its statement goes on from).
 */
function scopeGroups(pairs: readonly ScopeRequest[], want: ScopeParts): Array<[string, number[], (p: ScopeRequest) => string | null]> {
  const built = SCOPE_STATEMENTS.get(`${want.supports}/${want.projects}`)!;
  return [
    [built.byRecipient, pairs.flatMap((p, i) => (p.recipient !== null ? [i] : [])), (p) => p.recipient],
    [built.bySupporter, pairs.flatMap((p, i) => (p.recipient === null && p.supporter !== null ? [i] : [])), (p) => p.supporter],
    [built.all, pairs.flatMap((p, i) => (p.recipient === null && p.supporter === null ? [i] : [])), () => null],
  ];
}

/** Every anchoring for every choice of parts, built once. */
const SCOPE_STATEMENTS = new Map([BOTH, { supports: true, projects: false }, { supports: false, projects: true }].map((want) => [
  `${want.supports}/${want.projects}`,
  { byRecipient: scopeByRecipient(want), bySupporter: scopeBySupporter(want), all: scopeAll(want) },
]));

export class AidSummaryRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * Runs a statement batched over anchors (`anchors[key]` for each row's key) with their kept
   * inside lists, and keeps the lists its rows read afresh.
   */
  private async readKept<R extends { key: number }>(cypher: string, params: Record<string, unknown>, anchors: ReadonlyArray<string | null>) {
    const cache = insideCacheOf(this.graph);
    const rows = await this.graph.read<R & KeptColumns>(statement(cypher), { ...params, ...cache.keptEach(anchors) });
    cache.keepEach(anchors, rows);
    return rows;
  }

  /** Supports and projects from the supporter side to the recipient side, and the people behind them. */
  async scope(supporter: string | null, recipient: string | null): Promise<AidScopeRow> {
    return (await this.scopes([{ supporter, recipient }]))[0]!;
  }

  /** Many scopes in one round trip per anchoring. */
  async scopes(pairs: readonly ScopeRequest[]): Promise<AidScopeRow[]> {
    const out: AidScopeRow[] = pairs.map(() => ({ supports: [], projects: [], people: [] }));
    for (const [cypher, indexes, anchorOf] of scopeGroups(pairs, BOTH)) {
      if (indexes.length === 0) continue;
      const group = indexes.map((i) => pairs[i]!);
      const rows = await this.readKept<{ key: number; supports: RelRow[]; projects: AidScopeRow['projects']; people: AidScopeRow['people'] }>(
        `${cypher}
${SCOPE_TAIL}`, { pairs: group }, group.map(anchorOf),
      );
      for (const row of rows) {
        out[indexes[row.key]!] = { supports: row.supports.map(parseRelationship).filter(ofType(['SUPPORTS'])), projects: row.projects, people: row.people };
      }
    }
    return out;
  }

  /**
   * The supports and projects of many supporter/recipient pairs, as records: the aid scope without
   * what only aidSummary groups by (years, participants, people).
   */
  async twinningAid(pairs: readonly ScopeRequest[], want: ScopeParts): Promise<TwinningAid[]> {
    const out: TwinningAid[] = pairs.map(() => ({ supports: [], projects: [] }));
    for (const [cypher, indexes, anchorOf] of scopeGroups(pairs, want)) {
      if (indexes.length === 0) continue;
      const group = indexes.map((i) => pairs[i]!);
      const rows = await this.readKept<{ key: number; supports: RelRow[]; projects: StoredEntity[] }>(`${cypher}
  RETURN key, ${KEPT_COLUMNS}, supports, [p IN projects | ${entityRow('p')}] AS projects`, { pairs: group }, group.map(anchorOf));
      for (const row of rows) {
        out[indexes[row.key]!] = {
          supports: row.supports.map(parseRelationship).filter(ofType(['SUPPORTS'])),
          projects: row.projects.map(parseEntity).filter(isProject),
        };
      }
    }
    return out;
  }

  /** People who are members of, or hold a post in, anything inside each entity. */
  async peopleInside(ids: readonly string[]): Promise<string[][]> {
    const rows = await this.readKept<{ key: number; people: string[] }>(`// twinnings.people-inside
       ${KEPT_STAMP}
       UNWIND range(0, size($ids) - 1) AS key
       WITH stampNow, stampOk, key, $ids[key] AS id
       ${keptInsideEach('id', '$keptIds[key]', 'key, id')}
       CALL {
         WITH side
         UNWIND side AS inner
         MATCH (person:Person)-[serves:MEMBER_OF|HOLDS_POST]->(inner)
         WHERE ${cited('person')} AND ${citedEdge('serves')}
         RETURN collect(DISTINCT person.id) AS people
       }
       RETURN key, ${KEPT_COLUMNS}, people`, { ids }, ids);
    const by = new Map(rows.map((r) => [r.key, [...r.people].sort()]));
    return ids.map((_, i) => by.get(i) ?? []);
  }
}
