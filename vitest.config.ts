import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    // Integration files share one Neo4j and each starts from a known state: run files one by one.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    include: ['test/**/*.test.ts'],
    reporters: ['default'],
  },
});
