// A tiny official division list in the package's own file format, for loader and validation tests:
// province 99 with two cities, three counties, three townships and four villages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gazetteerEdition, type GazetteerEdition } from '../../src/gazetteer/division-list.js';

export const FIXTURE_FILES: Record<string, string[]> = {
  'provinces.csv': ['code,name', '99,"测试省"'],
  'cities.csv': ['code,name,provinceCode', '9901,"甲市",99', '9902,"乙市",99'],
  'areas.csv': ['code,name,cityCode,provinceCode', '990101,"丙县",9901,99', '990102,"丁区",9901,99', '990201,"戊县",9902,99'],
  'streets.csv': [
    'code,name,areaCode,provinceCode,cityCode',
    '990101001,"己镇",990101,99,9901', '990101002,"庚乡",990101,99,9901', '990201001,"辛镇",990201,99,9902',
  ],
  'villages.csv': [
    'code,name,streetCode,provinceCode,cityCode,areaCode',
    '990101001001,"和平村",990101001,99,9901,990101', '990101001002,"新华村",990101001,99,9901,990101',
    '990101002001,"和平村",990101002,99,9901,990101', '990201001001,"红星社区居委会",990201001,99,9902,990201',
  ],
};
export const FIXTURE_PLACES = 1 + 2 + 3 + 3 + 4;

/** Writes the fixture (with edits per file) and returns it as an edition of its own. */
export function writeGazetteerFixture(version: string, edit: (files: Record<string, string[]>) => void = () => {}): GazetteerEdition {
  const files = structuredClone(FIXTURE_FILES);
  edit(files);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-gazetteer-'));
  for (const [name, lines] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  return gazetteerEdition({ dir, version });
}
