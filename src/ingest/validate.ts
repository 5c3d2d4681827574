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
  CitationSeed, EntitySeed, ID_PREFIXES, ProgrammeProperties, QuantitySeed, RELATIONSHIP_PROPERTIES, RelationshipSeed, SourceSeed,
} from './seed-schema.js';
import { programmeIssues } from './programmes.js';
import { gazetteerEdition, readRecords, type DivisionRecord, type GazetteerEdition } from '../gazetteer/division-list.js';
import { levelOfCode } from '../domain/division-codes.js';
import { officialProps, searchProps } from '../gazetteer/place-props.js';
import { listedNames } from '../domain/english-names.js';
import { partOfIdOfCode } from '../domain/ids.js';
import { metricIssues } from '../domain/metric-vocabulary.js';
import { qualityIssues } from './quality.js';
import { SeedValidationError, type Dataset, type SeedIssue } from './dataset.js';

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
    // Named at the line where the file's content starts, so the reader finds what is not a list.
    const at = doc.contents.range?.[0];
    issues.push({ file: rel, line: at === undefined ? 1 : lineCounter.linePos(at).line, reason: 'must be a YAML list of records' });
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

/** Where a record stands, for the issues raised about it. */
type Where = Omit<SeedIssue, 'reason'>;

/**
 * Reads every seed folder into one dataset, validated whole: each folder's source, entities,
 * relationships and quantities record by record; then the references across folders, the drafts,
 * the official division list and the rules across records. Throws every issue found at once.
 */
export function loadSeedFolders(seedsDir: string, edition: GazetteerEdition = gazetteerEdition(), opts: LoadOptions = {}): CheckedDataset {
  const reading = new SeedReading(seedsDir);
  for (const folder of reading.folders()) reading.readFolder(folder);
  reading.checkReferences();
  if (!opts.includeDrafts) reading.refuseDrafts();
  return reading.finish(edition);
}

/** One folder being read: its path and the source its bare quotes cite. */
interface SeedFolder { dir: string; source: SourceSeed }

/** The state of one validation run: the dataset so far, what each id is, and the issues found. */
class SeedReading {
  readonly issues: SeedIssue[] = [];
  readonly data: CheckedDataset = { sources: [], entities: [], relationships: [], quantities: [], citations: [], drafts: [] };
  /** Draft records per folder, refused together (one line per folder) unless drafts are included. */
  private readonly draftsIn = new Map<string, string[]>();
  private readonly kindOf = new Map<string, EntityKind>();
  private readonly relIds = new Set<string>();
  private readonly claims = new Map<string, Claim>();
  private readonly sourceIds = new Set<string>();
  /** Each citation's id, and the folder that first cited it. */
  private readonly citationIds = new Map<string, string>();
  /** Checks that need every folder read first (references to ids and sources defined anywhere). */
  private readonly pendingRefs: Array<() => void> = [];
  /** Ids of records already refused: references to them need no second error. */
  private readonly brokenIds = new Set<string | undefined>();
  private readonly locations = new Map<string, Where>();
  /** Places that name their official code, and where. */
  private readonly coded = new Map<string, { code: string; where: Where }>();
  private readonly partOfEdges: Array<{ id: string; from: string; to: string; where: Where }> = [];

  constructor(private readonly seedsDir: string) {}

  private relPath(f: string): string {
    return path.relative(process.cwd(), f) || f;
  }

  private exists(id: string): boolean {
    return this.kindOf.has(id) || this.relIds.has(id) || this.brokenIds.has(id);
  }

  /** The seed folders, in name order; none at all is an error of its own. */
  folders(): string[] {
    const folders = fs.existsSync(this.seedsDir)
      ? fs.readdirSync(this.seedsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(this.seedsDir, d.name)).sort()
      : [];
    if (folders.length === 0) throw new SeedValidationError([{ file: this.relPath(this.seedsDir), reason: 'no seed folders found' }]);
    return folders;
  }

  /** A folder's source, then its records; a folder without a valid source is skipped whole. */
  readFolder(dir: string): void {
    const source = this.readSource(dir);
    if (!source) return;
    const folder = { dir, source };
    this.readEntities(folder);
    this.readRelationships(folder);
    this.readQuantities(folder);
  }

  private readSource(dir: string): SourceSeed | undefined {
    const sourceFile = path.join(dir, 'source.yaml');
    const sourceRel = this.relPath(sourceFile);
    if (!fs.existsSync(sourceFile)) {
      this.issues.push({ file: this.relPath(dir), reason: 'a seed folder needs a source.yaml' });
      return undefined;
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(fs.readFileSync(sourceFile, 'utf8'), { lineCounter, uniqueKeys: true });
    const parsedSource = SourceSeed.safeParse(doc.toJSON());
    if (doc.errors.length || !parsedSource.success) {
      if (!parsedSource.success) this.issues.push(...zodIssues(parsedSource.error, { file: sourceRel }));
      for (const e of doc.errors) this.issues.push({ file: sourceRel, reason: `YAML: ${e.message.split('\n')[0]}` });
      return undefined;
    }
    const source = parsedSource.data;
    if (source.textFile && !fs.existsSync(path.join(dir, source.textFile))) {
      this.issues.push({ file: sourceRel, field: 'textFile', reason: `no file ${source.textFile} in ${this.relPath(dir)}: the source's text travels with its seeds` });
    }
    if (this.sourceIds.has(source.id)) this.issues.push({ file: sourceRel, field: 'id', reason: `duplicate source id "${source.id}"` });
    this.sourceIds.add(source.id);
    this.data.sources.push({ id: source.id, props: { ...source, url: source.url ?? null } });
    return source;
  }

  private readEntities(folder: SeedFolder): void {
    const entitiesRel = this.relPath(path.join(folder.dir, 'entities.yaml'));
    for (const { value, line, index } of readYamlList(path.join(folder.dir, 'entities.yaml'), this.issues, entitiesRel)) {
      const label = recordLabel(index, value);
      const parsed = EntitySeed.safeParse(value);
      if (!parsed.success) {
        this.issues.push(...zodIssues(parsed.error, { file: entitiesRel, line, record: label }));
        this.brokenIds.add(rawId(value));
        continue;
      }
      const e = parsed.data;
      const kind = kindOfLabel(e.kind);
      const prefix = e.id.split(':')[0]!;
      if (!ID_PREFIXES[kind].includes(prefix)) {
        this.issues.push({ file: entitiesRel, line, record: label, field: 'id', reason: `a ${e.kind} id starts with ${ID_PREFIXES[kind].map((p) => `"${p}:"`).join(' or ')}` });
        continue;
      }
      const where = { file: entitiesRel, line, record: label };
      if (e.code !== undefined && (!isPlaceKind(kind) || kind === 'CORPS_DIVISION')) {
        this.issues.push({ ...where, field: 'code', reason: 'only a place of the official list (Province … Village) has an official division code' });
        continue;
      }
      if (e.code !== undefined) this.coded.set(e.id, { code: e.code, where });
      if (kind === 'PROGRAMME') {
        const checked = ProgrammeProperties.safeParse(e.properties);
        if (!checked.success) {
          this.issues.push(...zodIssues(checked.error, where).map((i) => ({ ...i, field: `properties${i.field ? `.${i.field}` : ''}` })));
          this.brokenIds.add(e.id);
          continue;
        }
      }
      const props = {
        ...e.properties, id: e.id, kind, name: e.name, nameZh: e.nameZh ?? null, aliases: e.aliases, ...(e.code ? { code: e.code } : {}),
      };
      const c = this.claim(folder, e.id, where);
      if (c === undefined) continue;
      this.noteDraft(folder, e.id, e.status);
      if (c === 'new') {
        this.kindOf.set(e.id, kind);
        this.register(folder, e.id, where, props);
        this.data.entities.push({ id: e.id, kind, props });
      } else if (!mergeFacts(c, props, where, ['kind', 'name'], this.issues)) continue;
      this.cite(folder, e.id, e.citations, where);
    }
  }

  private readRelationships(folder: SeedFolder): void {
    const relsRel = this.relPath(path.join(folder.dir, 'relationships.yaml'));
    for (const { value, line, index } of readYamlList(path.join(folder.dir, 'relationships.yaml'), this.issues, relsRel)) {
      const label = recordLabel(index, value);
      const parsed = RelationshipSeed.safeParse(value);
      if (!parsed.success) {
        this.issues.push(...zodIssues(parsed.error, { file: relsRel, line, record: label }));
        this.brokenIds.add(rawId(value));
        continue;
      }
      const r = parsed.data;
      const where = { file: relsRel, line, record: label };
      const props = RELATIONSHIP_PROPERTIES[r.type].safeParse(r.properties);
      if (!props.success) {
        this.issues.push(...zodIssues(props.error, where).map((i) => ({ ...i, field: `properties${i.field ? `.${i.field}` : ''}` })));
        this.brokenIds.add(r.id);
        continue;
      }
      const prefix = RELATIONSHIP_ID_PREFIX[r.type];
      if (!r.id.startsWith(`${prefix}:`)) { this.issues.push({ ...where, field: 'id', reason: `a ${r.type} id starts with "${prefix}:"` }); continue; }
      const relProps = { ...(props.data as Record<string, unknown>), id: r.id };
      const c = this.claim(folder, r.id, where);
      if (c === undefined) continue;
      this.noteDraft(folder, r.id, r.status);
      if (c !== 'new') {
        if (mergeFacts(c, { ...relProps, [FROM]: r.from, [TO]: r.to, [TYPE]: r.type }, where, [FROM, TO, TYPE], this.issues)) this.cite(folder, r.id, r.citations, where);
        continue;
      }
      this.register(folder, r.id, where, relProps, { [FROM]: r.from, [TO]: r.to, [TYPE]: r.type });
      this.relIds.add(r.id);
      this.pendingRefs.push(() => this.checkEnds(r, where));
      if (r.type === 'PART_OF') this.partOfEdges.push({ id: r.id, from: r.from, to: r.to, where });
      this.data.relationships.push({ id: r.id, type: r.type, from: r.from, to: r.to, props: relProps });
      this.cite(folder, r.id, r.citations, where);
    }
  }

  /** Both ends exist, and are of kinds the edge type may join. */
  private checkEnds(r: RelationshipSeed, where: Where): void {
    for (const end of ['from', 'to'] as const) {
      if (!this.exists(r[end])) this.issues.push({ ...where, field: end, reason: `no entity with id "${r[end]}"` });
    }
    const rule = ENDPOINTS[r.type];
    const fromKind = this.kindOf.get(r.from);
    const toKind = this.kindOf.get(r.to);
    if (rule && fromKind && toKind && ((rule[0] && !rule[0](fromKind)) || (rule[1] && !rule[1](toKind)))) {
      this.issues.push({ ...where, field: 'type', reason: `${r.type} runs from ${rule[2]}, not ${fromKind} → ${toKind}` });
    }
  }

  private readQuantities(folder: SeedFolder): void {
    const qRel = this.relPath(path.join(folder.dir, 'quantities.yaml'));
    for (const { value, line, index } of readYamlList(path.join(folder.dir, 'quantities.yaml'), this.issues, qRel)) {
      const label = recordLabel(index, value);
      const parsed = QuantitySeed.safeParse(value);
      if (!parsed.success) { this.issues.push(...zodIssues(parsed.error, { file: qRel, line, record: label })); continue; }
      const q = parsed.data;
      const qid = q.id ?? quantityId(q);
      const where = { file: qRel, line, record: `#${index} (${qid})` };
      const vocabulary = metricIssues(q);
      if (vocabulary.length) { this.issues.push(...vocabulary.map((i) => ({ ...where, ...i }))); continue; }
      this.noteDraft(folder, qid, q.status);
      const { citations, subject, status: _status, draft: _draft, ...rest } = q;
      const props: Record<string, unknown> = { ...rest, id: qid, subjectId: subject };
      const prior = this.claims.get(qid);
      if (prior?.folder === folder.dir) {
        this.issues.push({ ...where, field: 'id', reason: `duplicate quantity "${qid}" (first at ${prior.where}): give one an explicit id or a distinguishing year/from/until` });
        continue;
      }
      if (prior) {
        // Another source stating the same number: it must say the same; a different figure is a different quantity.
        if (mergeFacts(prior, props, where, ['subjectId', 'metric', 'value', 'unit', 'qualifier', 'measure'], this.issues)) this.cite(folder, qid, citations, where);
        continue;
      }
      this.register(folder, qid, { file: qRel, line }, props);
      this.pendingRefs.push(() => {
        if (!this.exists(q.subject)) this.issues.push({ ...where, field: 'subject', reason: `no entity or relationship with id "${q.subject}"` });
      });
      this.data.quantities.push({ id: qid, props });
      this.cite(folder, qid, citations, where);
    }
  }

  /** A record's citations, each of a known source (checked once every folder is read), none twice. */
  private cite(folder: SeedFolder, subjectId: string, list: CitationSeed[], where: Where): void {
    list.forEach((c, i) => {
      const quote = (typeof c === 'string' ? c : c.quote).trim();
      const sourceId = typeof c === 'string' ? folder.source.id : c.source ?? folder.source.id;
      const evidence = typeof c === 'string' ? 'STATES' : c.evidence ?? 'STATES';
      this.pendingRefs.push(() => {
        if (!this.sourceIds.has(sourceId)) this.issues.push({ ...where, field: `citations.${i}.source`, reason: `unknown source "${sourceId}"` });
      });
      const cid = `citation:${hashOf([subjectId, sourceId, quote])}`;
      const first = this.citationIds.get(cid);
      // Twice in one folder is a slip; two folders citing one sentence of a third (a programme's
      // term, on each folder's twinning) is one citation.
      if (first === folder.dir) this.issues.push({ ...where, field: `citations.${i}`, reason: 'the same quote is cited twice for this record' });
      if (first !== undefined) return;
      this.citationIds.set(cid, folder.dir);
      this.data.citations.push({ id: cid, subjectId, sourceId, quote, evidence, position: i });
    });
  }

  /**
   * The first definition of an id registers it; the same id again in this folder is a mistake;
   * in another folder it is the same fact from another source, merged with this one's citations.
   */
  private claim(folder: SeedFolder, id: string, where: Where): Claim | 'new' | undefined {
    const prior = this.claims.get(id);
    if (!prior) return 'new';
    if (prior.folder === folder.dir) {
      this.issues.push({ ...where, field: 'id', reason: `duplicate id "${id}" (first defined at ${prior.where})` });
      return undefined;
    }
    return prior;
  }

  private register(folder: SeedFolder, id: string, at: { file: string; line: number | undefined }, props: Record<string, unknown>, identity: Record<string, unknown> = {}): void {
    this.locations.set(id, { file: at.file, line: at.line, record: id });
    this.claims.set(id, { where: `${at.file}${at.line ? `:${at.line}` : ''}`, folder: folder.dir, props, identity });
  }

  private noteDraft(folder: SeedFolder, id: string, status: 'draft' | undefined): void {
    if (status !== 'draft') return;
    this.data.drafts.push(id);
    this.draftsIn.set(folder.dir, [...(this.draftsIn.get(folder.dir) ?? []), id]);
  }

  /** References across records and folders: edge ends, quantity subjects, cited sources. */
  checkReferences(): void {
    for (const check of this.pendingRefs) check();
  }

  /** Drafts nobody has confirmed, one issue per folder. */
  refuseDrafts(): void {
    for (const [folder, ids] of this.draftsIn) {
      this.issues.push({
        file: this.relPath(folder), field: 'status',
        reason: `${ids.length} record(s) are drafts nobody has confirmed (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}): ` +
          `confirm or drop them with \`npm run source -- review ${this.relPath(folder)}\`, or include drafts on purpose (--include-drafts, AIDGRAPH_INCLUDE_DRAFTS=true)`,
      });
    }
  }

  /**
   * The checks against the official list, then the rules across records (quality.ts) once every
   * record stands on its own; any issue so far throws. Then what derives from the merged records.
   */
  finish(edition: GazetteerEdition): CheckedDataset {
    const records = checkAgainstGazetteer(this.data, this.coded, this.partOfEdges, this.kindOf, edition, this.issues);
    const where = (id: string) => this.locations.get(id) ?? { file: this.relPath(this.seedsDir), record: id };
    if (!this.issues.length) this.issues.push(...programmeIssues(this.data, where));
    if (!this.issues.length) this.issues.push(...qualityIssues(this.data, where));
    if (this.issues.length) throw new SeedValidationError(this.issues);
    deriveSearchKeysAndHashes(this.data, records);
    return this.data;
  }
}

/**
 * Derived after merging, so names and aliases from every source are searchable: a coded place's
 * official props, every entity's search keys, and the content hashes the loader syncs by.
 */
function deriveSearchKeysAndHashes(data: Dataset, records: Map<string, DivisionRecord>): void {
  for (const e of data.entities) {
    const record = records.get(e.id);
    // A coded place keeps its seed's names and is found by the list's English names too.
    const listed = record ? listedNames(record.code, record.nameZh) : null;
    Object.assign(e.props, record ? officialProps(record, e.props.nameZh as string | null) : {}, searchProps({
      name: e.props.name as string, nameZh: e.props.nameZh as string | null, aliases: e.props.aliases as string[],
      officialName: record?.nameZh ?? null, more: listed ? [listed.name, ...listed.names] : [],
    }));
    e.props.contentHash = hashOf(e.props);
  }
  for (const r of data.relationships) r.props.contentHash = hashOf([r.from, r.to, r.props]);
  for (const q of data.quantities) q.props.contentHash = hashOf(q.props);
  for (const s of data.sources) s.props.contentHash = hashOf(s.props);
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
  const byEntity = new Map<string, DivisionRecord>();
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
