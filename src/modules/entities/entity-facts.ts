// The base every entity record is built on: the facts every entity has whatever its kind, and the
// parser that reads them from a row (projection.ts) into a record of the row's kind. Each kind's
// record is declared by the module that owns it (places, institutions, people, projects,
// programmes) on this base; entities.mappers.ts is their union and the one parser that sends a row
// to its kind's. This file imports no module, so a module's records never make an import circle.
import { z } from 'zod';
import { CORE_PROPERTIES, EntityKind, INTERNAL_PROPERTIES } from '../../domain/vocabulary.js';
import { isText, text } from '../../domain/parse.js';
import { COMPACT_ORDER, type StoredEntity } from './projection.js';

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

/** The core values a compact row holds as EntityRow parses them (zod converts the unusual and names what is wrong). */
function parseCore([id, kind, name, nameZh, aliases, code, officialName]: StoredEntity): z.output<typeof EntityRow> {
  return EntityRow.parse({ id, kind, name, nameZh, aliases, code, officialName });
}

/** A seed's facts (the map after the compact row): what is not a core fact or bookkeeping. */
function factsOf(facts: unknown): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (facts === undefined || facts === null) return properties;
  if (typeof facts !== 'object' || Array.isArray(facts)) throw new Error(`not an entity's facts: ${JSON.stringify(facts).slice(0, 200)}`);
  for (const [k, v] of Object.entries(facts)) if (!HIDDEN.has(k)) properties[k] = v;
  return properties;
}

/**
 * An entity row (projection.ts) as the base record of its kind; bookkeeping stays behind. The core
 * values are checked by hand when each already has its usual type (a county's villages, a search
 * page: hundreds of rows a request, where zod's checks showed in CPU profiles), else by zod. A kind
 * with facts of its own reads them from `properties` (a row of the list's places has none).
 */
export function parseEntityBase(row: StoredEntity): EntityBase {
  const properties = factsOf(row[COMPACT_ORDER.length]);
  const [id, kind, name, nameZh, aliases, code, officialName] = row;
  if (typeof id === 'string' && typeof name === 'string' && isKind(kind) && isNames(aliases) && isText(nameZh) && isText(code) && isText(officialName)) {
    const official = code ? (officialName ?? nameZh ?? null) : null;
    // An object literal, not a spread: a spread record cost ten times as much to build, and to read.
    return { id, kind, name, nameZh: nameZh ?? null, aliases: aliases ?? [], code: code ?? null, officialName: official, properties };
  }
  const core = parseCore(row);
  return { ...core, officialName: core.code ? (core.officialName ?? core.nameZh) : null, properties };
}
