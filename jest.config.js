// Two projects: `unit` runs in-process (no ports, no child processes), `e2e` runs real processes on real
// loopback ports. Both run in `npm test`. TypeScript is transformed by SWC as native ESM.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2024' },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    },
  ],
};
const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  // Every server in a test listens on port 0, so suites can run in parallel; two workers fit the 2-core CI machine.
  maxWorkers: 2,
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{gateway,schema,audit,dev-issuer,sdk,subgraphs/*,simulators/*}/tests/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
    },
  ],
};
