// An entity as JSON-LD: schema.org for what it is (types, names, official code as identifier, parent
// as containedInPlace), its twinnings and supports as statements (aidgraph: terms, defined at the
// service's own /vocab), and W3C PROV for where each statement comes from (wasDerivedFrom a
// quotation of a source, with whether it states the fact). Codes carry their labels from the one
// label dictionary (src/domain/labels.ts). Built from the records the repositories return.
import { EVIDENCE_LABELS, KIND_LABELS, LEVEL_LABELS, MODE_LABELS, PROGRAMME_LABELS, TYPE_LABELS, TYPE_NAMES, label, type Lang } from '../../domain/labels.js';
import type { RelationshipRecord } from '../entities/relationships.mappers.js';
import { z } from 'zod';
import type { EntityKind } from '../../domain/vocabulary.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import type { CitationRecord, SourceRecord } from '../provenance/provenance.mappers.js';
import type { LatLon } from '../../domain/geo.js';

/** schema.org's type for each kind of entity. */
export const SCHEMA_ORG_TYPE: Record<EntityKind, string> = {
  PROVINCE: 'AdministrativeArea', CITY: 'AdministrativeArea', DISTRICT: 'AdministrativeArea', TOWNSHIP: 'AdministrativeArea',
  VILLAGE: 'AdministrativeArea', SCHOOL: 'School', HOSPITAL: 'Hospital', ORGANIZATION: 'Organization', PERSON: 'Person',
  PROJECT: 'Project', EVENT: 'Event', CORPS_DIVISION: 'GovernmentOrganization', PROGRAMME: 'GovernmentService',
};

const jsonObject = z.record(z.string(), z.unknown());
/** A node as JSON writes it: JSON-LD drops undefined members the same way, so they are stripped to read cleanly. */
export function asJson(node: object): Record<string, unknown> {
  return jsonObject.parse(JSON.parse(JSON.stringify(node)));
}

/** The official division code's name as an identifier scheme (统计用区划代码). */
export const DIVISION_CODE_SCHEME = 'CN-NBS-division-code';

/** The path the service answers its own vocabulary at (src/http/linked-data.ts). */
export const VOCAB_PATH = '/vocab';

/** The context of every document: schema.org, PROV, and the aidgraph terms at `<base>/vocab#`. */
export function jsonLdContext(base: string) {
  return {
    '@vocab': 'https://schema.org/',
    prov: 'http://www.w3.org/ns/prov#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    aidgraph: `${base}${VOCAB_PATH}#`,
    wasDerivedFrom: { '@id': 'prov:wasDerivedFrom' },
    kind: { '@id': 'aidgraph:kind', '@type': '@id' },
    twinnedWith: { '@id': 'aidgraph:twinnedWith' },
    supports: { '@id': 'aidgraph:supports' },
    supportedBy: { '@id': 'aidgraph:supportedBy' },
    mode: { '@id': 'aidgraph:mode', '@type': '@id' },
    level: { '@id': 'aidgraph:level', '@type': '@id' },
    evidence: { '@id': 'aidgraph:evidence', '@type': '@id' },
  } as const;
}
/** The context with a relative vocabulary address, for bulk exports whose base is not known. */
export const JSON_LD_CONTEXT = jsonLdContext('');

export interface LinkedEntity {
  entity: EntityRecord;
  /** Parent first (the chain the repository returns); only the parent is stated, the rest follow from it. */
  ancestors: EntityRecord[];
  /** The entity's citations, each with the source it quotes. */
  citations: Array<CitationRecord & { source: SourceRecord }>;
  /** Its twinnings and supports, each with the entity at the other end and its citations. */
  edges?: Array<{ edge: RelationshipRecord; other: EntityRecord | undefined; citations: Array<CitationRecord & { source: SourceRecord }> }>;
  /** A place's location (its seat), with the dataset record it is read from; null where none locates it. */
  location?: (LatLon & { citation: CitationRecord & { source: SourceRecord } }) | null;
  /** A place's names in Tibetan and Uyghur script (tagged `bo` and `ug-Arab`). */
  scriptNames?: Array<{ text: string; script: 'TIBETAN' | 'UYGHUR' }>;
}

const SCRIPT_LANGUAGE = { TIBETAN: 'bo', UYGHUR: 'ug-Arab' } as const;

/** A code as a term of the vocabulary, with its labels in both languages. */
export const termUri = (base: string, group: string, code: string) => `${base}${VOCAB_PATH}#${group}-${code}`;
const LANGS: readonly Lang[] = ['en', 'zh'];
function labelled(table: Record<string, readonly [string, string]>, code: string) {
  return LANGS.map((l) => ({ '@value': label(table, code, l), '@language': l === 'zh' ? 'zh' : 'en' }));
}

function quotation(base: string, c: CitationRecord & { source: SourceRecord }) {
  return { '@type': ['Quotation', 'prov:Entity'], text: c.quote, evidence: termUri(base, 'evidence', c.evidence), isPartOf: sourceNode(base, c.source) };
}

/**
 * A twinning or support as a statement about the entity (schema.org has no term for paired aid, so
 * aidgraph: defines them at /vocab): who, to whom, mode or level, and the quotes it derives from.
 */
function edgeStatement(base: string, self: string, { edge: r, other, citations }: NonNullable<LinkedEntity['edges']>[number]) {
  const p = r.properties;
  const mode = typeof p.mode === 'string' ? p.mode : undefined;
  const level = typeof p.level === 'string' ? p.level : undefined;
  const programme = typeof p.programme === 'string' ? p.programme : undefined;
  const ref = (id: string) => (id === self ? { '@id': entityUri(base, id) } : { '@id': entityUri(base, id), '@type': other ? SCHEMA_ORG_TYPE[other.kind] : undefined, name: other ? names(other) : undefined });
  return {
    '@id': entityUri(base, r.id),
    '@type': ['prov:Entity', `aidgraph:${r.type}`],
    name: labelled(TYPE_NAMES, r.type),
    description: labelled(TYPE_LABELS, r.type),
    'aidgraph:from': ref(r.fromId),
    'aidgraph:to': ref(r.toId),
    mode: mode ? termUri(base, 'mode', mode) : undefined,
    'aidgraph:modeLabel': mode ? labelled(MODE_LABELS, mode) : undefined,
    level: level ? termUri(base, 'level', level) : undefined,
    'aidgraph:levelLabel': level ? labelled(LEVEL_LABELS, level) : undefined,
    'aidgraph:programme': programme ? labelled(PROGRAMME_LABELS, programme) : undefined,
    startDate: typeof p.since === 'number' ? String(p.since) : typeof p.from === 'number' ? String(p.from) : undefined,
    endDate: typeof p.until === 'number' ? String(p.until) : undefined,
    'aidgraph:implied': citations.length > 0 && !citations.some((c) => c.evidence === 'STATES'),
    'rdfs:comment': typeof p.note === 'string' ? p.note : undefined,
    wasDerivedFrom: citations.map((c) => quotation(base, c)),
  };
}

/** URIs under the service: `<base>/id/<id>`. */
export const entityUri = (base: string, id: string) => `${base}/id/${encodeURIComponent(id)}`;

function names(e: EntityRecord) {
  const out: Array<{ '@value': string; '@language': string }> = [{ '@value': e.name, '@language': 'en' }];
  if (e.nameZh) out.push({ '@value': e.nameZh, '@language': 'zh' });
  return out;
}

function identifier(e: EntityRecord) {
  return e.code ? { '@type': 'PropertyValue', propertyID: DIVISION_CODE_SCHEME, value: e.code } : undefined;
}

function placeRef(base: string, e: EntityRecord) {
  return { '@id': entityUri(base, e.id), '@type': SCHEMA_ORG_TYPE[e.kind], name: names(e), identifier: identifier(e) };
}

function sourceNode(base: string, s: SourceRecord) {
  return {
    '@id': s.url ?? `${base}/#/source/${encodeURIComponent(s.id)}`,
    '@type': ['CreativeWork', 'prov:Entity'],
    identifier: s.id,
    name: s.title,
    alternateName: s.titleEn ?? undefined,
    publisher: { '@type': 'Organization', name: s.publisher },
    datePublished: s.publishedAt,
    author: s.authors.length ? s.authors.map((name) => ({ '@type': 'Person', name })) : undefined,
    inLanguage: s.language ?? undefined,
    license: s.license,
    copyrightHolder: s.rightsHolder,
  };
}

/** The entity's document; `base` is the service's origin (`https://host`), with no trailing slash. */
export function entityDocument(base: string, { entity: e, ancestors, citations, edges = [], location, scriptNames = [] }: LinkedEntity): Record<string, unknown> {
  const parent = ancestors[0];
  const statements = (type: string, end: 'fromId' | 'toId') => {
    const list = edges.filter((x) => x.edge.type === type && x.edge[end] === e.id).map((x) => edgeStatement(base, e.id, x));
    return list.length ? list : undefined;
  };
  const doc: Record<string, unknown> = {
    '@context': jsonLdContext(base),
    '@id': entityUri(base, e.id),
    '@type': SCHEMA_ORG_TYPE[e.kind],
    kind: termUri(base, 'kind', e.kind),
    'aidgraph:kindLabel': labelled(KIND_LABELS, e.kind),
    name: names(e),
    alternateName: e.aliases.length || scriptNames.length
      ? [...e.aliases, ...scriptNames.map((n) => ({ '@value': n.text, '@language': SCRIPT_LANGUAGE[n.script] }))]
      : undefined,
    identifier: identifier(e),
    containedInPlace: parent ? placeRef(base, parent) : undefined,
    // The seat's position, derived from the dataset's record of it.
    geo: location ? {
      '@type': 'GeoCoordinates',
      latitude: location.latitude,
      longitude: location.longitude,
      wasDerivedFrom: quotation(base, location.citation),
    } : undefined,
    // Each citation is a quotation of its source, and the entity's statements derive from it.
    wasDerivedFrom: citations.map((c) => quotation(base, c)),
    // Twinnings and supports both ways: those it gives and those it receives.
    twinnedWith: statements('TWINNED_WITH', 'fromId'),
    'aidgraph:twinnedBy': statements('TWINNED_WITH', 'toId'),
    supports: statements('SUPPORTS', 'fromId'),
    supportedBy: statements('SUPPORTS', 'toId'),
    subjectOf: { '@id': `${base}/#/entity/${encodeURIComponent(e.id)}`, '@type': 'WebPage' },
  };
  return asJson(doc);
}

/** The aidgraph terms the documents use, each with its labels in both languages: what `<base>/vocab#…` names. */
export function vocabularyDocument(base: string): Record<string, unknown> {
  const term = (id: string, type: string, en: string, zh: string, comment?: string) => ({
    '@id': `aidgraph:${id}`, '@type': type, 'rdfs:label': [{ '@value': en, '@language': 'en' }, { '@value': zh, '@language': 'zh' }], 'rdfs:comment': comment,
  });
  const codes = (group: string, table: Record<string, readonly [string, string]>) =>
    Object.keys(table).map((code) => term(`${group}-${code}`, 'rdfs:Resource', label(table, code, 'en'), label(table, code, 'zh')));
  return asJson({
    '@context': jsonLdContext(base),
    // Terms in the default graph (a top-level @id would make them a named graph of their own).
    '@graph': [
      { '@id': `${base}${VOCAB_PATH}`, '@type': 'DefinedTermSet', name: 'aidgraph vocabulary',
        'rdfs:comment': 'The terms aidgraph uses beside schema.org and PROV: paired-assistance relationships, their modes and levels, and how strongly a quote proves a fact.' },
      term('TWINNED_WITH', 'rdfs:Class', 'twinning', '结对关系', 'A supporting place paired with a recipient place under a paired-assistance programme (对口支援).'),
      term('SUPPORTS', 'rdfs:Class', 'support', '支援', 'A supporter giving aid of one mode to a recipient.'),
      term('from', 'rdf:Property', 'from', '从', 'The start of the relationship: the supporter.'),
      term('to', 'rdf:Property', 'to', '到', 'The end of the relationship: the recipient.'),
      term('twinnedWith', 'rdf:Property', 'is paired with', '结对支援', 'A twinning this entity is the supporting side of.'),
      term('twinnedBy', 'rdf:Property', 'is paired with supporter', '受援结对', 'A twinning this entity is the recipient of.'),
      term('supports', 'rdf:Property', 'supports', '支援', 'A support this entity gives.'),
      term('supportedBy', 'rdf:Property', 'is supported by', '受支援', 'A support this entity receives.'),
      term('mode', 'rdf:Property', 'support mode', '支援方式'),
      term('level', 'rdf:Property', 'twinning level', '结对层级'),
      term('programme', 'rdf:Property', 'programme', '项目计划'),
      term('kind', 'rdf:Property', 'kind', '类型'),
      term('kindLabel', 'rdf:Property', 'kind, in words', '类型名称'),
      term('modeLabel', 'rdf:Property', 'support mode, in words', '支援方式名称'),
      term('levelLabel', 'rdf:Property', 'twinning level, in words', '结对层级名称'),
      term('evidence', 'rdf:Property', 'evidence', '证据强度', 'Whether a quotation states the fact, or only supports reading it as implied.'),
      term('implied', 'rdf:Property', 'implied', '推断', 'True when no quotation states the fact.'),
      ...codes('kind', KIND_LABELS), ...codes('mode', MODE_LABELS), ...codes('level', LEVEL_LABELS), ...codes('evidence', EVIDENCE_LABELS),
    ],
  });
}
