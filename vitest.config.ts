import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports": Node loads its CommonJS build for the libraries, Vite would pick
    // its ESM build for our code. One copy only, or schema objects come from "another realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Two tiers, each runnable on its own: `unit` needs no Java and no Neo4j (pure code and the
    // services over fake reads); `integration` starts one throwaway Neo4j for the run.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        // test/browser: the explorer in Debian's Chromium, against the service on the same throwaway Neo4j.
        test: { name: 'integration', include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'], globalSetup: ['test/helpers/global-setup.ts'] },
      },
    ],
    // Integration files share one Neo4j and each starts from a known state: run files one by one.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Keep the run's output to test results; warnings and errors still show.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    // CI also writes a JSON report, from which .ci/run prints a one-line summary.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results/vitest.json' }]] : ['default'],
  },
});
