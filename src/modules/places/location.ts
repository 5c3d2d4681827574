// Where a place is and whose name it carries: its location (the seat's position a dataset gives,
// stored on the place by the gazetteer load and the seed load) with the dataset's record as its
// citation, the origin of its English name, and the distance between two located places.
import type { LocationBasis, NameOrigin } from '../../generated/graphql.js';
import { greatCircleKm, type LatLon } from '../../domain/geo.js';
import { englishNameFile, type EnglishNameSource } from '../../domain/english-names.js';
import { PLACE_CODE_ID } from '../../domain/ids.js';
import type { CitationRecord } from '../provenance/provenance.mappers.js';
import type { PlaceRecord } from '../entities/entities.mappers.js';

export interface LocationRecord extends LatLon {
  basis: LocationBasis;
  citation: CitationRecord;
}

const ORIGIN: Record<EnglishNameSource, NameOrigin> = {
  'geonames-admin1': 'DATASET', 'geonames-admin2': 'DATASET', 'geonames-city': 'DATASET', conventional: 'CONVENTIONAL', derived: 'DERIVED',
};

/** The stored position of a place, when it has one. */
export function positionOf(place: Pick<PlaceRecord, 'properties'>): LatLon | null {
  const { latitude, longitude } = place.properties;
  return typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : null;
}

/** A place's location, cited to the dataset record the position was read from. */
export function locationOf(place: Pick<PlaceRecord, 'id' | 'code' | 'properties'>): LocationRecord | null {
  const position = positionOf(place);
  const entry = place.code ? englishNameFile().places[place.code] : undefined;
  if (!position || !entry?.record || !entry.recordSource) return null;
  const source = englishNameFile().sources.find((s) => s.id === entry.recordSource)!;
  return {
    ...position,
    basis: entry.seat === 'capital' ? 'CAPITAL' : 'SEAT',
    citation: { subjectId: place.id, quote: entry.record, sourceId: source.id, publishedAt: source.publishedAt },
  };
}

/** Where the place's English name comes from: a place only the list knows is named from the names file. */
export function nameOriginOf(place: Pick<PlaceRecord, 'id' | 'code'>): NameOrigin {
  if (!PLACE_CODE_ID.test(place.id) || !place.code) return 'SEED';
  return ORIGIN[englishNameFile().places[place.code]?.source ?? 'derived'];
}

/** Kilometres between two places, rounded; null unless both are located. */
export function distanceKm(a: Pick<PlaceRecord, 'properties'>, b: Pick<PlaceRecord, 'properties'>): number | null {
  const from = positionOf(a);
  const to = positionOf(b);
  return from && to ? Math.round(greatCircleKm(from, to)) : null;
}
