// Exploring the graph: neighbourhoods (breadth-first, one round trip per hop), shortest paths
// between two entities, and what the graph holds.
import type { Graph } from '../../db/graph.js';
import { ENTITY_KINDS, KIND_LABEL, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../../domain/vocabulary.js';
import { parseRelationship, type RelationshipRecord, type RelRow } from '../entities/relationships.mappers.js';
import type { GraphStatsRecord, PathRecord } from './explore.mappers.js';
import { cited, citedEdge } from '../../domain/cited.js';
import { edgeMap } from '../entities/projection.js';
import { activeIn, periodsOverlap } from '../entities/edge-periods.js';
import { statement, type Statement } from '../../db/statement.js';
import { READ_DATA_STAMP } from '../../db/data-stamp.js';
import { KeptByStamp, perDatabase } from '../../db/kept-by-stamp.js';

export const MAX_DEPTH = 3;
export const MAX_HOPS = 6;
export const MAX_PATHS = 100;


/**
 * Cypher takes neither a hop bound nor SHORTEST's count as a parameter, so each (hops, count) pair
 * gets its own statement, built from integers checked here and cached; no request text enters it.
 */
const pathStatements = new Map<string, Statement>();
function shortestPathsStatement(hops: number, count: number): Statement {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) throw new RangeError(`hops ${hops}`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PATHS) throw new RangeError(`count ${count}`);
  const key = `${hops}/${count}`;
  let built = pathStatements.get(key);
  if (!built) {
    built = statement(`// explore.connections (up to ${hops} hops, ${count} paths)
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      MATCH p = SHORTEST ${count} (
        (a) (()-[r WHERE ($types IS NULL OR type(r) IN $types) AND ${citedEdge('r')} AND ${activeIn('r', '$asOf')}]-(step WHERE ${cited('step')})){1,${hops}} (b)
        // A chain through an entity twice is no connection: every step lands somewhere new; nor is
        // one whose steps share no year (a 2008–2011 twinning, then a 2016 one).
        WHERE NOT a IN step AND all(i IN range(0, size(step) - 2) WHERE NOT step[i] IN step[i + 1..])
          AND ${periodsOverlap('r')}
      )
      RETURN [n IN nodes(p) | n.id] AS nodeIds,
             [x IN relationships(p) | {type: type(x), fromId: startNode(x).id, toId: endNode(x).id, props: ${edgeMap('x')}}] AS rels
      ORDER BY size(rels), nodeIds`);
    pathStatements.set(key, built);
  }
  return built;
}

// One breadth-first hop: the entities next to the frontier not seen yet, what the sources describe
// first, then by id, at most `room` of them, and how many there were.
const HOP = `UNWIND $frontier AS fid
         MATCH (:Entity {id: fid})-[r]-(n:Entity)
         WHERE ($types IS NULL OR type(r) IN $types)
           AND ($kinds IS NULL OR n.kind IN $kinds)
           AND NOT n.id IN $seen
           AND ${cited('n')} AND ${citedEdge('r')} AND ${activeIn('r', '$asOf')}
         WITH collect(DISTINCT n) AS found
         UNWIND found AS n
         WITH n, size(found) AS found
         ORDER BY CASE WHEN n:Seeded THEN 0 ELSE 1 END, n.id
         LIMIT toInteger($room)`;

const NEXT_HOP = statement(`// explore.neighbours
         ${HOP}
         RETURN n.id AS id, found`);

// The first hop, after the graph's stamp: with a walk kept under it (`$keptStamp`), one row that
// says so and no hop.
const FIRST_HOP = statement(`// explore.neighbours (first hop)
  ${READ_DATA_STAMP}
  WITH stampNow, coalesce(stampNow = $keptStamp, false) AS usable
  CALL {
    WITH usable
    WITH usable WHERE usable
    RETURN null AS id, 0 AS found
    UNION ALL
    WITH usable
    WITH usable WHERE NOT usable
    ${HOP}
    RETURN n.id AS id, found
  }
  RETURN stampNow, usable, id, found`);

interface Walk { ids: string[]; total: number; exact: boolean }

/**
 * Neighbourhood walks kept per question while the graph holds the stamp they were read under
 * (db/kept-by-stamp.ts): a walk's last hop reads every entity next to the one before it to count
 * them (`totalNodes`), and around a place the sources describe that grows with the graph (Nagqu
 * at two hops: 234 entities today, 1,724 with a knowledge layer 100 times today's).
 */
const walksOf = perDatabase(() => new KeptByStamp<Walk>(256, (walk) => walk.ids.length, 100_000));

export class ExploreRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * Ids within `depth` hops, nearest first, keeping at most `limit` besides the centre. The walk
   * stops at the hop that fills `limit`, so a hub costs what its first hops hold, not everything
   * within reach; `exact` says whether `total` counted every entity within `depth`, or only those
   * up to the hop where it stopped (a lower bound). Within a hop, what the sources describe comes
   * first, then by id.
   */
  async neighborhoodIds(
    id: string, depth: number, kinds: EntityKind[] | null, types: RelationshipType[] | null, limit: number, asOf: number | null = null,
  ): Promise<{ ids: string[]; total: number; exact: boolean }> {
    const walks = walksOf(this.graph);
    const question = JSON.stringify([id, depth, kinds, types, limit, asOf, this.graph.options.showUncited ?? false]);
    const kept = walks.get(question);
    const seen = new Set<string>([id]);
    const order: string[] = [];
    let frontier = [id];
    let total = 0;
    // The first hop reads the graph's stamp before anything else: a kept walk is the answer while
    // it is the kept one's, and a walk read now is kept under it (read first, so a load during the
    // walk leaves it kept under a stamp the graph no longer holds, never the other way round).
    let stampNow: string | null = null;
    const done = (walk: Walk) => {
      walks.keep(question, stampNow, walk);
      return walk;
    };
    for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
      const room = limit - order.length;
      const params = { frontier, types, kinds, seen: [...seen], room: Math.max(room, 1), asOf };
      let rows: Array<{ id: string; found: number }>;
      if (hop === 1) {
        const read = await this.graph.read<{ stampNow: string | null; usable: boolean; id: string | null; found: number }>(
          FIRST_HOP, { ...params, keptStamp: kept ? walks.keptStamp : null });
        if (read[0]?.usable && kept) return kept;
        stampNow = read[0]?.stampNow ?? null;
        rows = read.flatMap((r) => (r.id === null ? [] : [{ id: r.id, found: r.found }]));
      } else {
        rows = await this.graph.read<{ id: string; found: number }>(NEXT_HOP, params);
      }
      const found = rows[0]?.found ?? 0;
      total += found;
      if (found > room) {
        order.push(...rows.slice(0, room).map((r) => r.id));
        return done({ ids: [id, ...order], total, exact: hop === depth });
      }
      frontier = rows.map((r) => r.id);
      for (const n of frontier) { seen.add(n); order.push(n); }
    }
    return done({ ids: [id, ...order], total, exact: true });
  }

  /** Every edge (of the given types) between two of the given entities. */
  async edgesAmong(ids: string[], types: RelationshipType[] | null, asOf: number | null = null): Promise<RelationshipRecord[]> {
    const rows = await this.graph.read<RelRow>(
      statement(`// explore.edges-among
       MATCH (a:Entity)-[r]->(b:Entity)
       WHERE a.id IN $ids AND b.id IN $ids AND ($types IS NULL OR type(r) IN $types) AND ${citedEdge('r')} AND ${activeIn('r', '$asOf')}
       RETURN type(r) AS type, a.id AS fromId, b.id AS toId, ${edgeMap('r')} AS props
       ORDER BY r.id`),
      { ids, types, asOf },
    );
    return rows.map(parseRelationship);
  }

  async shortestPaths(from: string, to: string, maxHops: number, first: number, types: RelationshipType[] | null, asOf: number | null = null): Promise<PathRecord[]> {
    if (from === to) return [];
    const rows = await this.graph.read<{ nodeIds: string[]; rels: RelRow[] }>(
      shortestPathsStatement(maxHops, first), { from, to, types, asOf },
    );
    return rows.map((r) => ({ nodeIds: r.nodeIds, relationships: r.rels.map(parseRelationship) }));
  }

  /** Counts the database keeps (label and type counts): constant time at any size. */
  async stats(): Promise<GraphStatsRecord> {
    const [row] = await this.graph.read<GraphStatsRecord>(STATS);
    return row!;
  }
}

// One count-store lookup per kind label and per edge type (labels and types cannot be parameters;
// the statement is built from the fixed lists). Every edge of these types joins two entities.
const STATS = statement(`// explore.stats
  ${ENTITY_KINDS.map((k) => `CALL { MATCH (n:${KIND_LABEL[k]}) RETURN count(n) AS ${k} }`).join('\n  ')}
  ${RELATIONSHIP_TYPES.map((t) => `CALL { MATCH ()-[r:${t}]->() RETURN count(r) AS ${t} }`).join('\n  ')}
  CALL { MATCH (e:Entity) RETURN count(e) AS entities }
  CALL { MATCH (q:Quantity) RETURN count(q) AS quantities }
  CALL { MATCH (c:Citation) RETURN count(c) AS citations }
  CALL { MATCH (s:Source) RETURN count(s) AS sources }
  WITH entities, quantities, citations, sources,
       [c IN [${ENTITY_KINDS.map((k) => `{key: '${k}', count: ${k}}`).join(', ')}] WHERE c.count > 0] AS entitiesByKind,
       [c IN [${RELATIONSHIP_TYPES.map((t) => `{key: '${t}', count: ${t}}`).join(', ')}] WHERE c.count > 0] AS relationshipsByType
  RETURN entitiesByKind, relationshipsByType, entities, quantities, citations, sources,
         reduce(t = 0, c IN relationshipsByType | t + c.count) AS relationships`);
