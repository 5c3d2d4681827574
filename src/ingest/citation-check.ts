// The citation check: every entity, edge and quantity in the graph must have a citation whose quote
// stands in its source's text. It trusts nothing the graph says about itself (not the Cited label,
// not the Seeded one): a quote is looked up in the text beside the seeds, a place of the official
// list in the list itself. Run at start-up after loading, and as `npm run check`.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Graph } from '../db/graph.js';
import { DIVISION_LEVELS } from '../domain/division-codes.js';
import { readLevel, type GazetteerEdition } from '../gazetteer/division-list.js';
import { partOfIdOfCode } from '../domain/ids.js';
import { PLACE_LABEL, RELATIONSHIP_TYPES } from '../domain/vocabulary.js';
import { cited, citedEdge } from '../domain/cited.js';
import { statement } from '../db/statement.js';

export type FactKind = 'entity' | 'relationship' | 'quantity';

export interface UncitedFact {
  /** The fact's id; a node or edge written without one is named by its element id. */
  id: string;
  what: FactKind;
  /** Why it counts as uncited. */
  reason: string;
  /**
   * True when the API shows it anyway: hiding is off (AIDGRAPH_HIDE_UNCITED=false), or it carries the
   * marker of a cited fact (src/domain/cited.ts) that it should not.
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
/**
 * The check's statements read every edge and every place of the graph: at national size on a busy
 * machine one took longer than the API's 15 s (a `seed` then failed with QUERY_TIMEOUT). It is a
 * loader's job, run at start-up and after a load, not an answer someone waits for.
 */
const CHECK_TIMEOUT_MS = 10 * 60_000;
const long = { timeoutMs: CHECK_TIMEOUT_MS };

/** What the check needs of a source.yaml: its id and its text file (the seed validation checks the rest). */
const SourceFileRef = z.object({ id: z.string().optional(), textFile: z.string().optional() });

/** Each seed source's text, by source id (the seeds folder keeps the text beside the facts). */
export function sourceTexts(seedsDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (!fs.existsSync(seedsDir)) return texts;
  for (const d of fs.readdirSync(seedsDir, { withFileTypes: true })) {
    const file = path.join(seedsDir, d.name, 'source.yaml');
    if (!d.isDirectory() || !fs.existsSync(file)) continue;
    const source = SourceFileRef.parse(parse(fs.readFileSync(file, 'utf8'), { schema: 'failsafe' }));
    const text = source.textFile ? path.join(seedsDir, d.name, source.textFile) : undefined;
    if (source.id && text && fs.existsSync(text)) texts.set(source.id, fs.readFileSync(text, 'utf8'));
  }
  return texts;
}

/**
 * The official list as the check needs it, for the provinces the graph holds places of: each code's
 * name and parent code, as one string per code (a national list is 665k of them).
 */
function officialList(edition: GazetteerEdition, provinces: string[]): Map<string, string> {
  const list = new Map<string, string>();
  for (const level of DIVISION_LEVELS) for (const r of readLevel(edition, level, provinces)) list.set(r.code, `${r.nameZh}|${r.parentCode ?? ''}`);
  return list;
}

export async function checkCitations(graph: Graph, opts: { seedsDir: string; edition: GazetteerEdition }): Promise<CitationCheckReport> {
  const started = Date.now();
  const uncited: UncitedFact[] = [];
  const checked: Record<FactKind, number> = { entity: 0, relationship: 0, quantity: 0 };

  // Seed citations: a subject is cited when one of its quotes stands in its source's text.
  const texts = sourceTexts(opts.seedsDir);
  const citations = await graph.read<{ subjectId: string; quote: string; sourceId: string }>(statement(`// check.citations
    MATCH (c:Citation)-[:QUOTES]->(s:Source)
    RETURN c.subjectId AS subjectId, c.quote AS quote, s.id AS sourceId`), {}, long);
  // Cited: at least one quote found in its source's text, and none missing from it.
  const verified = new Set<string>();
  const misquoted = new Map<string, string>();
  for (const c of citations) {
    const text = texts.get(c.sourceId);
    if (text === undefined) misquoted.set(c.subjectId, `its source ${c.sourceId} has no text beside the seeds to check the quote against`);
    else if (typeof c.quote === 'string' && c.quote.trim() && text.includes(c.quote)) verified.add(c.subjectId);
    else misquoted.set(c.subjectId, `its quote is not in the text of ${c.sourceId}: ${JSON.stringify(String(c.quote).slice(0, 80))}`);
  }
  const isCited = (id: string | null) => id !== null && verified.has(id) && !misquoted.has(id);
  const reasonFor = (id: string | null) => (id !== null && misquoted.get(id)) || 'no citation';

  // Places of the official list are cited by their record in it, when the list is loaded as a source.
  const [gazetteer] = await graph.read<{ loaded: boolean; provinces: string[] }>(statement(`// check.gazetteer-source
    RETURN EXISTS { MATCH (:Source:Gazetteer) } AS loaded,
           COLLECT { MATCH (p:${PLACE_LABEL}) WHERE p.code STARTS WITH '' RETURN DISTINCT substring(p.code, 0, 2) } AS provinces`), {}, long);
  const list = gazetteer?.loaded ? officialList(opts.edition, gazetteer.provinces) : new Map<string, string>();

  // Entities without a code, every edge that is not a coded place's PART_OF, every quantity: few.
  const others = await graph.read<{ id: string | null; ref: string; what: FactKind; shown: boolean }>(statement(`// check.facts
    CALL {
      MATCH (e:Entity) WHERE e.code IS NULL
      RETURN e.id AS id, elementId(e) AS ref, 'entity' AS what, ${cited('e')} AS shown
      UNION ALL
      MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types AND (type(r) <> 'PART_OF' OR a.code IS NULL)
      RETURN r.id AS id, elementId(r) AS ref, 'relationship' AS what, ${cited('a')} AND ${cited('b')} AND ${citedEdge('r')} AS shown
      UNION ALL
      MATCH (q:Quantity)
      RETURN q.id AS id, elementId(q) AS ref, 'quantity' AS what, ${cited('q')} AS shown
    }
    RETURN id, ref, what, shown`), { types: RELATIONSHIP_TYPES }, long);
  for (const f of others) {
    checked[f.what] += 1;
    if (isCited(f.id)) continue;
    uncited.push({ id: f.id ?? `(no id) ${f.ref}`, what: f.what, reason: f.id === null ? 'it has no id, so nothing can cite it' : reasonFor(f.id), shown: f.shown });
  }

  // Places with a code, page by page in code order (the unique index), each with its PART_OF edges.
  let after = '';
  for (;;) {
    // Rows as short lists: the driver builds each one, and a national check reads 665k of them.
    const page = await graph.read<{ p: [code: string, id: string | null, name: string | null, shown: boolean, ref: string | null];
      partOf: Array<[id: string | null, parentCode: string | null, shown: boolean, ref: string | null]> }>(statement(`// check.places
      // a page in code order
      MATCH (e:${PLACE_LABEL}) WHERE e.code > $after
      WITH e ORDER BY e.code LIMIT toInteger($page)
      RETURN [e.code, e.id, coalesce(e.officialName, e.nameZh), ${cited('e')}, CASE WHEN e.id IS NULL THEN elementId(e) END] AS p,
             [(e)-[r:PART_OF]->(parent:Entity) | [r.id, parent.code, ${cited('e')} AND ${cited('parent')} AND ${citedEdge('r')}, CASE WHEN r.id IS NULL THEN elementId(r) END]] AS partOf`),
    { after, page: PAGE }, long);
    for (const { p: [code, id, name, shown, ref], partOf } of page) {
      checked.entity += 1;
      const official = list.get(code);
      const [officialName, parentCode] = official?.split('|') ?? [];
      const byList = officialName !== undefined && officialName === name;
      if ((id !== null && misquoted.has(id)) || (!byList && !isCited(id))) {
        const reason = id !== null && misquoted.has(id) ? misquoted.get(id)!
          : !gazetteer?.loaded ? 'no citation (the official list is not loaded)'
          : official === undefined ? `code ${code} is not in the official list` : `the official list names ${code} ${officialName}, not ${name}`;
        uncited.push({ id: id ?? `(no id) ${ref}`, what: 'entity', reason, shown });
      }
      for (const [rid, parent, edgeShown, rref] of partOf) {
        checked.relationship += 1;
        const stated = byList && rid === partOfIdOfCode(code) && (parentCode || null) === parent;
        if ((stated && !(rid !== null && misquoted.has(rid))) || isCited(rid)) continue;
        uncited.push({ id: rid ?? `(no id) ${rref}`, what: 'relationship', reason: reasonFor(rid), shown: edgeShown });
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.p[0];
  }
  return { checked, uncited, seconds: (Date.now() - started) / 1000 };
}

/** The check's outcome, kept in the graph so that `stats` can say it (the API cannot write). */
export async function recordCitationCheck(graph: Graph, report: CitationCheckReport): Promise<void> {
  await graph.write(statement(`// check.record
    MERGE (c:CitationCheck {id: 'citations'})
    SET c.uncited = $uncited, c.uncitedIds = $ids, c.checkedAt = datetime()`),
  { uncited: report.uncited.length, ids: report.uncited.slice(0, 100).map((f) => f.id) });
}

export function formatCitationCheck(report: CitationCheckReport): string {
  const { entity, relationship, quantity } = report.checked;
  const head = `${entity} entities, ${relationship} relationships, ${quantity} quantities checked in ${report.seconds.toFixed(1)} s: `;
  if (report.uncited.length === 0) return `${head}every one is cited`;
  const lines = report.uncited.map((f) => `  ${f.what} ${f.id}: ${f.reason}${f.shown ? ' (SHOWN by the API)' : ' (hidden by the API)'}`);
  return `${head}${report.uncited.length} uncited\n${lines.join('\n')}`;
}
