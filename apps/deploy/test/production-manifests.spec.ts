import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCKER_DIR } from '../src';

const SCRIPT = join(DOCKER_DIR, 'production-manifests.js');
let root: string;

function workspace(dir: string, manifest: object): void {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'package.json'), JSON.stringify(manifest));
}
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mirrormesh-prod-manifests-'));
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'root',
      workspaces: ['apps/web', 'libs/core', 'libs/util', 'libs/jest-preset', 'apps/other'],
      devDependencies: { turbo: '2' },
    }),
  );
  workspace('apps/web', {
    name: '@mirrormesh/web',
    dependencies: { '@mirrormesh/core': '*', fastify: '5' },
    devDependencies: { '@mirrormesh/jest-preset': '*', jest: '30' },
  });
  workspace('libs/core', { name: '@mirrormesh/core', dependencies: { '@mirrormesh/util': '*' }, devDependencies: { typescript: '5' } });
  workspace('libs/util', { name: '@mirrormesh/util' });
  workspace('libs/jest-preset', { name: '@mirrormesh/jest-preset', dependencies: { jest: '30' } });
  workspace('apps/other', { name: '@mirrormesh/other', dependencies: { '@mirrormesh/core': '*' } });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: root, encoding: 'utf8' });

describe('docker/production-manifests.js', () => {
  it('keeps the app and the workspaces it needs at run time, without any devDependencies', () => {
    const result = run('@mirrormesh/web');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('production workspaces: @mirrormesh/core, @mirrormesh/util, @mirrormesh/web\n');
    expect(read('package.json')).toEqual({ name: 'root', workspaces: ['apps/web', 'libs/core', 'libs/util'] });
    expect(read('apps/web/package.json')).toEqual({ name: '@mirrormesh/web', dependencies: { '@mirrormesh/core': '*', fastify: '5' } });
    expect(read('libs/core/package.json')).toEqual({ name: '@mirrormesh/core', dependencies: { '@mirrormesh/util': '*' } });
  });

  it('deletes the workspaces outside that closure (dev-only presets, other apps)', () => {
    run('@mirrormesh/web');
    expect(existsSync(join(root, 'libs/jest-preset'))).toBe(false);
    expect(existsSync(join(root, 'apps/other'))).toBe(false);
  });

  it('refuses an app that is not a workspace, and changes nothing', () => {
    const result = run('@mirrormesh/nope');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/@mirrormesh\/nope is not a workspace of .*package\.json/);
    expect(existsSync(join(root, 'libs/jest-preset'))).toBe(true);
  });
});
