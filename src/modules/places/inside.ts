// "Everything inside X", defined once for every field that asks it (twinnings, supports,
// aidSummary, Twinning.supports/projects/people): X itself and every entity that reaches X through
// PART_OF, LOCATED_IN or MEMBER_OF — Nagqu's counties and townships, the hospitals located there and
// their departments; Liaoning's cities, its aid team and the team's batches.
//
// Twinnings, supports, projects, posts and memberships come only from sources (seeds), so the
// entities that can hold them are the Seeded ones. "Inside X" is therefore read from X and the
// Seeded entities whose chain upwards reaches X: a cost that follows what the sources describe, not
// the size of X (Tibet holds 6,371 places of the official list, Liaoning 18,248).
export const INSIDE_TYPES = 'PART_OF|LOCATED_IN|MEMBER_OF';
/** Deep enough for village → township → county → city → province, and a team's batches below. */
export const INSIDE_DEPTH = 8;

/**
 * Binds `list` to the entities inside the one whose id is `idExpr` (itself included). `imports`
 * are the variables the subquery needs from the outer query (Cypher 5 importing WITH).
 */
export const collectInside = (idExpr: string, list: string, imports = '') => {
  const withImports = imports ? `WITH ${imports}\n` : '';
  return `
  CALL {
    ${withImports}CALL {
      ${withImports}MATCH (anchor:Entity {id: ${idExpr}}) RETURN anchor AS inner
      UNION
      ${withImports}MATCH (inner:Seeded) WHERE inner:Entity AND ${isBelow('inner', idExpr)} RETURN inner
    }
    RETURN collect(inner) AS ${list}
  }`;
};

const isBelow = (node: string, idExpr: string) =>
  `EXISTS { (${node})-[:${INSIDE_TYPES}]->{1,${INSIDE_DEPTH}}(:Entity {id: ${idExpr}}) }`;

/** A predicate: `node` is the entity whose id is `idExpr`, or lies inside it. */
export const isInside = (node: string, idExpr: string) => `(${node}.id = ${idExpr} OR ${isBelow(node, idExpr)})`;
