// `npx tsx scripts/score-drafts.ts [text id prefix …] [--json FILE] [--against FILE]`: drafts the dev
// set's texts (test/fixtures/programme and the first article) and prints the score table against the
// gold, then what each text's draft missed and proposed wrongly. With no prefix every text is scored;
// with prefixes (04 15 tibet) only those. WRITE_SCORE=1 also writes the table to docs/drafting-dev-set.md.
// `--json FILE` keeps each text's counts; `--against FILE` prints, text by text, what changed since
// those counts: how a rule is judged on the texts it was not written from (docs/drafting-dev-set.md).
import fs from 'node:fs';
import { devCases, formatMisses, formatScores, readGoals, scoreDevSet, totalOf, unmetGoals, writeScorePage, type CaseScore } from '../src/ingest/draft/score.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value) throw new Error(`${name} needs a file`);
  args.splice(at, 2);
  return value;
};
const jsonOut = option('--json');
const against = option('--against');
const prefixes = args;
const cases = devCases((id) => !prefixes.length || prefixes.some((p) => id.startsWith(p)));
if (!cases.length) {
  console.error(`no dev-set text starts with ${prefixes.join(' or ')}`);
  process.exit(2);
}
const goals = readGoals();
const scores = scoreDevSet(cases);

/** A text's counts: found and correct of each kind, right of each attribute. */
type Counts = Record<string, number>;
function countsOf(s: CaseScore): Counts {
  const out: Counts = {};
  for (const [kind, k] of Object.entries(s.kinds)) Object.assign(out, { [`${kind} found`]: k.found, [`${kind} wrong`]: k.drafted - k.correct });
  for (const name of ['figureQualifier', 'figureSubject', 'figureMetric', 'figurePeriod', 'pairingProgramme', 'pairingYears'] as const) out[`${name} right`] = s[name].right;
  return out;
}

if (against) {
  const before = JSON.parse(fs.readFileSync(against, 'utf8')) as Record<string, Counts>;
  console.log(`Changes since ${against} (a count that rose is better, except "wrong"):`);
  for (const s of [...scores, totalOf(scores)]) {
    const now = countsOf(s);
    const was = before[s.id] ?? {};
    const changed = Object.keys(now).filter((k) => now[k] !== was[k]).map((k) => `${k} ${was[k] ?? '–'} → ${now[k]}`);
    if (changed.length) console.log(`- ${s.id}: ${changed.join(', ')}`);
  }
} else {
  console.log(formatScores(scores, goals));
  console.log(`\n## Misses\n\n${formatMisses(scores)}`);
  const unmet = unmetGoals(totalOf(scores), goals);
  console.log(unmet.length ? `\nGoals not met: ${unmet.join('; ')}` : '\nEvery goal met.');
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(Object.fromEntries([...scores, totalOf(scores)].map((s) => [s.id, countsOf(s)])), null, 1));
if (process.env.WRITE_SCORE === '1') {
  const file = writeScorePage(scores, goals);
  console.log(`wrote ${file} (${fs.statSync(file).size} bytes)`);
}
