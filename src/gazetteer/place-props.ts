// What a place of the official list holds in the graph. Two layers share one node: the list's own
// facts (code, official name, parent, the record that states them), which the gazetteer and a seed
// naming the same code write identically, and the names people search by, which a seed may claim
// (安多县 stays `county:amdo`, "Amdo County") and which otherwise come from the list itself.
import { pinyinName, searchKeys, searchText } from '../modules/explore/search-keys.js';
import type { DivisionRecord } from './division-list.js';

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

/** The stable id of a place known only from the list: `place:540624102`. */
export const placeIdOfCode = (code: string) => `place:${code}`;
export const PLACE_CODE_ID = /^place:(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
export const OFFICIAL_PART_OF_PREFIX = 'part-of:';
/** The id of the PART_OF edge the list states: `part-of:540624102` (the child's code). */
export const partOfIdOfCode = (code: string) => `${OFFICIAL_PART_OF_PREFIX}${code}`;
/** Such an id, as a pattern for Cypher's `=~` (which matches the whole string). */
export const OFFICIAL_PART_OF_PATTERN = `${OFFICIAL_PART_OF_PREFIX}([0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})`;

/** Search fields of an entity, from all its names; one definition for seeds and the gazetteer. */
export function searchProps(names: { name: string; nameZh: string | null; aliases: string[]; officialName?: string | null }) {
  // The name's own key first: a search for it ranks the entity as an exact name match.
  const keys = searchKeys([names.name, names.nameZh, names.officialName, ...names.aliases]);
  return {
    searchText: searchText(keys),
    ...(names.aliases.length ? { aliasesText: names.aliases.join(' | ') } : {}),
  };
}

/** A place as the list alone describes it (no seed claims it). */
export function gazetteerPlaceProps(r: DivisionRecord): Record<string, unknown> {
  const name = pinyinName(r.nameZh);
  return {
    id: placeIdOfCode(r.code),
    kind: r.kind,
    name,
    nameZh: r.nameZh,
    ...searchProps({ name, nameZh: r.nameZh, aliases: [] }),
    ...officialProps(r),
  };
}
