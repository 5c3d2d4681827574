// The slice of the official division list every test run loads: the article's two provinces to
// their villages, and the whole country to its counties (the national frame the names tests search).
import type { GazetteerSelection } from '../../src/gazetteer/load.js';

export const TEST_GAZETTEER: GazetteerSelection = { depth: 'village', provinces: ['21', '54'], outline: 'county' };
/**
 * Places in that slice, counted from the package's files: 31 provinces, 342 prefectures and 2,978
 * counties of the whole country, and the 2,111 townships and 22,307 villages of 辽宁省 and 西藏自治区.
 */
export const TEST_GAZETTEER_PLACES = 31 + 342 + 2_978 + 2_111 + 22_307;
