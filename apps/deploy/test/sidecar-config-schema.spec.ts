import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { parseProxyConfig } from '@mirrormesh/proxy';
import { DOCKER_DIR, REPO_ROOT } from '../src';

const SCHEMA_FILE = join(REPO_ROOT, 'libs', 'proxy', 'sidecar-config.schema.json');
const EXAMPLES = [
  join(REPO_ROOT, 'apps', 'sidecar', 'config', 'sidecar.example.yaml'),
  join(REPO_ROOT, 'apps', 'bookinfo-spa', 'config', 'sidecar.example.yaml'),
  ...['live-only.yaml', 'mirror.yaml', 'standalone.yaml', 'host-network/live-only.yaml', 'host-network/mirror.yaml'].map((f) =>
    join(DOCKER_DIR, 'sidecar', f),
  ),
];
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

describe('the example sidecar configs and the published JSON Schema (libs/proxy/sidecar-config.schema.json)', () => {
  it.each(EXAMPLES.map((f) => [f.slice(REPO_ROOT.length + 1), f]))('%s names the schema for editors and matches it', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const comment = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
    expect(comment).not.toBeNull();
    expect(resolve(dirname(file), comment![1]!)).toBe(SCHEMA_FILE);
    const config: unknown = parse(text);
    expect({ valid: validate(config), errors: errors() }).toEqual({ valid: true, errors: [] });
    expect(() => parseProxyConfig(config)).not.toThrow();
  });

  const base = () => ({
    clusters: [{ name: 'live', endpoints: ['127.0.0.1:8081'] }],
    routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }] }],
  });
  const broken: [string, (c: ReturnType<typeof base> & Record<string, unknown>) => void, RegExp][] = [
    [
      'an unknown key (mirrorPercentag)',
      (c) => Object.assign(c.routes[0]!, { mirrorPercentag: { value: 50 } }),
      /must NOT have additional properties/,
    ],
    ['an out-of-range number', (c) => Object.assign(c.routes[0]!, { mirrorPercentage: { value: 120 } }), /must be <= 100/],
    ['a bad duration', (c) => Object.assign(c.routes[0]!, { timeout: '10 seconds' }), /must match pattern/],
    [
      'an unknown path normalization',
      (c) => Object.assign(c, { pathNormalization: { normalization: 'SOME' } }),
      /must be equal to one of the allowed values/,
    ],
    ['a negative buffer limit', (c) => Object.assign(c, { limits: { mirrorBufferBytes: -1 } }), /must be >= 0/],
  ];

  it.each(broken)('rejects %s, as parseProxyConfig does', (_name, breakIt, message) => {
    const config = base() as ReturnType<typeof base> & Record<string, unknown>;
    expect(validate(config)).toBe(true);
    breakIt(config);
    expect(validate(config)).toBe(false);
    expect(errors().join('\n')).toMatch(message);
    expect(() => parseProxyConfig(config)).toThrow();
  });
});
