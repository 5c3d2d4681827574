// The ids the loaders derive rather than read: a place known only from the official division list
// and the PART_OF edge the list states are named after the place's code, so the gazetteer, a seed
// naming the same code and the API all agree on them without a lookup.

/** The stable id of a place known only from the list: `place:540624102`. */
export const placeIdOfCode = (code: string) => `place:${code}`;
export const PLACE_CODE_ID = /^place:(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
export const OFFICIAL_PART_OF_PREFIX = 'part-of:';
/** The id of the PART_OF edge the list states: `part-of:540624102` (the child's code). */
export const partOfIdOfCode = (code: string) => `${OFFICIAL_PART_OF_PREFIX}${code}`;
/** Such an id, as a pattern for Cypher's `=~` (which matches the whole string). */
export const OFFICIAL_PART_OF_PATTERN = `${OFFICIAL_PART_OF_PREFIX}([0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})`;
