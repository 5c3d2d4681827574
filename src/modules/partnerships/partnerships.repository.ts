// Pairings and what runs under them. A pairing's two sides reach down the hierarchy: Dalian's
// side holds Dalian and everything PART_OF or LOCATED_IN it; Sog County's side holds Sog, its
// hospital and the hospital's departments.
import type { Graph } from '../../db/graph.js';
import { toRelationshipRecord } from '../entities/entities.repository.js';
import type { RelationshipRecord } from '../entities/entities.mappers.js';

export interface TwinningScope {
  supportIds: string[];
  projectIds: string[];
  personIds: string[];
}

export class PartnershipRepository {
  constructor(private readonly graph: Graph) {}

  /** What runs under each pairing, for many pairings in one round trip. */
  async scopes(twinningIds: readonly string[]): Promise<TwinningScope[]> {
    const rows = await this.graph.read<{ id: string; supportIds: string[]; projectIds: string[]; personIds: string[] }>(
      'partnerships.twinning-scope',
      `// partnerships.twinning-scope
       UNWIND $ids AS id
       MATCH (sup:Entity)-[:TWINNED_WITH {id: id}]->(rec:Entity)
       CALL {
         WITH sup
         MATCH (x:Entity)-[:PART_OF|LOCATED_IN*0..4]->(sup)
         RETURN collect(DISTINCT x) AS supSide
       }
       CALL {
         WITH rec
         MATCH (y:Entity)-[:PART_OF|LOCATED_IN*0..4]->(rec)
         RETURN collect(DISTINCT y) AS recSide
       }
       CALL {
         WITH supSide, recSide
         OPTIONAL MATCH (a:Entity)-[s:SUPPORTS]->(b:Entity)
         WHERE a IN supSide AND b IN recSide
         RETURN collect(DISTINCT s.id) AS supportIds
       }
       CALL {
         WITH supSide, recSide
         OPTIONAL MATCH (a:Entity)-[:PARTICIPATES_IN]->(p:Project)
         WHERE a IN supSide AND (p IN recSide OR EXISTS { (p)-[:BENEFITS]->(b) WHERE b IN recSide })
         RETURN collect(DISTINCT p.id) AS projectIds
       }
       CALL {
         WITH supSide
         OPTIONAL MATCH (person:Person)-[:MEMBER_OF|HOLDS_POST]->()-[:PART_OF|MEMBER_OF*0..3]->(o:Entity)
         WHERE o IN supSide
         RETURN collect(DISTINCT person.id) AS personIds
       }
       RETURN id, supportIds, projectIds, personIds`,
      { ids: twinningIds },
    );
    const by = new Map(rows.map((r) => [r.id, r]));
    return twinningIds.map((id) => {
      const r = by.get(id);
      return { supportIds: r?.supportIds ?? [], projectIds: r?.projectIds ?? [], personIds: r?.personIds ?? [] };
    });
  }

  async supportsByIds(ids: readonly string[]): Promise<RelationshipRecord[]> {
    const rows = await this.graph.read<{ type: string; fromId: string; toId: string; props: Record<string, unknown> }>(
      'partnerships.supports-by-id',
      `// partnerships.supports-by-id
       MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity) WHERE r.id IN $ids
       RETURN type(r) AS type, a.id AS fromId, b.id AS toId, r {.*} AS props
       ORDER BY r.id`,
      { ids },
    );
    return rows.map(toRelationshipRecord);
  }
}
