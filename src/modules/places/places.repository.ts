// Places read the way the API asks them: by official code, a place's ancestors, its parent and its
// children, as place records, one statement per level for a whole batch of places (not every edge of
// each place filtered in JavaScript), and the walk a root entity's selection asks, as fields of its
// read-ahead statement (src/modules/entities/read-ahead.ts).
import type { Graph } from '../../db/graph.js';
import { PLACE_LABEL } from '../../domain/vocabulary.js';
import { parsePlace, type PlaceRecord } from './places.mappers.js';
import { cited, citedPartOf } from '../../domain/cited.js';
import { entityRow, namesRow, type StoredEntity } from '../entities/projection.js';
import { statement } from '../../db/statement.js';

/**
 * How much of a place a selection reads: its names (id, kind, name), its names with nameZh, or its
 * whole record. A walk reads each step's places so (hierarchy.ts decides, from the selection), and
 * PlaceService answers a parent or children field from a walk only where what the walk read covers
 * what the field's selection asks.
 */
export type PlaceReading = 'names' | 'names-zh' | 'whole';

/** Which hierarchy fields a selection asks of a place, and what each asks in turn. */
export interface HierarchyShape {
  parent?: HierarchyShape;
  children?: HierarchyShape;
  /** How much of this step's places the walk reads (parsePlaceNames for names); absent: whole records. */
  reads?: PlaceReading;
}

/** A place record with the hierarchy fields its shape asked for, as one statement returns it. */
export interface PlaceTree {
  e: StoredEntity;
  parent?: WalkStep | null;
  children?: WalkStep[];
}

/**
 * One place of a walk: a tree when its shape asks further, else its row alone (the leaves, a
 * county's villages, are most of an answer, and a map around each row was one more to decode); the
 * row is a names row when the step's shape reads names only.
 */
export type WalkStep = PlaceTree | StoredEntity;

/** The shape asks nothing beyond the place itself. */
export const isLeaf = (shape: HierarchyShape): boolean => !shape.parent && !shape.children;

/**
 * Cypher: `node` as a member of the hierarchy, which holds places only. A place's parent, children
 * and ancestors are the places it is PART_OF or that are PART_OF it; aid teams, bureaus and hospital
 * departments are PART_OF places too, but they are what a place hosts (PlaceService.located lists
 * them), not its children. The rule is this label on every hierarchy pattern, written here once: in
 * the statement, the label narrows the expansion, where a filter in JavaScript would first read a
 * county's every PART_OF edge.
 */
const inHierarchy = (node: string) => `${node}:${PLACE_LABEL}`;

// In edge id order, as the generic edge reader lists them; places only, and only cited ones.
const CHILDREN = (node: string, child: string) =>
  `COLLECT { MATCH (${node})<-[r:PART_OF]-(${inHierarchy(child)}) WHERE ${cited(child)} AND ${citedPartOf('r', child)} RETURN ${child} ORDER BY r.id }`;
const PARENT = (node: string, parent: string) =>
  `COLLECT { MATCH (${node})-[r:PART_OF]->(${inHierarchy(parent)}) WHERE ${cited(parent)} AND ${citedPartOf('r', node)} RETURN ${parent} ORDER BY r.id LIMIT 1 }`;

/** Cypher: a place of a walk as its step's shape reads it (a names row, or its whole entity row). */
const stepRow = (node: string, shape: HierarchyShape) =>
  (!shape.reads || shape.reads === 'whole' ? entityRow(node) : namesRow(node, shape.reads === 'names-zh'));

/** The fields of `node`'s map projection that its walk asks, nested; variables are numbered by depth. */
export function walkFields(node: string, shape: HierarchyShape, depth: number): string[] {
  const fields = [`e: ${stepRow(node, shape)}`];
  if (shape.parent) {
    const p = `p${depth}`;
    fields.push(`parent: head([${p} IN ${PARENT(node, p)} | ${walkStep(p, shape.parent, depth + 1)}])`);
  }
  if (shape.children) {
    const c = `c${depth}`;
    fields.push(`children: [${c} IN ${CHILDREN(node, c)} | ${walkStep(c, shape.children, depth + 1)}]`);
  }
  return fields;
}

const walkStep = (node: string, shape: HierarchyShape, depth: number): string =>
  isLeaf(shape) ? stepRow(node, shape) : `{${walkFields(node, shape, depth).join(', ')}}`;

export const walkKey = (s: HierarchyShape): string =>
  `(${s.reads === 'names' ? 'r' : s.reads === 'names-zh' ? 'rz' : ''}${s.parent ? `p${walkKey(s.parent)}` : ''}${s.children ? `c${walkKey(s.children)}` : ''})`;

export class PlaceRepository {
  constructor(private readonly graph: Graph) {}

  /** Places by their official codes, for many codes in one round trip. */
  async placesByCodes(codes: readonly string[]): Promise<Array<PlaceRecord | null>> {
    const rows = await this.graph.read<{ e: StoredEntity }>(
      statement(`// places.by-code
       MATCH (e:${PLACE_LABEL}) WHERE e.code IN $codes AND ${cited('e')}
       RETURN ${entityRow('e')} AS e`),
      { codes },
    );
    const by = new Map(rows.map(({ e }) => parsePlace(e)).map((p) => [p.code, p]));
    return codes.map((c) => by.get(c) ?? null);
  }

  /** Each place's ancestors, parent first, for many places in one round trip. */
  async ancestorsOf(ids: readonly string[]): Promise<PlaceRecord[][]> {
    const rows = await this.graph.read<{ id: string; chain: StoredEntity[] }>(
      statement(`// places.ancestors
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       CALL {
         WITH e
         MATCH path = (e)-[:PART_OF]->{1,5}(${inHierarchy('a')}) WHERE ${cited('a')}
         WITH a, min(length(path)) AS distance
         RETURN a ORDER BY distance
       }
       RETURN id, collect(${entityRow('a')}) AS chain`),
      { ids },
    );
    const by = new Map(rows.map((r) => [r.id, r.chain.map(parsePlace)]));
    return ids.map((id) => by.get(id) ?? []);
  }

  /** Each place's child places, in edge order, for many places in one round trip. */
  async childrenOf(ids: readonly string[]): Promise<PlaceRecord[][]> {
    const rows = await this.graph.read<{ id: string; children: StoredEntity[] }>(
      statement(`// places.children
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       RETURN id, [c IN ${CHILDREN('e', 'c')} | ${entityRow('c')}] AS children`),
      { ids },
    );
    const by = new Map(rows.map((r) => [r.id, r.children.map(parsePlace)]));
    return ids.map((id) => by.get(id) ?? []);
  }

  /** Each place's parent place (the first by edge id, as the generic edge reader would find it). */
  async parentOf(ids: readonly string[]): Promise<Array<PlaceRecord | null>> {
    const rows = await this.graph.read<{ id: string; parent: StoredEntity | null }>(
      statement(`// places.parent
       UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       RETURN id, [p IN ${PARENT('e', 'p')} | ${entityRow('p')}][0] AS parent`),
      { ids },
    );
    const by = new Map(rows.map((r) => [r.id, r.parent ? parsePlace(r.parent) : null]));
    return ids.map((id) => by.get(id) ?? null);
  }
}
