// "Everything inside X", defined once for every field that asks it (partnerships, supports,
// aidSummary, Twinning.supports/projects/people): X itself and every entity that reaches X through
// PART_OF, LOCATED_IN or MEMBER_OF — Nagqu's counties, townships and villages, the hospitals located
// there and their departments; Liaoning's cities, its aid team and the team's batches.
// Statements walk down from X, anchored on its id, or check upwards from a candidate; never by
// scanning a whole relationship type.
export const INSIDE_TYPES = 'PART_OF|LOCATED_IN|MEMBER_OF';
/** Deep enough for village → township → county → city → province, and a team's batches below. */
export const INSIDE_DEPTH = 8;

/** Binds `list` to the ids inside the entity whose id is `$param` (X included). */
export const collectInside = (param: string, list: string) => `
  CALL {
    MATCH (anchor:Entity {id: $${param}})
    MATCH (inner:Entity)-[:${INSIDE_TYPES}]->{0,${INSIDE_DEPTH}}(anchor)
    RETURN collect(DISTINCT inner) AS ${list}
  }`;

/** A predicate: `node` is the entity whose id is `idExpr`, or lies inside it. */
export const isInside = (node: string, idExpr: string) =>
  `(${node}.id = ${idExpr} OR EXISTS { (${node})-[:${INSIDE_TYPES}]->{1,${INSIDE_DEPTH}}(:Entity {id: ${idExpr}}) })`;
