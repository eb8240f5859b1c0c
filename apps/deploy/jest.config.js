'use strict';
// The model packages (kubernetes-models 5, @kubernetes-models/* 3+, and the ESM-only packages
// their validators import) ship ES modules only. Jest's CommonJS runtime loads ESM only with
// Node's --experimental-vm-modules; instead, those files (and no other node_modules) are compiled
// to CommonJS like the sources are, after the resolver has found them by their "import" entries.
const ESM_ONLY_PACKAGES = ['kubernetes-models', '@kubernetes-models/[^/]+', 'is-cidr', 'cidr-regex'];
const inEsmOnlyPackage = `/node_modules/(?:${ESM_ONLY_PACKAGES.join('|')})/`;

module.exports = {
  preset: '@mirrormesh/jest-preset',
  resolver: '<rootDir>/test/support/esm-only-resolver.js',
  transform: {
    [`${inEsmOnlyPackage}.+\\.js$`]: [
      require.resolve('@swc/jest'),
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${ESM_ONLY_PACKAGES.join('|')})/)`],
};
