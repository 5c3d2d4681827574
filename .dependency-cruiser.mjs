// The layers of src/ as docs/architecture.md draws them, as rules dependency-cruiser checks:
// test/unit/import-boundaries.test.ts runs them over src/ and fails on a forbidden import or a circle.
// Lower layers never import higher ones; files named `cli.ts` / `*-cli.ts` are entry points (app
// wiring that happens to live beside what it runs) and may import what they start.

/** Entry points: they wire layers together, so no layer rule applies to what they import. */
const ENTRY = '/[a-z0-9-]*cli\\.ts$';
/** Leaves any layer may use, as they import only packages: the process's logger and its Prometheus registry. */
const LEAVES = '^src/telemetry/';
/** The API's shared parts: a module's resolvers, services and declaration (module.ts) may use them; loaders may not. */
const API_SHARED = '^src/api/(context|module|pagination|list-budget|selection|resolver-types|version)\\.ts$';

/** A rule: files under `from` may import only what `allowed` matches, among the files of src/. */
const only = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: ENTRY },
  to: { path: '^src/', pathNot: allowed },
});

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle makes load order matter and layers meaningless: break it by moving the shared piece down.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    only('domain-is-the-kernel',
      'domain/ is the shared kernel (vocabulary, ids, division codes, search keys, the citation rule, metrics): it imports nothing of ours but the generated enums.',
      '^src/domain/', '^src/(domain|generated)/'),
    only('db-below-the-rest',
      'db/ runs statements and the local Neo4j; it knows the domain and the configuration, no loader and no API module.',
      '^src/db/', `^src/(db|domain|generated)/|^src/app/config\\.ts$|${LEAVES}`),
    only('gazetteer-imports-domain-and-db',
      'The official division list loads from the domain and db/ only.',
      '^src/gazetteer/', `^src/(gazetteer|domain|db|generated)/|${LEAVES}`),
    only('ingest-imports-domain-db-gazetteer',
      'Seed loading and drafting use the domain, db/ and the gazetteer, never an API module.',
      '^src/ingest/', `^src/(ingest|gazetteer|domain|db|generated)/|${LEAVES}`),
    only('modules-import-below-and-api-shared',
      'API modules use the domain, db/ and the API\'s shared parts; never a loader, the HTTP layer or the app.',
      '^src/modules/', `^src/(modules|domain|db|generated)/|${API_SHARED}|${LEAVES}`),
    only('export-imports-domain-db-modules',
      'Bulk export and import read through db/ and the modules\' records; never the HTTP layer or the app.',
      '^src/export/', `^src/(export|modules|domain|db|generated|ingest|gazetteer)/|${API_SHARED}|${LEAVES}`),
    only('http-routes-below-the-app',
      'The HTTP routes use the API and the modules; the app (start, CLI, configuration) wires them.',
      '^src/http/', `^src/(http|api|modules|domain|db|generated)/|^src/app/config\\.ts$|${LEAVES}`),
    only('api-over-modules',
      'The API (schema, resolvers, execution, the request context) is built from the modules; it never reaches up into the HTTP layer, the app or a loader.',
      '^src/api/', `^src/(api|modules|domain|db|generated)/|${LEAVES}`),
    only('telemetry-is-a-leaf',
      'The logger and the metrics registry import only packages, so every layer may use them.',
      '^src/telemetry/', `^src/telemetry/`),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    // Type-only imports count: a circle through types is still a circle a reader has to untangle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  },
};
