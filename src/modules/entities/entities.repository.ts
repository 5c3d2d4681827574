// Entities and the edges between them, read by id in batches (the loaders in context.ts call these).
import type { Graph } from '../../db/graph.js';
import { perLabel } from '../../db/per-label.js';
import { PLACE_CODE_ID } from '../../gazetteer/place-props.js';
import { PLACE_LABEL, RELATIONSHIP_TYPES, relationshipTypeOfId, type RelationshipType } from '../../domain/vocabulary.js';
import { cited, citedEdge } from '../provenance/cited.js';
import { parseEntity, parsePlace, type EntityRecord, type PlaceRecord } from './entities.mappers.js';
import { parseRelationship, type RelationshipRecord, type RelRow } from './relationships.mappers.js';

// One read per relationship type: types cannot be parameters, and a typed match uses the id index.
const RELATIONSHIPS_BY_ID = perLabel(RELATIONSHIP_TYPES, (t) => `// entities.relationships-by-id (${t})
     MATCH (a:Entity)-[r:${t}]->(b:Entity) WHERE r.id IN $ids AND ${citedEdge('r')} AND ${cited('a')} AND ${cited('b')}
     RETURN type(r) AS type, a.id AS fromId, b.id AS toId, r {.*} AS props`);

export class EntityRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * Entities by id. `place:<code>` is the stable id of every place of the official list, also of one
   * a seed has claimed under its own id (`place:540624` is `county:amdo`).
   */
  async byIds(ids: readonly string[]): Promise<Array<EntityRecord | null>> {
    const codes = ids.map((id) => PLACE_CODE_ID.exec(id)?.[1]).filter((c): c is string => !!c);
    const rows = await this.graph.read<{ e: Record<string, unknown> }>(
      'entities.by-id',
      `// entities.by-id
       MATCH (e:Entity) WHERE e.id IN $ids AND ${cited('e')}
       RETURN e {.*} AS e
       UNION
       MATCH (e:${PLACE_LABEL}) WHERE e.code IN $codes AND ${cited('e')}
       RETURN e {.*} AS e`,
      { ids, codes },
    );
    const byId = new Map<string, EntityRecord>();
    const byCode = new Map<string, EntityRecord>();
    for (const { e } of rows) {
      const rec = parseEntity(e);
      byId.set(rec.id, rec);
      if (rec.code) byCode.set(rec.code, rec);
    }
    return ids.map((id) => byId.get(id) ?? byCode.get(PLACE_CODE_ID.exec(id)?.[1] ?? '') ?? null);
  }

  async placesByCodes(codes: readonly string[]): Promise<Array<PlaceRecord | null>> {
    const rows = await this.graph.read<{ e: Record<string, unknown> }>(
      'places.by-code',
      `// places.by-code
       MATCH (e:${PLACE_LABEL}) WHERE e.code IN $codes AND ${cited('e')}
       RETURN e {.*} AS e`,
      { codes },
    );
    const by = new Map(rows.map(({ e }) => [String(e.code), parsePlace(e)]));
    return codes.map((c) => by.get(c) ?? null);
  }

  /** Each place's ancestors, parent first, for many places in one round trip. */
  async ancestorsOf(ids: readonly string[]): Promise<PlaceRecord[][]> {
    const rows = await this.graph.read<{ id: string; chain: Array<Record<string, unknown>> }>(
      'places.ancestors',
      `// places.ancestors
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       CALL {
         WITH e
         MATCH path = (e)-[:PART_OF]->{1,5}(a:${PLACE_LABEL}) WHERE ${cited('a')}
         WITH a, min(length(path)) AS distance
         RETURN a ORDER BY distance
       }
       RETURN id, collect(a {.*}) AS chain`,
      { ids },
    );
    const by = new Map(rows.map((r) => [r.id, r.chain.map(parsePlace)]));
    return ids.map((id) => by.get(id) ?? []);
  }

  /**
   * Every edge touching each entity, both directions, in one round trip for all of them, with the
   * entity at the far end of each: the fields that follow an edge (supporter, beneficiary, from,
   * to) then find it without a statement of their own.
   */
  async relationshipsWithEndsOf(ids: readonly string[]): Promise<{ edges: RelationshipRecord[][]; ends: EntityRecord[] }> {
    const rows = await this.graph.read<RelRow & { id: string; other: Record<string, unknown> }>(
      'entities.relationships-with-ends-of',
      `// entities.relationships-with-ends-of
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})-[r]-(other:Entity) WHERE ${cited('other')} AND ${citedEdge('r')}
       RETURN id, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId, r {.*} AS props, other {.*} AS other
       ORDER BY type, r.id`,
      { ids },
    );
    const by = new Map<string, RelationshipRecord[]>();
    const ends = new Map<string, EntityRecord>();
    for (const row of rows) {
      const list = by.get(row.id) ?? [];
      list.push(parseRelationship(row));
      by.set(row.id, list);
      const other = parseEntity(row.other);
      ends.set(other.id, other);
    }
    return { edges: ids.map((id) => by.get(id) ?? []), ends: [...ends.values()] };
  }

  async relationshipsByIds(ids: readonly string[]): Promise<Array<RelationshipRecord | null>> {
    const byType = new Map<RelationshipType, string[]>();
    for (const id of ids) {
      const type = relationshipTypeOfId(id);
      if (type) byType.set(type, [...(byType.get(type) ?? []), id]);
    }
    const found = new Map<string, RelationshipRecord>();
    for (const [type, typeIds] of byType) {
      const rows = await this.graph.read<RelRow>(
        'entities.relationships-by-id', RELATIONSHIPS_BY_ID(type), { ids: typeIds },
      );
      for (const row of rows) found.set(String(row.props.id), parseRelationship(row));
    }
    return ids.map((id) => found.get(id) ?? null);
  }
}
