import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCKER_DIR, REPO_ROOT } from '../src';

interface Manifest {
  readonly devDependencies?: Record<string, string>;
}
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const majorOf = (version: string) => /(\d+)\./.exec(version)?.[1];

/** The Node the project runs on: the root devDependency "node" (node_modules/.bin/node), an exact version. */
const pinned = readManifest(REPO_ROOT).devDependencies?.['node'] ?? '';

describe('the Node major everything runs on', () => {
  it('is pinned to an exact version by the root devDependency "node"', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the one running this test (npm scripts put node_modules/.bin/node first on PATH)', () => {
    expect(`${process.versions.node} (${process.execPath})`).toMatch(new RegExp(`^${majorOf(pinned)}\\.`));
  });

  it("is the Dockerfile's base image, and therefore the container test's stand-in", () => {
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8'))?.[1];
    expect(image).toBe(`node:${majorOf(pinned)}-bookworm-slim`);
  });

  it("is every workspace's @types/node major, and .nvmrc's when there is one", () => {
    const workspaces = ['apps', 'libs'].flatMap((group) =>
      readdirSync(join(REPO_ROOT, group))
        .map((name) => join(REPO_ROOT, group, name))
        .filter((dir) => existsSync(join(dir, 'package.json'))),
    );
    for (const dir of workspaces) {
      const types = readManifest(dir).devDependencies?.['@types/node'];
      if (types !== undefined) expect({ dir, major: majorOf(types) }).toEqual({ dir, major: majorOf(pinned) });
    }
    const nvmrc = join(REPO_ROOT, '.nvmrc');
    if (existsSync(nvmrc)) expect(readFileSync(nvmrc, 'utf8').trim().replace(/^v/, '')).toBe(majorOf(pinned));
  });
});

describe('the Node flags every process runs with', () => {
  /** `RUNTIME_NODE_FLAGS = [...]` as written in a source file, as an array of flags. */
  const flagsIn = (file: string) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    const list = /RUNTIME_NODE_FLAGS(?::[^=]+)? = \[([^\]]*)\]/.exec(text)?.[1];
    return list === undefined ? undefined : [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  };
  const launcher = flagsIn('apps/mirrormesh/src/mesh/runtime-flags.ts');

  it('are set by the launcher of `npm start`', () => {
    expect(launcher).toEqual(expect.arrayContaining([expect.stringMatching(/^--/)]));
  });

  it("are the container images' NODE_OPTIONS", () => {
    const options = /^\s+NODE_OPTIONS=(\S+)/m.exec(readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8'))?.[1];
    expect(options?.split(' ')).toEqual(launcher);
  });

  it('are what the benchmarks and the chaos suite measure', () => {
    expect({ bench: flagsIn('bench/lib/processes.mjs'), chaos: flagsIn('apps/chaos/src/processes/child-process.ts') }).toEqual({
      bench: launcher,
      chaos: launcher,
    });
  });
});
