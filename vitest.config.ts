import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  // A worktree whose node_modules links to another checkout still serves its modules.
  server: { fs: { strict: false } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The background keeps its snapshot in IndexedDB; Node gets an in-memory one.
    setupFiles: ['fake-indexeddb/auto', 'lib/i18n/test-setup.ts', 'tests/support/unit-setup.ts'],
    testTimeout: 20_000,
    // Times shown in the publisher's zone ("last seen 09:30") read the same on every machine.
    env: { TZ: 'UTC' },
  },
});
