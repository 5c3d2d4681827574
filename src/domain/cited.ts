// What the API may show: a fact the loaders wrote with its citation carries the Cited label (seed
// entities and quantities, and every place of the official list, which its record cites). A node
// written by any other route lacks it and stays out of every answer; the citation check
// (src/ingest/citation-check.ts) trusts no label and verifies the citations themselves.

/** The label the seed and gazetteer loaders put on each entity and quantity they write cited. */
export const CITED_LABEL = 'Cited';

/**
 * A Cypher predicate: the node may be shown. A label test on a node already found by a seek, so it
 * costs no extra read; `$showUncited` (AIDGRAPH_HIDE_UNCITED=false) is set on every read by
 * src/db/graph.ts.
 */
export const cited = (node: string) => `(${node}:${CITED_LABEL} OR $showUncited)`;

/**
 * A Cypher predicate: the edge may be shown. Edges carry no label, so the marker is what only the
 * loaders write: a seed edge holds the content hash of its cited record; the PART_OF edge the
 * official list states is `part-of:<the child's code>`. Read on an edge already reached.
 */
export const citedEdge = (rel: string) => `(${rel}.contentHash IS NOT NULL OR ${rel}.id = 'part-of:' + startNode(${rel}).code OR $showUncited)`;

/**
 * The same predicate for a PART_OF edge whose child (its start node) is bound to `child`: the
 * list's own mark is tried first, as it holds on nearly all of them (a walk of a county reads
 * hundreds), and the child's code is read off the node already bound.
 */
export const citedPartOf = (rel: string, child: string) => `(${rel}.id = 'part-of:' + ${child}.code OR ${rel}.contentHash IS NOT NULL OR $showUncited)`;
