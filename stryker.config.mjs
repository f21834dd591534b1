// npm run mutate: does a test fail when a rule is broken? Stryker changes the code of the rules
// below one mutation at a time and runs the unit tests; a mutant no test notices "survives".
// Not part of npm test (it takes minutes). Scores and the survivors we accept are in the
// closing notes of issue #8 and in docs/architecture.md, "Tests".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'lib/feed/**/*.ts',
    'lib/store-url.ts',
    'lib/tracking-link.ts',
    'lib/store-page/match.ts',
    'lib/search/**/*.ts',
    'lib/refresh/**/*.ts',
    'lib/changes/**/*.ts',
    'lib/link-check/**/*.ts',
    '!lib/**/*.test.ts',
  ],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites tsconfig paths with the TypeScript JS API, which TypeScript 7 (the native
  // compiler) no longer has; our tsconfig needs no rewriting, so point it at no file.
  tsconfigFile: 'stryker-has-no-tsconfig.json',
  cleanTempDir: 'always',
};
