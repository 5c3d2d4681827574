// The slice of the official division list every test run loads: the article's two provinces.
import type { GazetteerSelection } from '../../src/gazetteer/load.js';

export const TEST_GAZETTEER: GazetteerSelection = { depth: 'village', provinces: ['21', '54'] };
/** Places in that slice (31 + … + villages of 辽宁省 and 西藏自治区), counted from the package's files. */
export const TEST_GAZETTEER_PLACES = 18_248 + 6_371;
