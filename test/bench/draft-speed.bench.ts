// `npm run bench:draft [characters]`: how long `source add`'s drafting takes on a long text — the
// dev set's fourteen texts and the first article, repeated up to the length asked (100,000
// characters by default; issue 27's goal is at most 10 s for that). A benchmark line, not a test: it
// prints the seconds (index built once, then drafting) and the draft's size.
import fs from 'node:fs';
import path from 'node:path';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { draftFromText } from '../../src/ingest/draft/draft.js';
import { PlaceIndex } from '../../src/ingest/draft/places.js';

const want = Number(process.argv[2] ?? 100_000);
const dir = path.resolve('test/fixtures/programme');
const pieces = [
  ...fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
  fs.readFileSync(path.resolve('seeds/tibet-daily-2024-06-21-liaoning-nagqu/source.txt'), 'utf8'),
];
let text = '';
for (let i = 0; text.length < want; i++) text += `${pieces[i % pieces.length]}\n`;
text = text.slice(0, want);

const t0 = performance.now();
const places = new PlaceIndex(gazetteerEdition());
const t1 = performance.now();
const draft = draftFromText(text, {
  id: 'bench', title: 'bench', publisher: 'bench', publishedAt: '2024-01-01', license: 'All rights reserved', rightsHolder: 'bench', usageNote: 'bench',
}, { places });
const t2 = performance.now();
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(`drafted ${text.length} characters in ${s(t2 - t1)} s (the place index and jieba's dictionary: ${s(t1 - t0)} s more, once a process): ` +
  `${draft.entities.length} entities, ${draft.relationships.length} relationships, ${draft.quantities.length} quantities`);
