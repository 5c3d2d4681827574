// Where a place is and whose name it carries: its location (the seat's position a dataset gives)
// with the dataset's record as its citation, the origin of its English name, its pinyin, and the
// distance between two located places. They are not stored on the node: a place of the list holds
// its names, code and keys only and travels as a compact row (entities/projection.ts), so they are
// read here from what the node is made from: its code (through the committed names file) and its
// official name. Every reader gets the same answer from the same two inputs.
import type { LocationBasis, NameOrigin, NameScript } from '../../generated/graphql.js';
import { greatCircleKm, type LatLon } from '../../domain/geo.js';
import { englishNameFile, placeNameSource, type EnglishNameSource } from '../../domain/english-names.js';
import { PLACE_CODE_ID } from '../../domain/ids.js';
import { pinyinName } from '../../domain/search-keys.js';
import type { CitationRecord } from '../provenance/provenance.mappers.js';
import type { PlaceRecord } from './places.mappers.js';

export interface LocationRecord extends LatLon {
  basis: LocationBasis;
  citation: CitationRecord;
}

export interface ScriptNameRecord {
  text: string;
  script: NameScript;
  citation: CitationRecord;
}

const BASIS = { capital: 'CAPITAL', seat: 'SEAT', 'namesake-city': 'NAMESAKE_CITY_SEAT' } as const satisfies Record<string, LocationBasis>;

const ORIGIN: Record<EnglishNameSource, NameOrigin> = {
  'geonames-admin1': 'DATASET', 'geonames-admin2': 'DATASET', 'geonames-city': 'DATASET', conventional: 'CONVENTIONAL', derived: 'DERIVED',
};

/** The position of a place of the official list, when a dataset locates it. */
export function positionOf(place: Pick<PlaceRecord, 'code'>): LatLon | null {
  const entry = place.code ? englishNameFile().places[place.code] : undefined;
  return entry?.lat !== undefined && entry.lon !== undefined ? { latitude: entry.lat, longitude: entry.lon } : null;
}

/** A place's location, cited to the dataset record the position was read from. */
export function locationOf(place: Pick<PlaceRecord, 'id' | 'code'>): LocationRecord | null {
  const position = positionOf(place);
  const entry = place.code ? englishNameFile().places[place.code] : undefined;
  const source = entry?.recordSource ? placeNameSource(entry.recordSource) : undefined;
  if (!position || !entry?.record || !source) return null;
  return {
    ...position,
    basis: BASIS[entry.seat ?? 'seat'],
    // The dataset's record states the position.
    citation: { subjectId: place.id, quote: entry.record, sourceId: source.id, publishedAt: source.publishedAt, evidence: 'STATES', position: 0 },
  };
}

/** The place's names in Tibetan and Uyghur script, each cited to the dataset record that gives it. */
export function scriptNamesOf(place: Pick<PlaceRecord, 'id' | 'code'>): ScriptNameRecord[] {
  const names = place.code ? englishNameFile().places[place.code]?.scriptNames : undefined;
  const source = names ? placeNameSource(names.recordSource) : undefined;
  if (!names || !source) return [];
  const citation: CitationRecord = { subjectId: place.id, quote: names.record, sourceId: source.id, publishedAt: source.publishedAt, evidence: 'STATES', position: 0 };
  return [
    ...names.tibetan.map((text) => ({ text, script: 'TIBETAN' as const, citation })),
    ...names.uyghur.map((text) => ({ text, script: 'UYGHUR' as const, citation })),
  ];
}

/** Where the place's English name comes from: a place only the list knows is named from the names file. */
export function nameOriginOf(place: Pick<PlaceRecord, 'id' | 'code'>): NameOrigin {
  if (!PLACE_CODE_ID.test(place.id) || !place.code) return 'SEED';
  return ORIGIN[englishNameFile().places[place.code]?.source ?? 'derived'];
}

/** The place's name in pinyin (pinyinName of its official name, as the loads store it). */
export function pinyinOf(place: Pick<PlaceRecord, 'nameZh' | 'officialName'>): string | null {
  const zh = place.officialName ?? place.nameZh;
  return zh ? pinyinName(zh) : null;
}

/** Kilometres between two places, rounded; null unless both are located. */
export function distanceKm(a: Pick<PlaceRecord, 'code'>, b: Pick<PlaceRecord, 'code'>): number | null {
  const from = positionOf(a);
  const to = positionOf(b);
  return from && to ? Math.round(greatCircleKm(from, to)) : null;
}
