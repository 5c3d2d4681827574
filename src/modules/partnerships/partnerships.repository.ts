// Pairings and what runs under them. A pairing's two sides reach down the hierarchy: Dalian's
// side holds Dalian and everything PART_OF or LOCATED_IN it; Sog County's side holds Sog, its
// hospital and the hospital's departments.
import type { Graph } from '../../db/graph.js';
import { toRelationshipRecord, type RelRow } from '../entities/entities.repository.js';
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
         OPTIONAL MATCH (a:Entity)-[role:PARTICIPATES_IN]->(p:Project)
         WHERE role.role IN ['FUNDING', 'IMPLEMENTING'] AND a IN supSide AND (p IN recSide OR EXISTS { (p)-[:BENEFITS]->(b) WHERE b IN recSide })
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
  modes: string[] | null;
  supporter: string | null;
  beneficiary: string | null;
  includeDescendants: boolean;
  periodFrom: number | null;
  periodUntil: number | null;
}


// Sort keys are chosen by CASE on a parameter, so one statement serves every order.
const PAGE_TAIL = `
  ORDER BY sortKey IS NULL,   // unknown values last, in either direction
           CASE WHEN $descending THEN null ELSE sortKey END ASC,
           CASE WHEN $descending THEN sortKey ELSE null END DESC,
           r.id
  WITH collect({type: type(r), fromId: a.id, toId: b.id, props: r {.*}}) AS matched
  RETURN size(matched) AS total, matched[toInteger($offset)..toInteger($offset + $first)] AS page`;

export class PartnershipPages {
  constructor(private readonly graph: Graph) {}

  /** Runs a statement that ends in PAGE_TAIL and parses its one row. */
  private async page(name: string, cypher: string, params: Record<string, unknown>, p: PageArgs) {
    const [row] = await this.graph.read<{ total: number; page: RelRow[] }>(name, `${cypher}\n${PAGE_TAIL}`, {
      ...params, field: p.field, descending: p.descending, offset: p.offset, first: p.first,
    });
    return { total: row?.total ?? 0, page: (row?.page ?? []).map(toRelationshipRecord) };
  }

  async twinnings(q: TwinningQuery, p: PageArgs): Promise<{ total: number; page: RelationshipRecord[] }> {
    return this.page(
      'partnerships.page',
      `// partnerships.page
       MATCH (a:Entity)-[r:TWINNED_WITH]->(b:Entity)
       WHERE ($supporter IS NULL OR a.id = $supporter
              OR ($descendants AND EXISTS { (a)-[:PART_OF]->+(:Entity {id: $supporter}) }))
         AND ($recipient IS NULL OR b.id = $recipient
              OR ($descendants AND EXISTS { (b)-[:PART_OF]->+(:Entity {id: $recipient}) }))
         AND ($levels IS NULL OR r.level IN $levels)
         AND ($programme IS NULL OR r.programme = $programme)
         AND ($year IS NULL OR ((r.since IS NULL OR r.since <= $year) AND (r.until IS NULL OR r.until >= $year)))
       WITH a, r, b,
            CASE $field
              WHEN 'SINCE' THEN r.since
              WHEN 'RECIPIENT_NAME' THEN b.name
              WHEN 'ID' THEN r.id
              ELSE a.name
            END AS sortKey`,
      {
        supporter: q.supporter, recipient: q.recipient, descendants: q.includeDescendants, levels: q.levels,
        programme: q.programme, year: q.activeYear,
      },
      p,
    );
  }

  async supports(q: SupportQuery, p: PageArgs): Promise<{ total: number; page: RelationshipRecord[] }> {
    return this.page(
      'supports.page',
      `// supports.page
       MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity)
       WHERE ($modes IS NULL OR r.mode IN $modes)
         AND ($supporter IS NULL OR a.id = $supporter
              OR ($descendants AND EXISTS { (a)-[:PART_OF|LOCATED_IN]->+(:Entity {id: $supporter}) }))
         AND ($beneficiary IS NULL OR b.id = $beneficiary
              OR ($descendants AND EXISTS { (b)-[:PART_OF|LOCATED_IN]->+(:Entity {id: $beneficiary}) }))
         // As for pairings: no start year means unknown (kept), no end year means still running.
         AND ($periodFrom IS NULL OR r.until IS NULL OR r.until >= $periodFrom)
         AND ($periodUntil IS NULL OR r.from IS NULL OR r.from <= $periodUntil)
       WITH a, r, b,
            CASE $field
              WHEN 'FROM' THEN r.from
              WHEN 'SUPPORTER_NAME' THEN a.name
              WHEN 'BENEFICIARY_NAME' THEN b.name
              WHEN 'ID' THEN r.id
              ELSE r.mode
            END AS sortKey`,
      {
        modes: q.modes, supporter: q.supporter, beneficiary: q.beneficiary, descendants: q.includeDescendants,
        periodFrom: q.periodFrom, periodUntil: q.periodUntil,
      },
      p,
    );
  }
}

export interface AidScopeRow {
  supports: RelationshipRecord[];
  projects: Array<{ id: string; name: string; supportMode: string | null; year: string | null; participantIds: string[]; recipientIds: string[] }>;
  /** People serving a supporter or participant: [person id, entity id they serve]. */
  people: Array<{ personId: string; servesId: string }>;
}

export class AidSummaryRepository {
  constructor(private readonly graph: Graph) {}

  /** Supports and projects from the supporter side to the recipient side, and the people behind them. */
  async scope(supporter: string | null, recipient: string | null): Promise<AidScopeRow> {
    const [row] = await this.graph.read<{ supports: RelRow[]; projects: AidScopeRow['projects']; people: AidScopeRow['people'] }>(
      'partnerships.aid-scope',
      `// partnerships.aid-scope
       CALL {
         MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity)
         WHERE ($supporter IS NULL OR a.id = $supporter
                OR EXISTS { (a)-[:PART_OF|LOCATED_IN|MEMBER_OF]->+(:Entity {id: $supporter}) })
           AND ($recipient IS NULL OR b.id = $recipient
                OR EXISTS { (b)-[:PART_OF|LOCATED_IN]->+(:Entity {id: $recipient}) })
         RETURN collect({type: 'SUPPORTS', fromId: a.id, toId: b.id, props: r {.*}}) AS supports
       }
       CALL {
         MATCH (a:Entity)-[:PARTICIPATES_IN]->(p:Project)
         WHERE ($supporter IS NULL OR a.id = $supporter
                OR EXISTS { (a)-[:PART_OF|LOCATED_IN|MEMBER_OF]->+(:Entity {id: $supporter}) })
           AND ($recipient IS NULL
                OR EXISTS { (p)-[:LOCATED_IN|BENEFITS|PART_OF]->+(:Entity {id: $recipient}) })
         WITH DISTINCT p
         RETURN collect({
           id: p.id, name: p.name, supportMode: p.supportMode,
           year: left(toString(coalesce(p.openedOn, p.year, p.startedOn)), 4),
           participantIds: [(x:Entity)-[:PARTICIPATES_IN]->(p) | x.id],
           recipientIds: CASE WHEN EXISTS { (p)-[:BENEFITS]->(:Entity) }
                          THEN [(p)-[:BENEFITS]->(y:Entity) | y.id]
                          ELSE [(p)-[:LOCATED_IN]->(y:Entity) | y.id] END
         }) AS projects
       }
       WITH supports, projects,
            [s IN supports | s.fromId] + reduce(ids = [], p IN projects | ids + p.participantIds) AS servedIds
       CALL {
         WITH servedIds
         MATCH (person:Person)-[:MEMBER_OF|HOLDS_POST]->(o:Entity)
         WHERE o.id IN servedIds
         RETURN collect(DISTINCT {personId: person.id, servesId: o.id}) AS memberPeople
       }
       RETURN supports, projects,
              memberPeople + [id IN servedIds WHERE id STARTS WITH 'person:' | {personId: id, servesId: id}] AS people`,
      { supporter, recipient },
    );
    return {
      supports: (row?.supports ?? []).map(toRelationshipRecord),
      projects: row?.projects ?? [],
      people: row?.people ?? [],
    };
  }
}
