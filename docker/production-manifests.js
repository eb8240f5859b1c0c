'use strict';
// Rewrites a pruned workspace (turbo prune output, already built) so that `npm install
// --omit=dev` installs what the app needs at run time and nothing else.
//
// Why: npm treats every workspace as a root, so the dependencies of dev-only workspaces
// (the jest preset pulls in jest, the eslint config pulls in eslint) count as production
// dependencies and `npm ci --omit=dev` would ship them. Here the workspaces outside the
// app's production closure are removed and devDependencies are dropped from every manifest;
// the lockfile still pins every version that remains.
//
//   node production-manifests.js <app package name>      (cwd: the workspace root)
const fs = require('node:fs');
const path = require('node:path');

const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function main(appName) {
  if (!appName) throw new Error('usage: node production-manifests.js <app package name>');
  const rootFile = path.resolve('package.json');
  const root = readJson(rootFile);
  const byName = new Map();
  for (const dir of root.workspaces ?? []) {
    const manifest = readJson(path.resolve(dir, 'package.json'));
    byName.set(manifest.name, { dir, manifest });
  }
  if (!byName.has(appName)) throw new Error(`${appName} is not a workspace of ${rootFile}`);

  const keep = new Set();
  const pending = [appName];
  while (pending.length > 0) {
    const name = pending.pop();
    if (keep.has(name)) continue;
    keep.add(name);
    const { manifest } = byName.get(name);
    for (const field of RUNTIME_FIELDS) {
      for (const dep of Object.keys(manifest[field] ?? {})) if (byName.has(dep)) pending.push(dep);
    }
  }

  for (const [name, { dir, manifest }] of byName) {
    if (!keep.has(name)) {
      fs.rmSync(path.resolve(dir), { recursive: true, force: true });
      continue;
    }
    delete manifest.devDependencies;
    writeJson(path.resolve(dir, 'package.json'), manifest);
  }
  delete root.devDependencies;
  root.workspaces = [...keep].map((name) => byName.get(name).dir);
  writeJson(rootFile, root);
  process.stdout.write(`production workspaces: ${[...keep].sort().join(', ')}\n`);
}

main(process.argv[2]);
