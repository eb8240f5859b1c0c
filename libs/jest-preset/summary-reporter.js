'use strict';
// Writes this package's counts to .jest/summary.json so that `jest-summary` can close a
// turbo run (where every package's output is interleaved) with one total.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.file = path.join(globalConfig.rootDir, '.jest', 'summary.json');
  }

  write(summary) {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, `${JSON.stringify(summary, null, 2)}\n`);
  }

  onRunStart() {
    // A run that dies before onRunComplete must not leave the previous run's counts behind.
    this.write({ complete: false });
  }

  onRunComplete(_contexts, results) {
    // The outermost blocks that skipped tests, once each: a skip says why in its title
    // (e.g. "[skipped: no Chromium at …]"), and the closing summary shows it.
    const skippedBlocks = new Set();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped') skippedBlocks.add(test.ancestorTitles[0] ?? test.title);
      }
    }
    this.write({
      complete: true,
      suites: { passed: results.numPassedTestSuites, failed: results.numFailedTestSuites, total: results.numTotalTestSuites },
      tests: {
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        total: results.numTotalTests,
      },
      skippedBlocks: [...skippedBlocks],
    });
  }
}

module.exports = SummaryReporter;
