// An entity as JSON-LD: schema.org for what it is (types, names, official code as identifier, parent
// as containedInPlace) and W3C PROV for where each statement comes from (wasDerivedFrom a quotation
// of a source). Built from the records the repositories return; no Cypher here.
import { z } from 'zod';
import type { EntityKind } from '../../domain/vocabulary.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import type { CitationRecord, SourceRecord } from '../provenance/provenance.mappers.js';
import type { LatLon } from '../../domain/geo.js';

/** schema.org's type for each kind of entity. */
export const SCHEMA_ORG_TYPE: Record<EntityKind, string> = {
  PROVINCE: 'AdministrativeArea', CITY: 'AdministrativeArea', DISTRICT: 'AdministrativeArea', TOWNSHIP: 'AdministrativeArea',
  VILLAGE: 'AdministrativeArea', SCHOOL: 'School', HOSPITAL: 'Hospital', ORGANIZATION: 'Organization', PERSON: 'Person',
  PROJECT: 'Project', EVENT: 'Event',
};

const jsonObject = z.record(z.string(), z.unknown());
/** A node as JSON writes it: JSON-LD drops undefined members the same way, so they are stripped to read cleanly. */
export function asJson(node: object): Record<string, unknown> {
  return jsonObject.parse(JSON.parse(JSON.stringify(node)));
}

/** The official division code's name as an identifier scheme (统计用区划代码). */
export const DIVISION_CODE_SCHEME = 'CN-NBS-division-code';

export const JSON_LD_CONTEXT = {
  '@vocab': 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  aidgraph: 'https://github.com/aidgraph/aidgraph/vocab#',
  wasDerivedFrom: { '@id': 'prov:wasDerivedFrom' },
  kind: { '@id': 'aidgraph:kind' },
} as const;

export interface LinkedEntity {
  entity: EntityRecord;
  /** Parent first (the chain the repository returns); only the parent is stated, the rest follow from it. */
  ancestors: EntityRecord[];
  /** The entity's citations, each with the source it quotes. */
  citations: Array<CitationRecord & { source: SourceRecord }>;
  /** A place's location (its seat), with the dataset record it is read from; null where none locates it. */
  location?: (LatLon & { citation: CitationRecord & { source: SourceRecord } }) | null;
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

/** A quotation of a source, as an entity's statements derive from it. */
const quotation = (base: string, c: CitationRecord & { source: SourceRecord }) => ({
  '@type': ['Quotation', 'prov:Entity'],
  text: c.quote,
  isPartOf: sourceNode(base, c.source),
});

/** The entity's document; `base` is the service's origin (`https://host`), with no trailing slash. */
export function entityDocument(base: string, { entity: e, ancestors, citations, location }: LinkedEntity): Record<string, unknown> {
  const parent = ancestors[0];
  const doc: Record<string, unknown> = {
    '@context': JSON_LD_CONTEXT,
    '@id': entityUri(base, e.id),
    '@type': SCHEMA_ORG_TYPE[e.kind],
    kind: e.kind,
    name: names(e),
    alternateName: e.aliases.length ? e.aliases : undefined,
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
    subjectOf: { '@id': `${base}/#/entity/${encodeURIComponent(e.id)}`, '@type': 'WebPage' },
  };
  return asJson(doc);
}
