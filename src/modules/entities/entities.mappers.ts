// What the data layer hands resolvers for entities: one record per entity family, parsed from a
// node's property map at the repository boundary. No driver Node or Integer leaves a repository.
import { z } from 'zod';
import {
  CORE_PROPERTIES, EntityKind, INTERNAL_PROPERTIES, SupportMode, isPlaceKind, type PlaceKind,
} from '../../domain/vocabulary.js';
import { absentOr, isText, orNull, text } from '../../domain/parse.js';
import type { StoredEntity } from './projection.js';

/** What every entity has, whatever its kind. */
export interface EntityFacts {
  id: string;
  name: string;
  nameZh: string | null;
  aliases: string[];
  /** A place's official division code, or null. */
  code: string | null;
  /** The official list's name for a place with a code (where a seed names it otherwise, the list's). */
  officialName: string | null;
  /** Every other stored fact about the entity (openedOn, orgType, grade, ...). */
  properties: Record<string, unknown>;
}

export type KindRecord<K extends EntityKind> = EntityFacts & { kind: K };
/** A province, city, district, township or village (one member per kind, so `kind` narrows). */
export type PlaceRecord = { [K in PlaceKind]: KindRecord<K> }[PlaceKind];
export type SchoolRecord = KindRecord<'SCHOOL'>;
export type HospitalRecord = KindRecord<'HOSPITAL'>;
export type OrganizationRecord = KindRecord<'ORGANIZATION'>;
export type PersonRecord = KindRecord<'PERSON'>;
export type EventRecord = KindRecord<'EVENT'>;
/** A programme's start, term and adjustment are in `properties` (the seed's ProgrammeProperties); its fields read them there. */
export type ProgrammeRecord = KindRecord<'PROGRAMME'>;

const ProjectFacts = z.object({
  openedOn: text,
  supportMode: orNull(z.enum(SupportMode)),
  projectType: text,
});
export type ProjectRecord = KindRecord<'PROJECT'> & z.output<typeof ProjectFacts>;

export type EntityRecord =
  | PlaceRecord | SchoolRecord | HospitalRecord | OrganizationRecord | PersonRecord | ProjectRecord | EventRecord | ProgrammeRecord;

export const isPlace = (e: EntityRecord): e is PlaceRecord => isPlaceKind(e.kind);
export const isPerson = (e: EntityRecord): e is PersonRecord => e.kind === 'PERSON';
export const isProject = (e: EntityRecord): e is ProjectRecord => e.kind === 'PROJECT';
export const isHospital = (e: EntityRecord): e is HospitalRecord => e.kind === 'HOSPITAL';
export const isProgramme = (e: EntityRecord): e is ProgrammeRecord => e.kind === 'PROGRAMME';

const EntityRow = z.object({
  id: z.string(),
  kind: z.enum(EntityKind),
  name: z.string(),
  nameZh: text,
  aliases: z.array(z.string()).nullish().transform((v) => v ?? []),
  code: text,
  officialName: text,
});

const HIDDEN = new Set<string>([...INTERNAL_PROPERTIES, ...CORE_PROPERTIES]);
const KINDS: ReadonlySet<unknown> = new Set<unknown>(Object.values(EntityKind));
export const isKind = (v: unknown): v is EntityKind => KINDS.has(v);
const isNames = (v: unknown): v is string[] | null | undefined =>
  v === undefined || v === null || (Array.isArray(v) && v.every((a) => typeof a === 'string'));

/**
 * The row as EntityRow parses it, checked by hand when every value already has its usual type (a
 * county's villages, a search page: hundreds of rows a request, where zod's checks showed in CPU
 * profiles); null sends the row to zod, which converts the unusual (a number stored as text) and
 * names what is wrong.
 */
function usualRow(p: Record<string, unknown>): z.output<typeof EntityRow> | null {
  const { id, kind, name, nameZh, aliases, code, officialName } = p;
  if (typeof id !== 'string' || typeof name !== 'string' || !isKind(kind) || !isNames(aliases)) return null;
  if (!isText(nameZh) || !isText(code) || !isText(officialName)) return null;
  return { id, kind, name, nameZh: nameZh ?? null, aliases: aliases ?? [], code: code ?? null, officialName: officialName ?? null };
}

const isSupportMode = absentOr(SupportMode);

/**
 * A project's facts as ProjectFacts parses them, checked by hand when each is absent or already
 * has its usual type (zod took several µs a project, many times the rest of its parsing); null
 * sends them to zod, which converts the unusual (a year stored as a number) and names what is wrong.
 */
function usualProjectFacts(p: Record<string, unknown>): z.output<typeof ProjectFacts> | null {
  const { openedOn, supportMode, projectType } = p;
  if (!isText(openedOn) || !isText(projectType) || !isSupportMode(supportMode)) return null;
  return { openedOn: openedOn ?? null, supportMode: supportMode ?? null, projectType: projectType ?? null };
}

export const isCompact = (s: StoredEntity): s is readonly unknown[] => Array.isArray(s);

/** A compact row (projection.ts) as the map it stands for; it holds no other fact by construction. */
function expand([id, kind, name, nameZh, aliases, code, officialName]: readonly unknown[]): Record<string, unknown> {
  return { id, kind, name, nameZh, aliases, code, officialName };
}

/**
 * A compact row straight to its record, when its values have their usual types; null sends it the
 * long way. A county's villages are hundreds of these a request, a search page's entities ten: one
 * object each, not the five the general path builds.
 */
function compactRecord([id, kind, name, nameZh, aliases, code, officialName]: readonly unknown[]): EntityRecord | null {
  if (typeof id !== 'string' || typeof name !== 'string' || !isKind(kind) || !isNames(aliases)) return null;
  if (!isText(nameZh) || !isText(code) || !isText(officialName)) return null;
  const zh = nameZh ?? null;
  const known = aliases ?? [];
  const listed = code ?? null;
  const official = code ? (officialName ?? nameZh ?? null) : null;
  // Object literals, not spreads: a spread record cost ten times as much to build, and to read.
  if (kind !== 'PROJECT') return { id, kind, name, nameZh: zh, aliases: known, code: listed, officialName: official, properties: {} };
  // A project's own facts are not in a compact row (only a selection of core fields gets one).
  return {
    id, kind, name, nameZh: zh, aliases: known, code: listed, officialName: official, properties: {},
    openedOn: null, supportMode: null, projectType: null,
  };
}

/** Parses a node's property map (or compact row) into its family's record; bookkeeping stays behind. */
export function parseEntity(stored: StoredEntity): EntityRecord {
  if (isCompact(stored)) return compactRecord(stored) ?? parseMap(expand(stored));
  return parseMap(stored);
}

/** A property map into its family's record; what is not a core fact or bookkeeping goes to `properties`. */
function parseMap(p: Record<string, unknown>): EntityRecord {
  const row = usualRow(p) ?? EntityRow.parse(p);
  const properties: Record<string, unknown> = {};
  for (const k of Object.keys(p)) if (!HIDDEN.has(k)) properties[k] = p[k];
  const { id, kind, name, nameZh, aliases, code } = row;
  const officialName = code ? (row.officialName ?? nameZh) : null;
  // Object literals, not spreads (see compactRecord).
  if (kind !== 'PROJECT') return { id, kind, name, nameZh, aliases, code, officialName, properties };
  const { openedOn, supportMode, projectType } = usualProjectFacts(p) ?? ProjectFacts.parse(p);
  return { id, kind, name, nameZh, aliases, code, officialName, properties, openedOn, supportMode, projectType };
}
