// "Everything inside X", defined once for every field that asks it (twinnings, supports,
// aidSummary, Twinning.supports/projects/people): X itself and every entity that reaches X through
// PART_OF, LOCATED_IN or MEMBER_OF — Nagqu's counties and townships, the hospitals located there and
// their departments; Liaoning's cities, its aid team and the team's batches.
//
// Twinnings, supports, projects, posts and memberships come only from sources (seeds), so the
// entities that can hold them are the Seeded ones. "Inside X" is therefore X and the Seeded
// entities whose chain upwards reaches X: a cost that follows what the sources describe below X,
// not the size of X (Tibet holds 6,371 places of the official list, Liaoning 18,248) nor the size
// of the whole knowledge layer.
//
// How they are found without reading every Seeded entity: a seed edge joins two Seeded entities
// (every end of a seed relationship is a seed entity), so a node only the official list knows
// carries nothing but the list's own PART_OF, which follows the division codes. A Seeded entity
// below X is thus reached from X downwards through Seeded nodes only, or from a Seeded place whose
// code lies under the code of X or of a coded place so reached (a prefix seek on seeded_code), and
// then downwards through Seeded nodes again. Each candidate is still checked with the one
// definition (its chain upwards reaches X within INSIDE_DEPTH), so the answer never holds more.
export const INSIDE_TYPES = 'PART_OF|LOCATED_IN|MEMBER_OF';
/** Deep enough for village → township → county → city → province, and a team's batches below. */
export const INSIDE_DEPTH = 8;

const DOWN = `(()<-[:${INSIDE_TYPES}]-(:Seeded)){1,${INSIDE_DEPTH}}`;

/**
 * Binds `list` to the entities inside the one whose id is `idExpr` (itself included). `imports`
 * are the variables the subquery needs from the outer query (Cypher 5 importing WITH).
 */
export const collectInside = (idExpr: string, list: string, imports = '') => {
  const withImports = imports ? `WITH ${imports}\n` : '';
  return `
  CALL {
    ${withImports}CALL {
      ${withImports}MATCH (insideAnchor:Entity {id: ${idExpr}})
      OPTIONAL MATCH (insideAnchor)${DOWN}(walked)
      WITH insideAnchor, collect(DISTINCT walked) AS walked
      WITH insideAnchor, walked, [c IN [insideAnchor.code] + [w IN walked | w.code] WHERE c IS NOT NULL] AS codes
      // Only the outermost codes: a code under another one is read by that one's seek.
      WITH insideAnchor, walked, [c IN codes WHERE none(o IN codes WHERE o <> c AND c STARTS WITH o)] AS roots
      CALL {
        WITH roots
        UNWIND roots AS root
        MATCH (coded:Seeded) WHERE coded.code STARTS WITH root
        RETURN collect(DISTINCT coded) AS coded
      }
      WITH insideAnchor, walked, [t IN coded WHERE t <> insideAnchor AND NOT t IN walked] AS tops
      CALL {
        WITH tops
        UNWIND tops AS top
        OPTIONAL MATCH (top)${DOWN}(below)
        RETURN collect(DISTINCT below) AS below
      }
      UNWIND [insideAnchor] + walked + tops + below AS inner
      WITH DISTINCT insideAnchor, inner
      WHERE inner = insideAnchor OR (inner:Entity AND EXISTS { (inner)-[:${INSIDE_TYPES}]->{1,${INSIDE_DEPTH}}(insideAnchor) })
      RETURN inner
    }
    RETURN collect(inner) AS ${list}
  }`;
};

const isBelow = (node: string, idExpr: string) =>
  `EXISTS { (${node})-[:${INSIDE_TYPES}]->{1,${INSIDE_DEPTH}}(:Entity {id: ${idExpr}}) }`;

/** A predicate: `node` is the entity whose id is `idExpr`, or lies inside it. */
export const isInside = (node: string, idExpr: string) => `(${node}.id = ${idExpr} OR ${isBelow(node, idExpr)})`;
