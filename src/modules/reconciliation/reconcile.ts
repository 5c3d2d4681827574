// Entity reconciliation (the W3C Entity Reconciliation API, version 0.2, which OpenRefine speaks):
// a spreadsheet's names, with an optional type and parent column, matched to our entities. Names
// are found by the same search keys and statements as the `search` field (short forms, pinyin,
// codes); traditional characters are converted to simplified first (OpenCC). A candidate is certain
// (`match: true`) only when it is the one entity whose own name or search key equals the text and
// whose parent chain agrees with the parent given, and nothing that could have been cut from the
// candidate list could compete with it.
import { z } from 'zod';
import type { SearchRepository } from '../explore/search.repository.js';
import type { PlaceRepository } from '../places/places.repository.js';
import { ENTITY_KINDS, KIND_LABEL, isEntityKind, type EntityKind } from '../../domain/vocabulary.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import { normalizeName, searchKeys } from '../../domain/search-keys.js';
import { simplify } from '../../domain/chinese-script.js';
import { listedNames } from '../../domain/english-names.js';

/**
 * One query as a client sends it. Only `query` must be text; `type` (a kind or a list of them) and
 * `limit` are read leniently (an unknown type filters nothing, a bad limit means the default), and
 * fields beyond the API's are ignored.
 */
export const reconciliationQuerySchema = z.looseObject({
  query: z.string(),
  type: z.unknown().optional(),
  limit: z.unknown().optional(),
  properties: z.array(z.looseObject({ pid: z.unknown(), v: z.unknown() })).nullish(),
});
export type ReconciliationQuery = z.output<typeof reconciliationQuerySchema>;

export interface Candidate {
  id: string;
  name: string;
  type: Array<{ id: string; name: string }>;
  score: number;
  match: boolean;
  /** A place's official division code (beyond the 0.2 fields, which clients read; others ignore it). */
  code: string | null;
  description: string;
}

/** The property that names the parent place ("安多县" within "那曲市"). */
export const PARENT_PROPERTY = { id: 'parent', name: 'contained in (a parent place, any level up)' };
export const RECONCILE_TYPES = ENTITY_KINDS.map((k) => ({ id: k, name: KIND_LABEL[k] }));

/** How many candidates a name search reads; a name this common needs a parent to be certain. */
const SEARCH_DEPTH = 100;
const PARENT_CANDIDATES = 5;
export const MAX_LIMIT = 25;

/**
 * Every key an entity answers to: its names, short forms and their pinyin (search-keys.ts), and for a
 * place of the official list its English names (Kashgar, Beichuan County), as the stored keys hold them.
 */
function keysOf(e: EntityRecord): Set<string> {
  const official = e.officialName ?? e.nameZh;
  const listed = e.code && official ? listedNames(e.code, official) : null;
  return new Set(searchKeys([e.name, e.nameZh, e.officialName, ...e.aliases, ...(listed ? [listed.name, ...listed.names] : [])]));
}
const ownNames = (e: EntityRecord) => new Set([e.name, e.nameZh, e.officialName, ...e.aliases].filter(Boolean).map((n) => normalizeName(n!)));

function kindsOf(type: ReconciliationQuery['type']): EntityKind[] | null {
  const list = (Array.isArray(type) ? type : type ? [type] : []).map((t) => String(t).toUpperCase());
  const kinds = list.filter(isEntityKind);
  return kinds.length ? kinds : null;
}

function parentText(q: ReconciliationQuery): string | null {
  const p = q.properties?.find((x) => x.pid === PARENT_PROPERTY.id);
  const v = Array.isArray(p?.v) ? p.v[0] : p?.v;
  // A place given as an object ({name} or {id}, as OpenRefine sends a matched cell) or as text.
  const text = typeof v === 'object' && v !== null ? ('name' in v ? v.name : undefined) ?? ('id' in v ? v.id : undefined) : v;
  return typeof text === 'string' && text.trim() ? text.trim() : null;
}

/** The repositories a reconciliation reads: name search, and the places around a candidate. */
export interface ReconcileRepositories {
  search: Pick<SearchRepository, 'search'>;
  places: Pick<PlaceRepository, 'childrenOf' | 'ancestorsOf'>;
}

export class Reconciler {
  constructor(private readonly repos: ReconcileRepositories) {}

  async reconcile(q: ReconciliationQuery): Promise<Candidate[]> {
    const text = simplify(String(q.query ?? '').trim());
    const key = normalizeName(text);
    if (!key) return [];
    const kinds = kindsOf(q.type);
    const limit = Math.min(Math.max(Number(q.limit) || 5, 1), MAX_LIMIT);
    const parentRaw = parentText(q);
    const parent = parentRaw ? simplify(parentRaw) : null;
    const parentKey = parent ? normalizeName(parent) : null;

    const found = await this.repos.search.search(text, kinds, SEARCH_DEPTH);
    const searchFull = found.length >= SEARCH_DEPTH;
    const byId = new Map(found.map((e) => [e.id, e]));
    // The parent's own children: complete for a parent one level up, even for a name too common
    // for the search page above (a 新村 among thousands).
    const parentIds = new Set<string>();
    if (parent) {
      const parents = (await this.repos.search.search(parent, null, PARENT_CANDIDATES * 4))
        .filter((p) => keysOf(p).has(parentKey!)).slice(0, PARENT_CANDIDATES);
      for (const p of parents) parentIds.add(p.id);
      const children = (await this.repos.places.childrenOf([...parentIds])).flat();
      for (const c of children) {
        if (!byId.has(c.id) && keysOf(c).has(key) && (!kinds || kinds.includes(c.kind))) byId.set(c.id, c);
      }
    }
    const candidates = [...byId.values()];
    const chains = await this.repos.places.ancestorsOf(candidates.map((c) => c.id));

    const scored = candidates.map((e, i) => {
      const chain = chains[i]!;
      const exactName = ownNames(e).has(key);
      const exactKey = exactName || keysOf(e).has(key);
      const parentAgrees = !parentKey ? null : chain.some((a) => parentIds.has(a.id) || keysOf(a).has(parentKey));
      const immediate = !!chain[0] && parentIds.has(chain[0].id);
      let score = exactName ? 100 : exactKey ? 90 : 60 - Math.min(30, Math.abs([...e.name].length - [...text].length) * 3);
      if (parentAgrees === false) score -= 50;
      return { e, chain, exactKey, parentAgrees, immediate, score };
    });
    scored.sort((a, b) => b.score - a.score);

    // Certain: one entity equals the text and agrees with the parent, and no competitor can hide
    // beyond the search page (a full page is complete only for the parent's direct children).
    const fitting = scored.filter((s) => s.exactKey && s.parentAgrees !== false);
    const only = fitting.length === 1 ? fitting[0]! : null;
    const certain = !!only && (!searchFull || only.immediate);

    return scored.slice(0, limit).map((s) => ({
      id: s.e.id,
      name: s.e.nameZh ? `${s.e.nameZh} (${s.e.name})` : s.e.name,
      type: [{ id: s.e.kind, name: KIND_LABEL[s.e.kind] }],
      score: Math.max(0, s.score),
      match: certain && s === only,
      code: s.e.code,
      description: [s.e.code ? `code ${s.e.code}` : null, s.chain.length ? s.chain.map((a) => a.nameZh ?? a.name).join(' < ') : null]
        .filter(Boolean).join('; '),
    }));
  }
}
