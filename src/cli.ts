#!/usr/bin/env node
// `aidgraph <command>`: the one entry point for deployments. `serve` runs the service in this very
// process (so the SIGTERM a container runtime or systemd sends reaches the code that stops HTTP,
// the driver and Neo4j); `seed` loads the seed folders; `export` writes the graph out in bulk;
// `import` loads a JSONL export into an empty database.
import { Command, Option } from 'commander';
import { CODE_VERSION } from './version.js';

const program = new Command('aidgraph')
  .description('An open GraphQL knowledge graph of paired-assistance (对口支援) relationships, every fact cited.')
  .version(CODE_VERSION);

/** The existing entry modules read process.argv themselves: hand them only their own arguments. */
function argvFor(command: Command): void {
  process.argv.splice(2, process.argv.length - 2, ...command.args);
}

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
    await import('./index.js');
  });

program
  .command('seed')
  .description('validate seeds/ and make the configured Neo4j hold exactly it (--check, --keep-stale, --dir)')
  .allowUnknownOption()
  .allowExcessArguments()
  .helpOption(false)
  .action(async (_opts, command: Command) => {
    argvFor(command);
    await import('./ingest/cli.js');
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
    const { runExport } = await import('./export/cli.js');
    process.exitCode = await runExport(opts);
  });

program
  .command('import')
  .description('load a JSONL export into the configured Neo4j, which must hold no entities yet')
  .argument('<file>', 'a file written by `aidgraph export --format jsonl`')
  .option('--no-progress', 'no progress bar on stderr')
  .action(async (file: string, opts: { progress: boolean }) => {
    const { runImport } = await import('./export/cli.js');
    process.exitCode = await runImport(file, opts);
  });

program.configureOutput({ outputError: (str, write) => write(str) });
program.exitOverride((err) => {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
  process.exit(err.exitCode || 2);
});
await program.parseAsync(process.argv);
