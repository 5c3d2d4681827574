// The administrative hierarchy read the way the API asks it: a place's parent and its children, as
// entity records, one statement per level for a whole batch of places (not every edge of each place
// filtered in JavaScript), and a chain of parent/children fields compiled into one statement.
import type { Graph } from '../../db/graph.js';
import { PLACE_CODE_ID } from '../../gazetteer/place-props.js';
import { PLACE_LABEL } from '../../domain/vocabulary.js';
import { parsePlace, type PlaceRecord } from '../entities/entities.mappers.js';
import { cited, citedEdge } from '../provenance/cited.js';

/** Which hierarchy fields a selection asks of a place, and what each asks in turn. */
export interface HierarchyShape {
  parent?: HierarchyShape;
  children?: HierarchyShape;
}

/** A place record with the hierarchy fields its shape asked for, as one statement returns it. */
export interface PlaceTree {
  e: Record<string, unknown>;
  parent?: PlaceTree | null;
  children?: PlaceTree[];
}

// In edge id order, as the generic edge reader lists them; only places (a team or bureau may be
// PART_OF a place too, but the hierarchy holds places only), and only cited ones.
const CHILDREN = (node: string, child: string) =>
  `COLLECT { MATCH (${node})<-[r:PART_OF]-(${child}:${PLACE_LABEL}) WHERE ${cited(child)} AND ${citedEdge('r')} RETURN ${child} ORDER BY r.id }`;
const PARENT = (node: string, parent: string) =>
  `COLLECT { MATCH (${node})-[r:PART_OF]->(${parent}:${PLACE_LABEL}) WHERE ${cited(parent)} AND ${citedEdge('r')} RETURN ${parent} ORDER BY r.id LIMIT 1 }`;

/** The map projection of `node` with the fields `shape` asks, nested; variables are numbered by depth. */
function projection(node: string, shape: HierarchyShape, depth: number): string {
  const fields = [`e: ${node} {.*}`];
  if (shape.parent) {
    const p = `p${depth}`;
    fields.push(`parent: head([${p} IN ${PARENT(node, p)} | ${projection(p, shape.parent, depth + 1)}])`);
  }
  if (shape.children) {
    const c = `c${depth}`;
    fields.push(`children: [${c} IN ${CHILDREN(node, c)} | ${projection(c, shape.children, depth + 1)}]`);
  }
  return `{${fields.join(', ')}}`;
}

const shapeKey = (s: HierarchyShape): string =>
  `(${s.parent ? `p${shapeKey(s.parent)}` : ''}${s.children ? `c${shapeKey(s.children)}` : ''})`;

export class HierarchyRepository {
  /** Compiled statements by shape: built from the fixed field names only, never from request text. */
  private static readonly trees = new Map<string, string>();

  constructor(private readonly graph: Graph) {}

  /** Each place's child places, in edge order, for many places in one round trip. */
  async childrenOf(ids: readonly string[]): Promise<PlaceRecord[][]> {
    const rows = await this.graph.read<{ id: string; children: Array<Record<string, unknown>> }>(
      'places.children',
      `// places.children
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       RETURN id, [c IN ${CHILDREN('e', 'c')} | c {.*}] AS children`,
      { ids },
    );
    const by = new Map(rows.map((r) => [r.id, r.children.map(parsePlace)]));
    return ids.map((id) => by.get(id) ?? []);
  }

  /** Each place's parent place (the first by edge id, as the generic edge reader would find it). */
  async parentOf(ids: readonly string[]): Promise<Array<PlaceRecord | null>> {
    const rows = await this.graph.read<{ id: string; parent: Record<string, unknown> | null }>(
      'places.parent',
      `// places.parent
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       RETURN id, [p IN ${PARENT('e', 'p')} | p {.*}][0] AS parent`,
      { ids },
    );
    const by = new Map(rows.map((r) => [r.id, r.parent ? parsePlace(r.parent) : null]));
    return ids.map((id) => by.get(id) ?? null);
  }

  /**
   * One entity, by id or by the `place:<code>` every official place answers to, with the
   * parent/children chain `shape` asks, in one statement. The shape's depth is bounded by the
   * caller (see hierarchy.ts), so the answer's size is too.
   */
  async tree(id: string, shape: HierarchyShape): Promise<PlaceTree | null> {
    const key = shapeKey(shape);
    let cypher = HierarchyRepository.trees.get(key);
    if (!cypher) {
      cypher = `// places.tree
       CALL {
         MATCH (n:Entity {id: $id}) RETURN n
         UNION
         MATCH (n:${PLACE_LABEL} {code: $code}) RETURN n
       }
       WITH n WHERE ${cited('n')}
       LIMIT 1
       RETURN ${projection('n', shape, 0)} AS tree`;
      HierarchyRepository.trees.set(key, cypher);
    }
    const code = PLACE_CODE_ID.exec(id)?.[1] ?? null;
    const [row] = await this.graph.read<{ tree: PlaceTree }>('places.tree', cypher, { id, code });
    return row?.tree ?? null;
  }
}
