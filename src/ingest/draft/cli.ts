// `aidgraph source …` (`npm run source -- …` from a clone): turning a source's text into seeds.
// src/app/cli.ts parses the arguments (one parser for every command); these run what it parsed.
//   add <text file> --title … --publisher … --date YYYY-MM-DD [--url …] [--author …] [--id …]
//       [--license …] [--rights-holder …] [--usage-note …] [--out seeds] [--seeds seeds]
//   review <folder> [--list | --confirm-all] [--seeds seeds]
//   compare <draft folder> <hand-made folder>
import { SeedValidationError } from '../dataset.js';
import { addSource } from './add.js';
import { compareFolders, formatComparison } from './compare.js';
import { applyDecisions, describe, draftItems, reviewContext, reviewInteractively, validationReport, type Decision } from './review.js';

export interface SourceAddOptions {
  title: string; publisher: string; date: string; url?: string | undefined; author?: string[] | undefined; id?: string | undefined;
  license?: string | undefined; rightsHolder?: string | undefined; usageNote?: string | undefined;
  /** Where the new folder goes, and the seed folders it is validated with. */
  out: string; seeds: string;
}

/** What a person can act on (a refused folder, a missing file) is one message and exit code 1. */
function failed(err: unknown): number {
  console.error(err instanceof SeedValidationError || err instanceof Error ? err.message : err);
  return 1;
}

export function runSourceAdd(textFile: string, o: SourceAddOptions): number {
  try {
    const report = addSource({
      textFile, title: o.title, publisher: o.publisher, date: o.date, url: o.url, authors: o.author,
      id: o.id, license: o.license, rightsHolder: o.rightsHolder, usageNote: o.usageNote,
      outDir: o.out, seedsDir: o.seeds,
    });
    console.log(`drafted ${report.folder}: ${report.counts.entities} entities, ${report.counts.relationships} relationships, ${report.counts.quantities} quantities, all status: draft`);
    for (const d of report.dropped) console.log(`  left out ${d.id}: ${d.reason}`);
    console.log(`next: npm run source -- review ${report.folder}`);
    return 0;
  } catch (err) {
    return failed(err);
  }
}

export async function runSourceReview(folder: string, o: { list: boolean; confirmAll: boolean; seeds: string }): Promise<number> {
  try {
    if (o.list) {
      const items = draftItems(folder);
      const context = reviewContext(folder);
      items.forEach((item, i) => console.log(`${describe(item, i, items.length, context)}\n`));
      console.log(`${items.length} drafts: confirm each by deleting its status and draft lines (or drop the record), or run without --list`);
    } else {
      const result = o.confirmAll
        ? applyDecisions(folder, new Map(draftItems(folder).map((i): [string, Decision] => [i.record.id, { action: 'confirm' }])))
        : await reviewInteractively(folder, process.stdin, process.stdout);
      console.log(`confirmed ${result.confirmed} (edited ${result.edited}), dropped ${result.dropped}, ${result.left} drafts left`);
    }
    const check = validationReport(folder, o.seeds);
    console.log(check.text);
    return check.ok ? 0 : 1;
  } catch (err) {
    return failed(err);
  }
}

export function runSourceCompare(draft: string, folder: string): number {
  try {
    console.log(formatComparison(compareFolders(draft, folder)));
    return 0;
  } catch (err) {
    return failed(err);
  }
}
