// The shape of an official division code (统计用区划代码): five levels, each with its digits and its
// parent-code columns, so a code says its level and its parents, and a place's record can be
// rebuilt from its code and name. Pure data and arithmetic; gazetteer/division-list.ts reads the files.
import type { EntityKind } from './vocabulary.js';

/** The five levels, top down; a place's code has as many digits as its level says. */
// `parents`: the digits of each parent-code column of the level's file, in the file's order. Every
// parent code is a prefix of the child's, so a record can be written back exactly from code and name.
export const DIVISION_LEVELS = [
  { kind: 'PROVINCE', file: 'provinces.csv', digits: 2, depth: 'province', parents: [] },
  { kind: 'CITY', file: 'cities.csv', digits: 4, depth: 'city', parents: [2] },
  { kind: 'DISTRICT', file: 'areas.csv', digits: 6, depth: 'county', parents: [4, 2] },
  { kind: 'TOWNSHIP', file: 'streets.csv', digits: 9, depth: 'township', parents: [6, 2, 4] },
  { kind: 'VILLAGE', file: 'villages.csv', digits: 12, depth: 'village', parents: [9, 2, 4, 6] },
] as const satisfies ReadonlyArray<{ kind: EntityKind; file: string; digits: number; depth: string; parents: readonly number[] }>;

export type DivisionLevel = (typeof DIVISION_LEVELS)[number];
export type GazetteerDepth = 'off' | DivisionLevel['depth'];
export const GAZETTEER_DEPTHS: readonly GazetteerDepth[] = ['off', 'province', 'city', 'county', 'township', 'village'];

/** The record of a place as its level's file writes it: `540624102,"扎仁镇",540624,54,5406`. */
export function recordText(code: string, officialName: string): string {
  const level = levelOfCode(code);
  const parents = (level?.parents ?? []).map((digits) => code.slice(0, digits));
  return [code, `"${officialName}"`, ...parents].join(',');
}

export function levelOfCode(code: string): DivisionLevel | undefined {
  return DIVISION_LEVELS.find((l) => l.digits === code.length);
}

/**
 * Roughly what the store holds for a depth (measured: 665,276 places with their edges and indexes
 * make about 500 MB of store, logs aside), so memory can be planned before the first load.
 */
export function expectedGazetteerStoreBytes(depth: GazetteerDepth): number {
  const places = { off: 0, province: 31, city: 373, county: 3_351, township: 44_703, village: 665_276 }[depth];
  return places * 800;
}

export function levelsDownTo(depth: GazetteerDepth): DivisionLevel[] {
  if (depth === 'off') return [];
  const last = DIVISION_LEVELS.findIndex((l) => l.depth === depth);
  return DIVISION_LEVELS.slice(0, last + 1);
}
