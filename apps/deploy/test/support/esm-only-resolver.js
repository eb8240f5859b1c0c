'use strict';
// Jest resolves every module as require() would, with the "require" conditions. kubernetes-models
// and @kubernetes-models/* export only an "import" condition, which Node's import() uses at run
// time; resolve those (and nothing else) the same way, so that Jest finds their files at all.
const IMPORT_ONLY = /^(?:kubernetes-models|@kubernetes-models\/[^/]+)(?:\/|$)/;

module.exports = (request, options) =>
  options.defaultResolver(request, IMPORT_ONLY.test(request) ? { ...options, conditions: ['import', 'node', 'default'] } : options);
