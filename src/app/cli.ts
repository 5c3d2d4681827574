#!/usr/bin/env node
// `aidgraph <command>`: the one entry point and the one argument parser (commander) for every
// command; the npm scripts (`npm start`, `npm run seed`, `npm run check`, `npm run source -- …`) are
// aliases of these. `serve` runs the service in this very process (so the SIGTERM a container
// runtime or systemd sends reaches the code that stops HTTP, the driver and Neo4j); `seed` loads the
// seed folders, the gazetteer and checks citations; `check` checks citations only; `export` writes
// the graph out in bulk; `import` loads a JSONL export into an empty database; `source` drafts,
// reviews and compares seed folders made from a source's text.
import { Command, Option } from 'commander';
import type { SourceAddOptions } from '../ingest/draft/cli.js';
import { SEEDS_DIR } from '../ingest/seed.js';
import { CODE_VERSION } from '../api/version.js';

const program = new Command('aidgraph')
  .description('An open GraphQL knowledge graph of paired-assistance (对口支援) relationships, every fact cited.')
  .version(CODE_VERSION);

program.configureOutput({ outputError: (str, write) => write(str) });
// Set before the commands are made: each copies it. Help and version exit 0, usage errors non-zero.
program.exitOverride((err) => {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
  process.exit(err.exitCode || 2);
});

program
  .command('serve')
  .description('start the service: open the graph (embedded Neo4j unless NEO4J_URI is set), load seeds and gazetteer, serve HTTP')
  .action(async () => {
    // A service runs as production unless told otherwise: graphql-js then drops a development-only
    // check made on every type test of every field (2% of a nested answer's CPU), and GraphQL Armor
    // loads its production build. Everything else NODE_ENV would change is set explicitly in
    // createServer (introspection, stack traces, landing page). Before the import: graphql reads it
    // once, as it loads.
    process.env.NODE_ENV ??= 'production';
    await import('./serve.js');
  });

program
  .command('seed')
  .description('validate the seed folders and make the configured Neo4j hold exactly them, then the gazetteer and the citation check')
  .option('--dir <dir>', 'the seed folders', SEEDS_DIR)
  .option('--check', 'validate only (drafts included and counted); write nothing', false)
  .option('--keep-stale', 'remove nothing the folders no longer hold', false)
  .option('--include-drafts', 'load records still awaiting review (status: draft)', false)
  .action(async (opts: { dir: string; check: boolean; keepStale: boolean; includeDrafts: boolean }) => {
    const { runSeed } = await import('../ingest/cli.js');
    process.exitCode = await runSeed(opts);
  });

program
  .command('check')
  .description('the citation check on the configured graph: list every uncited fact by id, record the count; exit 1 if any')
  .action(async () => {
    const { runCheck } = await import('../ingest/cli.js');
    process.exitCode = await runCheck();
  });

const kinds = (value: string) => value.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean);

program
  .command('export')
  .description('stream the graph (entities, edges, quantities, citations, sources) to a file, or a folder for csv')
  .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'graphml', 'jsonld']).default('jsonl'))
  .option('--kinds <kinds>', 'only entities of these kinds, comma-separated (PROVINCE,CITY,…,PROJECT)', kinds)
  .option('--under <id>', 'only this place and what lies inside it (and what the sources say about them)')
  .requiredOption('--out <path>', 'where to write (csv: a folder, one file per table)')
  .option('--base <url>', 'jsonld: the public origin of the service, for entity URIs', 'http://127.0.0.1:4000')
  .option('--no-progress', 'no progress bar on stderr')
  .action(async (opts: { format: string; kinds?: string[]; under?: string; out: string; base: string; progress: boolean }) => {
    const { runExport } = await import('../export/cli.js');
    process.exitCode = await runExport(opts);
  });

program
  .command('import')
  .description('load a JSONL export into the configured Neo4j, which must hold no entities yet')
  .argument('<file>', 'a file written by `aidgraph export --format jsonl`')
  .option('--no-progress', 'no progress bar on stderr')
  .action(async (file: string, opts: { progress: boolean }) => {
    const { runImport } = await import('../export/cli.js');
    process.exitCode = await runImport(file, opts);
  });

const repeatable = (value: string, previous: string[] = []) => [...previous, value];
const source = program.command('source').description('turn a source\'s text into a seed folder: add, review, compare');

source
  .command('add')
  .description('draft a new seed folder from a source\'s text, every candidate status: draft and cited by its sentence')
  .argument('<text>', 'the source\'s text, a UTF-8 file')
  .requiredOption('--title <title>', 'the source\'s title')
  .requiredOption('--publisher <publisher>', 'who published it')
  .requiredOption('--date <date>', 'when, YYYY-MM-DD')
  .option('--url <url>', 'where it was published')
  .option('--author <name>', 'an author (repeat for several)', repeatable)
  .option('--id <id>', 'the source id (default: from publisher, date and title)')
  .option('--license <license>', 'an SPDX identifier or "All rights reserved"')
  .option('--rights-holder <holder>', 'who holds the rights')
  .option('--usage-note <note>', 'how aidgraph may use it, and a reuser')
  .option('--out <dir>', 'where the new folder goes', SEEDS_DIR)
  .option('--seeds <dir>', 'the seed folders it is validated with', SEEDS_DIR)
  .action(async (text: string, opts: SourceAddOptions) => {
    const { runSourceAdd } = await import('../ingest/draft/cli.js');
    process.exitCode = runSourceAdd(text, opts);
  });

source
  .command('review')
  .description('confirm, edit or drop a folder\'s draft candidates, then validate it again')
  .argument('<folder>', 'a seed folder written by `source add`')
  .option('--list', 'print a checklist instead of asking', false)
  .option('--confirm-all', 'confirm every draft as it stands', false)
  .option('--seeds <dir>', 'the seed folders it is validated with', SEEDS_DIR)
  .action(async (folder: string, opts: { list: boolean; confirmAll: boolean; seeds: string }) => {
    const { runSourceReview } = await import('../ingest/draft/cli.js');
    process.exitCode = await runSourceReview(folder, opts);
  });

source
  .command('compare')
  .description('score a drafted folder against a hand-made one: recall and precision per kind')
  .argument('<draft>', 'the drafted folder')
  .argument('<folder>', 'the hand-made folder')
  .action(async (draft: string, folder: string) => {
    const { runSourceCompare } = await import('../ingest/draft/cli.js');
    process.exitCode = runSourceCompare(draft, folder);
  });

await program.parseAsync(process.argv);
