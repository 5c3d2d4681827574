// The base every entity record is built on: the facts every entity has whatever its kind, and the
// parser that reads them from a row (projection.ts) into a record of the row's kind. Each kind's
// record is declared by the module that owns it (places, institutions, people, projects,
// programmes) on this base; entities.mappers.ts is their union and the one parser that sends a row
// to its kind's. This file imports no module, so a module's records never make an import circle.
import { z } from 'zod';
import { CORE_PROPERTIES, EntityKind, INTERNAL_PROPERTIES } from '../../domain/vocabulary.js';
import { isText, text } from '../../domain/parse.js';
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

/** The record of one kind on the base: a kind with facts of its own adds them as fields. */
export type KindRecord<K extends EntityKind> = EntityFacts & { kind: K };

/** Any entity with the base facts alone (one member per kind, so `kind` narrows). */
export type EntityBase = { [K in EntityKind]: KindRecord<K> }[EntityKind];

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
function compactBase([id, kind, name, nameZh, aliases, code, officialName]: readonly unknown[]): EntityBase | null {
  if (typeof id !== 'string' || typeof name !== 'string' || !isKind(kind) || !isNames(aliases)) return null;
  if (!isText(nameZh) || !isText(code) || !isText(officialName)) return null;
  const official = code ? (officialName ?? nameZh ?? null) : null;
  // An object literal, not a spread: a spread record cost ten times as much to build, and to read.
  return { id, kind, name, nameZh: nameZh ?? null, aliases: aliases ?? [], code: code ?? null, officialName: official, properties: {} };
}

/** A property map's base facts; what is not a core fact or bookkeeping goes to `properties`. */
function mapBase(p: Record<string, unknown>): EntityBase {
  const row = usualRow(p) ?? EntityRow.parse(p);
  const properties: Record<string, unknown> = {};
  for (const k of Object.keys(p)) if (!HIDDEN.has(k)) properties[k] = p[k];
  const { id, kind, name, nameZh, aliases, code } = row;
  const officialName = code ? (row.officialName ?? nameZh) : null;
  return { id, kind, name, nameZh, aliases, code, officialName, properties };
}

/**
 * A node's property map (or compact row) as the base record of its kind; bookkeeping stays behind.
 * A kind with facts of its own reads them from `properties` (a compact row has none).
 */
export function parseEntityBase(stored: StoredEntity): EntityBase {
  if (isCompact(stored)) return compactBase(stored) ?? mapBase(expand(stored));
  return mapBase(stored);
}
