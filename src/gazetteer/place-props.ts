// What a place of the official list holds in the graph. Two layers share one node: the list's own
// facts (code, official name, parent, the record that states them), which the gazetteer and a seed
// naming the same code write identically, and the names people search by, which a seed may claim
// (安多县 stays `county:amdo`, "Amdo County") and which otherwise come from the list itself.
import { searchKeys, searchText } from '../domain/search-keys.js';
import type { DivisionRecord } from './division-list.js';
import { placeIdOfCode } from '../domain/ids.js';
import { listedNames } from '../domain/english-names.js';

/**
 * The list's facts about a place, on every node with a code, whoever wrote it: the code (which holds
 * the parent codes as its prefixes) and, where a seed's Chinese name differs from it, the official
 * name. The cited record is rebuilt from these (`recordText`), so nothing is stored twice.
 */
export interface OfficialProps {
  code: string;
  officialName?: string;
}

export function officialProps(r: DivisionRecord, nameZh: string | null = r.nameZh): OfficialProps {
  return nameZh === r.nameZh ? { code: r.code } : { code: r.code, officialName: r.nameZh };
}

/** Search fields of an entity, from all its names; one definition for seeds and the gazetteer. */
export function searchProps(names: { name: string; nameZh: string | null; aliases: string[]; officialName?: string | null; more?: string[] }) {
  // The name's own key first: a search for it ranks the entity as an exact name match.
  const keys = searchKeys([names.name, names.nameZh, names.officialName, ...names.aliases, ...(names.more ?? [])]);
  return {
    searchText: searchText(keys),
    ...(names.aliases.length ? { aliasesText: names.aliases.join(' | ') } : {}),
  };
}

/** A place as the list alone describes it (no seed claims it): named in English, found by every name. */
export function gazetteerPlaceProps(r: DivisionRecord): Record<string, unknown> {
  // Names and keys only: such a place travels as a compact row (entities/projection.ts), so its
  // pinyin and position are read from its official name and code when asked (places/location.ts).
  const { name, names } = listedNames(r.code, r.nameZh);
  return {
    id: placeIdOfCode(r.code),
    kind: r.kind,
    name,
    nameZh: r.nameZh,
    ...searchProps({ name, nameZh: r.nameZh, aliases: [], more: names }),
    ...officialProps(r),
  };
}
