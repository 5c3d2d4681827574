// `npx tsx scripts/score-drafts.ts [text id prefix …]`: drafts the dev set's texts (test/fixtures/
// programme and the first article) and prints the score table against the gold, then what each
// text's draft missed and proposed wrongly. With no argument every text is scored; with prefixes
// (04 15 tibet) only those. WRITE_SCORE=1 also writes the table to docs/drafting-dev-set.md.
import fs from 'node:fs';
import { devCases, formatMisses, formatScores, readGoals, scoreDevSet, totalOf, unmetGoals, writeScorePage } from '../src/ingest/draft/score.js';

const prefixes = process.argv.slice(2);
const cases = devCases((id) => !prefixes.length || prefixes.some((p) => id.startsWith(p)));
if (!cases.length) {
  console.error(`no dev-set text starts with ${prefixes.join(' or ')}`);
  process.exit(2);
}
const goals = readGoals();
const scores = scoreDevSet(cases);
console.log(formatScores(scores, goals));
console.log(`\n## Misses\n\n${formatMisses(scores)}`);
const unmet = unmetGoals(totalOf(scores), goals);
console.log(unmet.length ? `\nGoals not met: ${unmet.join('; ')}` : '\nEvery goal met.');
if (process.env.WRITE_SCORE === '1') {
  const file = writeScorePage(scores, goals);
  console.log(`wrote ${file} (${fs.statSync(file).size} bytes)`);
}
