#!/usr/bin/env node
'use strict';
// Totals the per-package Jest summaries after `turbo run test`, so the last lines of
// `npm test` are one Jest-style summary for the whole repository.
const fs = require('node:fs');
const path = require('node:path');

function workspaceDirs(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of pkg.workspaces ?? []) {
    // "apps/*" names every folder in apps/; "examples" names one workspace.
    if (!pattern.endsWith('/*')) {
      dirs.push(path.join(root, pattern));
      continue;
    }
    const parent = path.join(root, pattern.slice(0, -2));
    if (!fs.existsSync(parent)) continue;
    for (const entry of fs.readdirSync(parent, { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(path.join(parent, entry.name));
    }
  }
  return dirs;
}

function hasTests(dir) {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) return false;
  return Boolean(JSON.parse(fs.readFileSync(file, 'utf8')).scripts?.test);
}

function main() {
  const root = process.cwd();
  const total = { suites: { passed: 0, failed: 0, total: 0 }, tests: { passed: 0, failed: 0, skipped: 0, total: 0 } };
  const problems = [];
  const rows = [];
  for (const dir of workspaceDirs(root).filter(hasTests)) {
    const name = path.relative(root, dir);
    const file = path.join(dir, '.jest', 'summary.json');
    if (!fs.existsSync(file)) {
      problems.push(`${name}: no test result (did its tests run?)`);
      continue;
    }
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!s.complete) {
      problems.push(`${name}: the test run did not complete`);
      continue;
    }
    rows.push(`  ${name.padEnd(28)} ${s.tests.passed} passed, ${s.tests.failed} failed, ${s.tests.skipped} skipped`);
    for (const block of s.skippedBlocks ?? []) rows.push(`    skipped: ${block}`);
    for (const k of ['passed', 'failed', 'total']) total.suites[k] += s.suites[k];
    for (const k of ['passed', 'failed', 'skipped', 'total']) total.tests[k] += s.tests[k];
  }
  const out = ['', 'All packages:', ...rows];
  for (const p of problems) out.push(`  ${p}`);
  out.push(
    `Test Suites: ${total.suites.failed} failed, ${total.suites.passed} passed, ${total.suites.total} total`,
    `Tests:       ${total.tests.failed} failed, ${total.tests.skipped} skipped, ${total.tests.passed} passed, ${total.tests.total} total`,
    `${total.tests.passed} passed, ${total.tests.failed} failed, ${total.tests.skipped} skipped`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = problems.length > 0 || total.tests.failed > 0 || total.suites.failed > 0 ? 1 : 0;
}

main();
