import { defineConfig } from 'vitest/config';

// Real browsers, one at a time (2 cores), with the builds made by `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // A browser start that is slow once is tried again (tests/support/firefox.ts): room for two.
    hookTimeout: 150_000,
  },
});
