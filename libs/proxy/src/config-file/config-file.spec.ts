import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFileError, loadConfigFile, watchConfigFile } from './index';

const yaml = `
listener: { host: 127.0.0.1, port: 0 }
clusters:
  - name: bookservice
    endpoints: ["127.0.0.1:8081"]
  - name: bookservicemirror
    endpoints: ["127.0.0.1:8082"]
routes:
  - name: books
    match: [{ uri: { prefix: "/" } }]
    route:
      - destination: { cluster: bookservice }
        weight: 100
    mirror: { cluster: bookservicemirror }
    mirrorPercentage: { value: 100 }
`;

describe('config files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('loads YAML and JSON', async () => {
    const fromYaml = await loadConfigFile(file('a.yaml', yaml));
    expect(fromYaml.routes[0]?.mirror?.cluster).toBe('bookservicemirror');
    const fromJson = await loadConfigFile(file('a.json', JSON.stringify(fromYaml)));
    expect(fromJson).toEqual(fromYaml);
  });

  it('names the file, then the path and rule', async () => {
    const path = file('bad.yaml', yaml.replace('cluster: bookservicemirror', 'cluster: x'));
    await expect(loadConfigFile(path)).rejects.toThrow(
      new ConfigFileError(path, 'invalid config:\nroutes[0].mirror.cluster "x" is not a defined cluster'),
    );
  });

  it('reports syntax errors and missing files without a stack', async () => {
    await expect(loadConfigFile(file('broken.json', '{"a":'))).rejects.toThrow(/broken\.json: is not valid JSON/);
    await expect(loadConfigFile(file('broken.yaml', 'a: [1, 2'))).rejects.toThrow(/broken\.yaml: is not valid YAML/);
    await expect(loadConfigFile(join(dir, 'absent.yaml'))).rejects.toThrow(/absent\.yaml: file not found/);
  });

  it('sees a change written in place and a replace-by-rename', async () => {
    const path = file('watched.yaml', yaml);
    let changes = 0;
    const watcher = watchConfigFile(path, () => (changes += 1), 50);
    try {
      writeFileSync(path, `${yaml}\n# edited`);
      await waitFor(() => changes === 1);
      writeFileSync(join(dir, 'tmp.yaml'), yaml);
      renameSync(join(dir, 'tmp.yaml'), path);
      await waitFor(() => changes === 2);
    } finally {
      watcher.close();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
