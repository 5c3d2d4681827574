// `npm run source -- <command>`: the thin entry for turning a source into seeds (mountable later as
// `aidgraph source …`).
//   add <text file> --title … --publisher … --date YYYY-MM-DD [--url …] [--author …] [--id …]
//       [--license …] [--rights-holder …] [--usage-note …] [--out seeds] [--seeds seeds]
//   review <folder> [--list | --confirm-all] [--seeds seeds]
//   compare <draft folder> <hand-made folder>
import { parseArgs } from 'node:util';
import { SEEDS_DIR } from '../seed.js';
import { SeedValidationError } from '../dataset.js';
import { addSource } from './add.js';
import { compareFolders, formatComparison } from './compare.js';
import { applyDecisions, describe, draftItems, reviewContext, reviewInteractively, validationReport, type Decision } from './review.js';

const USAGE = `usage:
  npm run source -- add <text file> --title <title> --publisher <publisher> --date YYYY-MM-DD [--url <url>] [--author <name> …] [--id <id>] [--out <dir>]
  npm run source -- review <folder> [--list | --confirm-all]
  npm run source -- compare <draft folder> <hand-made folder>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' }, publisher: { type: 'string' }, date: { type: 'string' }, url: { type: 'string' },
    author: { type: 'string', multiple: true }, id: { type: 'string' }, license: { type: 'string' },
    'rights-holder': { type: 'string' }, 'usage-note': { type: 'string' },
    out: { type: 'string', default: SEEDS_DIR }, seeds: { type: 'string', default: SEEDS_DIR },
    list: { type: 'boolean', default: false }, 'confirm-all': { type: 'boolean', default: false },
  },
});

const [command, ...args] = positionals;
try {
  if (command === 'add' && args.length === 1) {
    for (const need of ['title', 'publisher', 'date'] as const) if (!values[need]) throw new Error(`--${need} is required\n${USAGE}`);
    const report = addSource({
      textFile: args[0]!, title: values.title!, publisher: values.publisher!, date: values.date!, url: values.url, authors: values.author,
      id: values.id, license: values.license, rightsHolder: values['rights-holder'], usageNote: values['usage-note'],
      outDir: values.out, seedsDir: values.seeds,
    });
    console.log(`drafted ${report.folder}: ${report.counts.entities} entities, ${report.counts.relationships} relationships, ${report.counts.quantities} quantities, all status: draft`);
    for (const d of report.dropped) console.log(`  left out ${d.id}: ${d.reason}`);
    console.log(`next: npm run source -- review ${report.folder}`);
  } else if (command === 'review' && args.length === 1) {
    const folder = args[0]!;
    if (values.list) {
      const items = draftItems(folder);
      const context = reviewContext(folder);
      items.forEach((item, i) => console.log(`${describe(item, i, items.length, context)}\n`));
      console.log(`${items.length} drafts: confirm each by deleting its status and draft lines (or drop the record), or run without --list`);
    } else {
      const result = values['confirm-all']
        ? applyDecisions(folder, new Map(draftItems(folder).map((i): [string, Decision] => [i.record.id, { action: 'confirm' }])))
        : await reviewInteractively(folder, process.stdin, process.stdout);
      console.log(`confirmed ${result.confirmed} (edited ${result.edited}), dropped ${result.dropped}, ${result.left} drafts left`);
    }
    const check = validationReport(folder, values.seeds);
    console.log(check.text);
    if (!check.ok) process.exitCode = 1;
  } else if (command === 'compare' && args.length === 2) {
    console.log(formatComparison(compareFolders(args[0]!, args[1]!)));
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof SeedValidationError || err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
