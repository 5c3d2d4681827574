// Builds the explorer (web/src) and the GraphQL IDE (web/graphiql) into web/dist, which the
// service serves (src/http/listen.ts) and git ignores. esbuild: one ES module per page, minified, in a
// fraction of a second, so `npm start` and `npm test` can afford to build every time.
// Prints each page's JavaScript, raw and gzipped: the explorer's first load must stay under 300 KB.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
export const WEB_DIST = path.join(WEB, 'dist');
const EXAMPLES = path.join(ROOT, 'docs/queries');

export interface PageSize { page: string; bytes: number; gzipBytes: number }

/** The example operations of docs/queries/, as GraphiQL tabs: their file name says who asks. */
function exampleTabs(): Array<{ query: string }> {
  return fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql')).sort()
    .map((f) => ({ query: `# docs/queries/${f}\n${fs.readFileSync(path.join(EXAMPLES, f), 'utf8')}` }));
}

export async function buildWeb(): Promise<PageSize[]> {
  fs.rmSync(WEB_DIST, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { explorer: path.join(WEB, 'src/main.ts'), graphiql: path.join(WEB, 'graphiql/main.tsx') },
    outdir: path.join(WEB_DIST, 'assets'),
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    sourcemap: false,
    target: 'es2022',
    jsx: 'automatic',
    legalComments: 'external',
    define: { 'process.env.NODE_ENV': '"production"', __EXAMPLE_TABS__: JSON.stringify(exampleTabs()) },
    logLevel: 'warning',
    metafile: true,
  });
  for (const page of ['index.html', 'graphiql.html']) fs.copyFileSync(path.join(WEB, page), path.join(WEB_DIST, page));
  const sizes: PageSize[] = [];
  for (const page of ['explorer', 'graphiql']) {
    const js = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(`${page}.js`));
    const bytes = js.map((f) => fs.readFileSync(path.join(ROOT, f)));
    sizes.push({
      page,
      bytes: bytes.reduce((t, b) => t + b.length, 0),
      gzipBytes: bytes.reduce((t, b) => t + gzipSync(b, { level: 9 }).length, 0),
    });
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = await buildWeb();
  for (const s of sizes) {
    console.log(`web/dist: ${s.page} JavaScript ${(s.bytes / 1024).toFixed(0)} KB, ${(s.gzipBytes / 1024).toFixed(0)} KB gzipped`);
  }
  // Built once: the esbuild service this started has nothing more to do.
  await esbuild.stop();
}
