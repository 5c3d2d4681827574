// Programmes and the twinnings that run under them. A programme is an entity (label Programme) whose
// id starts `programme:`; a twinning names it in its `programme` property, indexed for the seek.
import type { Graph } from '../../db/graph.js';
import { cited, citedEdge } from '../../domain/cited.js';
import { edgeMap, entityRow, type StoredEntity } from '../entities/projection.js';
import { isProgramme, parseEntity, type EntityRecord, type ProgrammeRecord } from '../entities/entities.mappers.js';
import { ofType, parseRelationship, type RelRow } from '../entities/relationships.mappers.js';
import type { TwinningRecord } from '../twinnings/twinnings.mappers.js';
import { statement } from '../../db/statement.js';

// A seek on the entity id's range index (STARTS WITH): the planner would scan the Programme label,
// cheap while it holds five, but a label scan is what the EXPLAIN test keeps out of hot statements.
const PROGRAMMES = statement(`// programmes.list
  MATCH (p:Entity) USING INDEX p:Entity(id)
  WHERE p.id STARTS WITH 'programme:' AND p:Programme AND ${cited('p')}
  RETURN ${entityRow('p')} AS p
  ORDER BY p.name`);

const TWINNINGS_UNDER = statement(`// programmes.twinnings
  UNWIND $ids AS id
  MATCH (a:Entity)-[r:TWINNED_WITH {programme: id}]->(b:Entity)
  WHERE ${cited('a')} AND ${cited('b')} AND ${citedEdge('r')}
  RETURN id, collect({type: 'TWINNED_WITH', fromId: a.id, toId: b.id, props: ${edgeMap('r')}, from: ${entityRow('a')}, to: ${entityRow('b')}}) AS edges`);

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
    }).filter(ofType(['TWINNED_WITH'])).sort((x, y) => x.fromId.localeCompare(y.fromId) || x.toId.localeCompare(y.toId)));
    return { twinnings, ends };
  }
}
