// Reads every seed folder and validates the whole dataset before anything is written: each record
// against its schema, then across records (unique ids, edge ends that exist, citations of known
// sources, kinds that fit the edge). Errors name the file, line, record and field.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { isPlaceKind, kindOfLabel, RELATIONSHIP_ID_PREFIX, type EntityKind, type RelationshipType } from '../domain/vocabulary.js';
import {
  CitationSeed, EntitySeed, ID_PREFIXES, QuantitySeed, RELATIONSHIP_PROPERTIES, RelationshipSeed, SourceSeed,
} from './seed-schema.js';
import { gazetteerEdition, levelOfCode, readRecords, type GazetteerEdition } from '../gazetteer/division-list.js';
import { officialProps, partOfIdOfCode, searchProps } from '../gazetteer/place-props.js';
import { metricIssues } from '../modules/provenance/metrics.js';
import { qualityIssues } from './quality.js';

export interface SeedIssue {
  file: string;
  line?: number | undefined;
  record?: string | undefined;
  field?: string | undefined;
  reason: string;
}

export class SeedValidationError extends Error {
  constructor(readonly issues: SeedIssue[]) {
    super(`seed validation failed with ${issues.length} error(s):\n${issues.map(formatIssue).join('\n')}`);
  }
}

export function formatIssue(i: SeedIssue): string {
  const where = [i.file + (i.line ? `:${i.line}` : ''), i.record && `record ${i.record}`, i.field && `field "${i.field}"`]
    .filter(Boolean)
    .join(', ');
  return `  ${where}: ${i.reason}`;
}

/** Rows ready for the loader: flat, with derived ids, content hashes and search keys. */
export interface Dataset {
  sources: Array<{ id: string; props: Record<string, unknown> }>;
  entities: Array<{ id: string; kind: EntityKind; props: Record<string, unknown> }>;
  relationships: Array<{ id: string; type: RelationshipType; from: string; to: string; props: Record<string, unknown> }>;
  quantities: Array<{ id: string; props: Record<string, unknown> }>;
  citations: Array<{ id: string; subjectId: string; sourceId: string; quote: string }>;
}

interface Located<T> { value: T; line: number | undefined; index: number }

function readYamlList(file: string, issues: SeedIssue[], rel: string): Located<unknown>[] {
  if (!fs.existsSync(file)) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter, uniqueKeys: true });
  for (const e of doc.errors) {
    issues.push({ file: rel, line: e.linePos?.[0]?.line, reason: `YAML: ${e.message.split('\n')[0]}` });
  }
  if (doc.errors.length) return [];
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    issues.push({ file: rel, reason: 'must be a YAML list of records' });
    return [];
  }
  return doc.contents.items.map((item, index) => ({
    value: (item as YamlNode).toJSON(),
    line: (item as YamlNode).range ? lineCounter.linePos((item as YamlNode).range![0]).line : undefined,
    index,
  }));
}

function zodIssues(error: z.ZodError, base: Omit<SeedIssue, 'reason' | 'field'>): SeedIssue[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ ...base, field: [...i.path, key].join('.'), reason: `unknown field "${key}"` }))
      : [{ ...base, field: i.path.join('.') || undefined, reason: i.message }],
  );
}

function rawId(value: unknown): string | undefined {
  return typeof value === 'object' && value && 'id' in value ? String((value as { id: unknown }).id) : undefined;
}

function recordLabel(index: number, value: unknown): string {
  const id = typeof value === 'object' && value && 'id' in value ? String((value as { id: unknown }).id) : undefined;
  return id ? `#${index} (${id})` : `#${index}`;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);
}


/** Endpoint rules per edge type: [allowed from kinds, allowed to kinds] (undefined = any). */
const ENDPOINTS: Partial<Record<RelationshipType, [((k: EntityKind) => boolean) | undefined, ((k: EntityKind) => boolean) | undefined, string]>> = {
  TWINNED_WITH: [isPlaceKind, isPlaceKind, 'a place to a place'],
  HOLDS_POST: [(k) => k === 'PERSON', undefined, 'a person to an organisation'],
  WORKS_AT: [(k) => k === 'PERSON', undefined, 'a person to an employer'],
  COMES_FROM: [(k) => k === 'PERSON', isPlaceKind, 'a person to a place'],
  PARTICIPATES_IN: [undefined, (k) => k === 'PROJECT' || k === 'EVENT', 'a participant to a project or event'],
  BENEFITS: [(k) => k === 'PROJECT' || k === 'EVENT', undefined, 'a project or event to a beneficiary'],
  MEMBER_OF: [(k) => k === 'PERSON' || k === 'ORGANIZATION', (k) => k === 'ORGANIZATION', 'a person or batch to a team'],
};

export interface LoadOptions {
  /**
   * Whether records a person has not confirmed (`status: draft`, written by `source add`) may be
   * in the dataset. Off by default: a load refuses them, so nothing unconfirmed reaches users.
   */
  includeDrafts?: boolean;
}

/** The dataset, and the ids of its draft records (empty unless drafts were included). */
export type CheckedDataset = Dataset & { drafts: string[] };

export function loadSeedFolders(seedsDir: string, edition: GazetteerEdition = gazetteerEdition(), opts: LoadOptions = {}): CheckedDataset {
  const issues: SeedIssue[] = [];
  const relPath = (f: string) => path.relative(process.cwd(), f) || f;
  const folders = fs.existsSync(seedsDir)
    ? fs.readdirSync(seedsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(seedsDir, d.name)).sort()
    : [];
  if (folders.length === 0) throw new SeedValidationError([{ file: relPath(seedsDir), reason: 'no seed folders found' }]);

  const data: CheckedDataset = { sources: [], entities: [], relationships: [], quantities: [], citations: [], drafts: [] };
  /** Draft records per folder, refused together (one line per folder) unless drafts are included. */
  const draftsIn = new Map<string, string[]>();
  const noteDraft = (folder: string, id: string, status: 'draft' | undefined) => {
    if (status !== 'draft') return;
    data.drafts.push(id);
    draftsIn.set(folder, [...(draftsIn.get(folder) ?? []), id]);
  };
  const kindOf = new Map<string, EntityKind>();
  const relIds = new Set<string>();
  const claims = new Map<string, Claim>();
  const sourceIds = new Set<string>();
  const citationIds = new Set<string>();
  const pendingRefs: Array<() => void> = [];
  const brokenIds = new Set<string | undefined>();
  const locations = new Map<string, Omit<SeedIssue, 'reason'>>();
  const exists = (id: string) => kindOf.has(id) || relIds.has(id) || brokenIds.has(id);
  /** Places that name their official code, and where. */
  const coded = new Map<string, { code: string; where: Omit<SeedIssue, 'reason'> }>();
  const partOfEdges: Array<{ id: string; from: string; to: string; where: Omit<SeedIssue, 'reason'> }> = [];

  for (const folder of folders) {
    const sourceFile = path.join(folder, 'source.yaml');
    const sourceRel = relPath(sourceFile);
    if (!fs.existsSync(sourceFile)) {
      issues.push({ file: relPath(folder), reason: 'a seed folder needs a source.yaml' });
      continue;
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(fs.readFileSync(sourceFile, 'utf8'), { lineCounter, uniqueKeys: true });
    const parsedSource = SourceSeed.safeParse(doc.toJSON());
    if (doc.errors.length || !parsedSource.success) {
      if (!parsedSource.success) issues.push(...zodIssues(parsedSource.error, { file: sourceRel }));
      for (const e of doc.errors) issues.push({ file: sourceRel, reason: `YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    const source = parsedSource.data;
    if (source.textFile && !fs.existsSync(path.join(folder, source.textFile))) {
      issues.push({ file: sourceRel, field: 'textFile', reason: `no file ${source.textFile} in ${relPath(folder)}: the source's text travels with its seeds` });
    }
    if (sourceIds.has(source.id)) issues.push({ file: sourceRel, field: 'id', reason: `duplicate source id "${source.id}"` });
    sourceIds.add(source.id);
    data.sources.push({ id: source.id, props: { ...source, url: source.url ?? null } });

    const cite = (subjectId: string, list: CitationSeed[], where: Omit<SeedIssue, 'reason'>) => {
      list.forEach((c, i) => {
        const quote = (typeof c === 'string' ? c : c.quote).trim();
        const sourceId = typeof c === 'string' ? source.id : c.source;
        pendingRefs.push(() => {
          if (!sourceIds.has(sourceId)) issues.push({ ...where, field: `citations.${i}.source`, reason: `unknown source "${sourceId}"` });
        });
        const cid = `citation:${hashOf([subjectId, sourceId, quote])}`;
        if (citationIds.has(cid)) {
          issues.push({ ...where, field: `citations.${i}`, reason: 'the same quote is cited twice for this record' });
          return;
        }
        citationIds.add(cid);
        data.citations.push({ id: cid, subjectId, sourceId, quote });
      });
    };
    /**
     * The first definition of an id registers it; the same id again in this folder is a mistake;
     * in another folder it is the same fact from another source, merged with this one's citations.
     */
    const claim = (id: string, rel: string, line: number | undefined, label: string): Claim | 'new' | undefined => {
      const prior = claims.get(id);
      if (!prior) return 'new';
      if (prior.folder === folder) {
        issues.push({ file: rel, line, record: label, field: 'id', reason: `duplicate id "${id}" (first defined at ${prior.where})` });
        return undefined;
      }
      return prior;
    };
    const register = (id: string, rel: string, line: number | undefined, props: Record<string, unknown>, identity: Record<string, unknown> = {}) => {
      locations.set(id, { file: rel, line, record: id });
      claims.set(id, { where: `${rel}${line ? `:${line}` : ''}`, folder, props, identity });
    };

    // Entities
    const entitiesRel = relPath(path.join(folder, 'entities.yaml'));
    for (const { value, line, index } of readYamlList(path.join(folder, 'entities.yaml'), issues, entitiesRel)) {
      const label = recordLabel(index, value);
      const parsed = EntitySeed.safeParse(value);
      if (!parsed.success) {
        issues.push(...zodIssues(parsed.error, { file: entitiesRel, line, record: label }));
        brokenIds.add(rawId(value)); // already reported: edges to it need no second error
        continue;
      }
      const e = parsed.data;
      const kind = kindOfLabel(e.kind);
      const prefix = e.id.split(':')[0]!;
      if (!ID_PREFIXES[kind].includes(prefix)) {
        issues.push({ file: entitiesRel, line, record: label, field: 'id', reason: `a ${e.kind} id starts with ${ID_PREFIXES[kind].map((p) => `"${p}:"`).join(' or ')}` });
        continue;
      }
      const where = { file: entitiesRel, line, record: label };
      if (e.code !== undefined && !isPlaceKind(kind)) {
        issues.push({ ...where, field: 'code', reason: 'only a place (Province … Village) has an official division code' });
        continue;
      }
      if (e.code !== undefined) coded.set(e.id, { code: e.code, where });
      const props = {
        ...e.properties, id: e.id, kind, name: e.name, nameZh: e.nameZh ?? null, aliases: e.aliases, ...(e.code ? { code: e.code } : {}),
      };
      const c = claim(e.id, entitiesRel, line, label);
      if (c === undefined) continue;
      noteDraft(folder, e.id, e.status);
      if (c === 'new') {
        kindOf.set(e.id, kind);
        register(e.id, entitiesRel, line, props);
        data.entities.push({ id: e.id, kind, props });
      } else if (!mergeFacts(c, props, where, ['kind', 'name'], issues)) continue;
      cite(e.id, e.citations, where);
    }

    // Relationships
    const relsRel = relPath(path.join(folder, 'relationships.yaml'));
    for (const { value, line, index } of readYamlList(path.join(folder, 'relationships.yaml'), issues, relsRel)) {
      const label = recordLabel(index, value);
      const parsed = RelationshipSeed.safeParse(value);
      if (!parsed.success) {
        issues.push(...zodIssues(parsed.error, { file: relsRel, line, record: label }));
        brokenIds.add(rawId(value));
        continue;
      }
      const r = parsed.data;
      const where = { file: relsRel, line, record: label };
      const props = RELATIONSHIP_PROPERTIES[r.type].safeParse(r.properties);
      if (!props.success) {
        issues.push(...zodIssues(props.error, where).map((i) => ({ ...i, field: `properties${i.field ? `.${i.field}` : ''}` })));
        brokenIds.add(r.id);
        continue;
      }
      const prefix = RELATIONSHIP_ID_PREFIX[r.type];
      if (!r.id.startsWith(`${prefix}:`)) { issues.push({ ...where, field: 'id', reason: `a ${r.type} id starts with "${prefix}:"` }); continue; }
      const relProps = { ...(props.data as Record<string, unknown>), id: r.id };
      const c = claim(r.id, relsRel, line, label);
      if (c === undefined) continue;
      noteDraft(folder, r.id, r.status);
      if (c !== 'new') {
        if (mergeFacts(c, { ...relProps, [FROM]: r.from, [TO]: r.to, [TYPE]: r.type }, where, [FROM, TO, TYPE], issues)) cite(r.id, r.citations, where);
        continue;
      }
      register(r.id, relsRel, line, relProps, { [FROM]: r.from, [TO]: r.to, [TYPE]: r.type });
      relIds.add(r.id);
      pendingRefs.push(() => {
        for (const end of ['from', 'to'] as const) {
          if (!exists(r[end])) issues.push({ ...where, field: end, reason: `no entity with id "${r[end]}"` });
        }
        const rule = ENDPOINTS[r.type];
        const fromKind = kindOf.get(r.from);
        const toKind = kindOf.get(r.to);
        if (rule && fromKind && toKind && ((rule[0] && !rule[0](fromKind)) || (rule[1] && !rule[1](toKind)))) {
          issues.push({ ...where, field: 'type', reason: `${r.type} runs from ${rule[2]}, not ${fromKind} → ${toKind}` });
        }
      });
      if (r.type === 'PART_OF') partOfEdges.push({ id: r.id, from: r.from, to: r.to, where });
      data.relationships.push({ id: r.id, type: r.type, from: r.from, to: r.to, props: relProps });
      cite(r.id, r.citations, where);
    }

    // Quantities
    const qRel = relPath(path.join(folder, 'quantities.yaml'));
    for (const { value, line, index } of readYamlList(path.join(folder, 'quantities.yaml'), issues, qRel)) {
      const label = recordLabel(index, value);
      const parsed = QuantitySeed.safeParse(value);
      if (!parsed.success) { issues.push(...zodIssues(parsed.error, { file: qRel, line, record: label })); continue; }
      const q = parsed.data;
      const qid = q.id ?? quantityId(q);
      const where = { file: qRel, line, record: `#${index} (${qid})` };
      const vocabulary = metricIssues(q);
      if (vocabulary.length) { issues.push(...vocabulary.map((i) => ({ ...where, ...i }))); continue; }
      noteDraft(folder, qid, q.status);
      const { citations, subject, status: _status, draft: _draft, ...rest } = q;
      const props: Record<string, unknown> = { ...rest, id: qid, subjectId: subject };
      const prior = claims.get(qid);
      if (prior?.folder === folder) {
        issues.push({ ...where, field: 'id', reason: `duplicate quantity "${qid}" (first at ${prior.where}): give one an explicit id or a distinguishing year/from/until` });
        continue;
      }
      if (prior) {
        // Another source stating the same number: it must say the same; a different figure is a different quantity.
        if (mergeFacts(prior, props, where, ['subjectId', 'metric', 'value', 'unit', 'qualifier', 'measure'], issues)) cite(qid, citations, where);
        continue;
      }
      register(qid, qRel, line, props);
      pendingRefs.push(() => {
        if (!exists(q.subject)) issues.push({ ...where, field: 'subject', reason: `no entity or relationship with id "${q.subject}"` });
      });
      data.quantities.push({ id: qid, props });
      cite(qid, citations, where);
    }
  }

  for (const check of pendingRefs) check();
  if (!opts.includeDrafts) {
    for (const [folder, ids] of draftsIn) {
      issues.push({
        file: relPath(folder), field: 'status',
        reason: `${ids.length} record(s) are drafts nobody has confirmed (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}): ` +
          `confirm or drop them with \`npm run source -- review ${relPath(folder)}\`, or include drafts on purpose (--include-drafts, AIDGRAPH_INCLUDE_DRAFTS=true)`,
      });
    }
  }
  const records = checkAgainstGazetteer(data, coded, partOfEdges, kindOf, edition, issues);
  // Rules across records (see quality.ts), once every record stands on its own.
  if (!issues.length) issues.push(...qualityIssues(data, (id) => locations.get(id) ?? { file: relPath(seedsDir), record: id }));
  if (issues.length) throw new SeedValidationError(issues);

  // Derived after merging, so names and aliases from every source are searchable.
  for (const e of data.entities) {
    const record = records.get(e.id);
    Object.assign(e.props, record ? officialProps(record, e.props.nameZh as string | null) : {}, searchProps({
      name: e.props.name as string, nameZh: e.props.nameZh as string | null, aliases: e.props.aliases as string[],
      officialName: record?.nameZh ?? null,
    }));
    e.props.contentHash = hashOf(e.props);
  }
  for (const r of data.relationships) r.props.contentHash = hashOf([r.from, r.to, r.props]);
  for (const q of data.quantities) q.props.contentHash = hashOf(q.props);
  for (const s of data.sources) s.props.contentHash = hashOf(s.props);
  return data;
}

/**
 * A seed place that names its official code is that very place of the official list: the code must
 * exist at the seed's level, carry the seed's Chinese name (or an alias), belong to one seed entity
 * only, and every PART_OF the seed states between two coded places must be the list's own
 * (id `part-of:<child code>`). Returns the list's record per entity id.
 */
function checkAgainstGazetteer(
  data: Dataset, coded: Map<string, { code: string; where: Omit<SeedIssue, 'reason'> }>,
  partOf: Array<{ id: string; from: string; to: string; where: Omit<SeedIssue, 'reason'> }>,
  kindOf: Map<string, EntityKind>, edition: GazetteerEdition, issues: SeedIssue[],
) {
  const found = readRecords(edition, [...coded.values()].map((c) => c.code));
  const byEntity = new Map<string, ReturnType<typeof found.get> & object>();
  const holder = new Map<string, string>();
  const list = `the official division list (${edition.packageName} ${edition.packageVersion})`;
  for (const [id, { code, where }] of coded) {
    const other = holder.get(code);
    if (other) { issues.push({ ...where, field: 'code', reason: `code ${code} is already ${other}: no place may exist twice` }); continue; }
    holder.set(code, id);
    const record = found.get(code);
    if (!record) { issues.push({ ...where, field: 'code', reason: `code ${code} is not in ${list}` }); continue; }
    const level = levelOfCode(code)!;
    if (level.kind !== kindOf.get(id)) {
      issues.push({ ...where, field: 'kind', reason: `code ${code} (${record.nameZh}) is a ${level.kind} in ${list}, not a ${kindOf.get(id)}` });
      continue;
    }
    const entity = data.entities.find((e) => e.id === id)!;
    const names = [entity.props.nameZh, ...(entity.props.aliases as string[])];
    if (!names.includes(record.nameZh)) {
      issues.push({ ...where, field: 'nameZh', reason: `code ${code} is ${record.nameZh} in ${list}; give that name as nameZh or an alias, or fix the code` });
      continue;
    }
    byEntity.set(id, record);
  }
  for (const edge of partOf) {
    const child = byEntity.get(edge.from);
    const parentCode = coded.get(edge.to)?.code;
    if (!child || !parentCode) continue;
    if (child.parentCode !== parentCode) {
      const listParent = [...byEntity.entries()].find(([, r]) => r.code === child.parentCode)?.[0];
      issues.push({
        ...edge.where, field: 'to',
        reason: `the seed puts ${edge.from} (${child.code}) in ${edge.to} (${parentCode}); ${list} puts it in ${child.parentCode}` +
          `${listParent ? ` (${listParent})` : ''}: ${child.record}`,
      });
    } else if (edge.id !== partOfIdOfCode(child.code)) {
      issues.push({ ...edge.where, field: 'id', reason: `this is the official list's own PART_OF: give it the id "${partOfIdOfCode(child.code)}"` });
    }
  }
  return byEntity;
}

/** Where an id was first defined; `props` is the very object that will be loaded, so merges reach it. */
interface Claim { where: string; folder: string; props: Record<string, unknown>; identity: Record<string, unknown> }

// Keys that pin a relationship's identity during a merge (kept out of its stored properties).
const FROM = '\u0000from';
const TO = '\u0000to';
const TYPE = '\u0000type';

/**
 * Folds a second source's statement of a record into the first: aliases are united, new
 * properties added; a different value for a fixed key or an existing property is a conflict.
 */
function mergeFacts(prior: Claim, incoming: Record<string, unknown>, where: Omit<SeedIssue, 'reason'>, fixed: string[], issues: SeedIssue[]): boolean {
  const before = issues.length;
  const show = (k: string) => k.replace('\u0000', '');
  for (const key of fixed) {
    const was = key in prior.identity ? prior.identity[key] : prior.props[key];
    if (JSON.stringify(was) !== JSON.stringify(incoming[key])) {
      issues.push({ ...where, field: show(key), reason: `conflicts with ${prior.where}: ${JSON.stringify(was)} there, ${JSON.stringify(incoming[key])} here` });
    }
  }
  for (const [key, value] of Object.entries(incoming)) {
    if (fixed.includes(key) || key.startsWith('\u0000') || value === null || value === undefined) continue;
    const old = prior.props[key];
    if (key === 'aliases') {
      prior.props.aliases = [...new Set([...(old as string[]), ...(value as string[])])];
    } else if (old === undefined || old === null) {
      prior.props[key] = value;
    } else if (JSON.stringify(old) !== JSON.stringify(value)) {
      issues.push({ ...where, field: key, reason: `conflicts with ${prior.where}: ${JSON.stringify(old)} there, ${JSON.stringify(value)} here` });
    }
  }
  return issues.length === before;
}

export function quantityId(q: { subject: string; metric: string; year?: number | undefined; baselineYear?: number | undefined; from?: number | undefined; until?: number | undefined; asOf?: string | number | undefined }): string {
  let id = `quantity:${q.subject}/${q.metric}`;
  if (q.baselineYear !== undefined) id += `/${q.baselineYear}-${q.year}`;
  else if (q.year !== undefined) id += `/${q.year}`;
  else if (q.from !== undefined || q.until !== undefined) id += `/${q.from ?? ''}-${q.until ?? ''}`;
  return id;
}
