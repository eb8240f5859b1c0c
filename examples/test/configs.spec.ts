import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFile } from '@mirrormesh/proxy/config-file';
import { exampleConfig } from '../src';

const EXAMPLES = readdirSync(join(__dirname, '..'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
  .map((entry) => entry.name);

describe('the example configs', () => {
  it('are the seven exercises', () => {
    expect(EXAMPLES).toHaveLength(7);
  });

  it.each(EXAMPLES)('%s loads with the real loader and names the schema for editors', async (example) => {
    const file = exampleConfig(example);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../libs/proxy/sidecar-config.schema.json');
    await expect(loadConfigFile(file)).resolves.toMatchObject({ routes: expect.any(Array) });
  });
});
