'use strict';
// One Jest setup for every package: TypeScript through SWC (legacy decorators and
// decorator metadata, as NestJS needs), specs beside the code and e2e tests in test/.
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.ts$': [require.resolve('@swc/jest'), swcOptions] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Longer than START_TIMEOUT_MS (@mirrormesh/testing), so that a slow start-up fails with the
  // start-up wait's message (what it waited for, what the process said), not Jest's.
  testTimeout: 60_000,
  // Specs start real servers; a leaked handle should fail loudly rather than hang CI.
  forceExit: false,
  reporters: ['default', require.resolve('./summary-reporter.js')],
};
