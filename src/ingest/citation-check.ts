// The citation check: every entity, edge and quantity in the graph must have a citation whose quote
// stands in its source's text. It trusts nothing the graph says about itself (not the Cited label,
// not the Seeded one): a quote is looked up in the text beside the seeds, a place of the official
// list in the list itself. Run at start-up after loading, and as `npm run check`.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Graph } from '../db/graph.js';
import { DIVISION_LEVELS, readLevel, type GazetteerEdition } from '../gazetteer/division-list.js';
import { partOfIdOfCode } from '../gazetteer/place-props.js';
import { PLACE_LABEL, RELATIONSHIP_TYPES } from '../modules/entities/entities.mappers.js';
import { CITED_LABEL } from '../modules/provenance/cited.js';

export type FactKind = 'entity' | 'relationship' | 'quantity';

export interface UncitedFact {
  /** The fact's id; a node or edge written without one is named by its element id. */
  id: string;
  what: FactKind;
  /** Why it counts as uncited. */
  reason: string;
  /**
   * True when the API (hiding uncited facts) shows it anyway: a node with a Cited label it should not
   * have, or an edge between two shown entities.
   */
  shown: boolean;
}

export interface CitationCheckReport {
  checked: Record<FactKind, number>;
  uncited: UncitedFact[];
  seconds: number;
}

/** Places read per statement: the check reads the whole official list at national size. */
const PAGE = 50_000;

/** Each seed source's text, by source id (the seeds folder keeps the text beside the facts). */
export function sourceTexts(seedsDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (!fs.existsSync(seedsDir)) return texts;
  for (const d of fs.readdirSync(seedsDir, { withFileTypes: true })) {
    const file = path.join(seedsDir, d.name, 'source.yaml');
    if (!d.isDirectory() || !fs.existsSync(file)) continue;
    const source = parse(fs.readFileSync(file, 'utf8'), { schema: 'failsafe' }) as { id?: string; textFile?: string };
    const text = source.textFile ? path.join(seedsDir, d.name, source.textFile) : undefined;
    if (source.id && text && fs.existsSync(text)) texts.set(source.id, fs.readFileSync(text, 'utf8'));
  }
  return texts;
}

/** The official list as the check needs it: each code's name and parent code. */
function officialList(edition: GazetteerEdition): Map<string, { nameZh: string; parentCode: string | null }> {
  const list = new Map<string, { nameZh: string; parentCode: string | null }>();
  for (const level of DIVISION_LEVELS) for (const r of readLevel(edition, level)) list.set(r.code, { nameZh: r.nameZh, parentCode: r.parentCode });
  return list;
}

export async function checkCitations(graph: Graph, opts: { seedsDir: string; edition: GazetteerEdition }): Promise<CitationCheckReport> {
  const started = Date.now();
  const uncited: UncitedFact[] = [];
  const checked: Record<FactKind, number> = { entity: 0, relationship: 0, quantity: 0 };

  // Seed citations: a subject is cited when one of its quotes stands in its source's text.
  const texts = sourceTexts(opts.seedsDir);
  const citations = await graph.read<{ subjectId: string; quote: string; sourceId: string }>('check.citations', `// check.citations
    MATCH (c:Citation)-[:QUOTES]->(s:Source)
    RETURN c.subjectId AS subjectId, c.quote AS quote, s.id AS sourceId`);
  const verified = new Set<string>();
  const misquoted = new Map<string, string>();
  for (const c of citations) {
    const text = texts.get(c.sourceId);
    if (text === undefined) misquoted.set(c.subjectId, `its source ${c.sourceId} has no text beside the seeds to check the quote against`);
    else if (typeof c.quote === 'string' && c.quote.trim() && text.includes(c.quote)) verified.add(c.subjectId);
    else misquoted.set(c.subjectId, `its quote is not in the text of ${c.sourceId}: ${JSON.stringify(String(c.quote).slice(0, 80))}`);
  }
  const reasonFor = (id: string | null) => (id !== null && misquoted.get(id)) || 'no citation';

  // Places of the official list are cited by their record in it, when the list is loaded as a source.
  const [gazetteer] = await graph.read<{ loaded: boolean }>('check.gazetteer-source', `// check.gazetteer-source
    RETURN EXISTS { MATCH (:Source:Gazetteer) } AS loaded`);
  const list = gazetteer?.loaded ? officialList(opts.edition) : new Map<string, { nameZh: string; parentCode: string | null }>();

  // Entities without a code, every edge that is not a coded place's PART_OF, every quantity: few.
  const others = await graph.read<{ id: string | null; ref: string; what: FactKind; shown: boolean }>('check.facts', `// check.facts
    CALL {
      MATCH (e:Entity) WHERE e.code IS NULL
      RETURN e.id AS id, elementId(e) AS ref, 'entity' AS what, e:${CITED_LABEL} AS shown
      UNION ALL
      MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types AND (type(r) <> 'PART_OF' OR a.code IS NULL)
      RETURN r.id AS id, elementId(r) AS ref, 'relationship' AS what, a:${CITED_LABEL} AND b:${CITED_LABEL} AS shown
      UNION ALL
      MATCH (q:Quantity)
      RETURN q.id AS id, elementId(q) AS ref, 'quantity' AS what, q:${CITED_LABEL} AS shown
    }
    RETURN id, ref, what, shown`, { types: RELATIONSHIP_TYPES });
  for (const f of others) {
    checked[f.what] += 1;
    if (f.id !== null && verified.has(f.id)) continue;
    uncited.push({ id: f.id ?? `(no id) ${f.ref}`, what: f.what, reason: f.id === null ? 'it has no id, so nothing can cite it' : reasonFor(f.id), shown: f.shown });
  }

  // Places with a code, page by page in code order (the unique index), each with its PART_OF edges.
  let after = '';
  for (;;) {
    const page = await graph.read<{
      code: string; id: string | null; ref: string; name: string | null; shown: boolean;
      partOf: Array<{ id: string | null; ref: string; parentCode: string | null; shown: boolean }>;
    }>('check.places', `// check.places (a page in code order)
      MATCH (e:${PLACE_LABEL}) WHERE e.code > $after
      WITH e ORDER BY e.code LIMIT toInteger($page)
      RETURN e.code AS code, e.id AS id, elementId(e) AS ref, coalesce(e.officialName, e.nameZh) AS name, e:${CITED_LABEL} AS shown,
             [(e)-[r:PART_OF]->(p:Entity) | {id: r.id, ref: elementId(r), parentCode: p.code, shown: e:${CITED_LABEL} AND p:${CITED_LABEL}}] AS partOf`,
    { after, page: PAGE });
    for (const p of page) {
      checked.entity += 1;
      const official = list.get(String(p.code));
      const byList = official !== undefined && official.nameZh === p.name;
      if (!byList && !(p.id !== null && verified.has(p.id))) {
        const reason = !gazetteer?.loaded ? 'no citation (the official list is not loaded)'
          : official === undefined ? `code ${p.code} is not in the official list` : `the official list names ${p.code} ${official.nameZh}, not ${p.name}`;
        uncited.push({ id: p.id ?? `(no id) ${p.ref}`, what: 'entity', reason: p.id !== null && misquoted.has(p.id) ? misquoted.get(p.id)! : reason, shown: p.shown });
      }
      for (const r of p.partOf) {
        checked.relationship += 1;
        const stated = byList && r.id === partOfIdOfCode(p.code) && official!.parentCode === r.parentCode;
        if (stated || (r.id !== null && verified.has(r.id))) continue;
        uncited.push({ id: r.id ?? `(no id) ${r.ref}`, what: 'relationship', reason: reasonFor(r.id), shown: r.shown });
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.code;
  }
  return { checked, uncited, seconds: (Date.now() - started) / 1000 };
}

/** The check's outcome, kept in the graph so that `stats` can say it (the API cannot write). */
export async function recordCitationCheck(graph: Graph, report: CitationCheckReport): Promise<void> {
  await graph.write('check.record', `// check.record
    MERGE (c:CitationCheck {id: 'citations'})
    SET c.uncited = $uncited, c.uncitedIds = $ids, c.checkedAt = datetime()`,
  { uncited: report.uncited.length, ids: report.uncited.slice(0, 100).map((f) => f.id) });
}

export function formatCitationCheck(report: CitationCheckReport): string {
  const { entity, relationship, quantity } = report.checked;
  const head = `${entity} entities, ${relationship} relationships, ${quantity} quantities checked in ${report.seconds.toFixed(1)} s: `;
  if (report.uncited.length === 0) return `${head}every one is cited`;
  const lines = report.uncited.map((f) => `  ${f.what} ${f.id}: ${f.reason}${f.shown ? ' (SHOWN by the API)' : ' (hidden by the API)'}`);
  return `${head}${report.uncited.length} uncited\n${lines.join('\n')}`;
}
