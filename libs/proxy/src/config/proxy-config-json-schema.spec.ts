import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROXY_CONFIG_JSON_SCHEMA_FILE, proxyConfigJsonSchema, proxyConfigJsonSchemaText } from './proxy-config-json-schema';

describe('the published sidecar config JSON Schema', () => {
  it('is what proxyConfigSchema generates (regenerate: npm run schema:config in libs/proxy)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', PROXY_CONFIG_JSON_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(proxyConfigJsonSchemaText());
  });

  it('has the keys the schema recently gained, closed, with their defaults', () => {
    type Node = { properties: Record<string, Node>; additionalProperties?: unknown; default?: unknown };
    const root = proxyConfigJsonSchema() as unknown as Node;
    expect(root.additionalProperties).toBe(false);
    const { listener, limits, pathNormalization, routes } = root.properties;
    expect(listener!.properties['requestHeadersTimeout']!.default).toBe('10s');
    expect(listener!.properties['requestBodyIdleTimeout']!.default).toBe('10s');
    expect(Object.keys(limits!.properties)).toEqual([
      'requestBufferBytes',
      'requestBufferTotalBytes',
      'mirrorBufferBytes',
      'websocketConnections',
      'diffPendingComparisons',
      'diffPendingBytes',
    ]);
    expect(pathNormalization!.properties['normalization']).toMatchObject({
      enum: ['NONE', 'BASE', 'MERGE_SLASHES', 'DECODE_AND_MERGE_SLASHES'],
      default: 'MERGE_SLASHES',
    });
    const route = (routes as unknown as { items: Node }).items;
    expect(route.properties['mirror']!.properties['forwardCredentials']).toEqual({ type: 'boolean', default: false });
    const mirrors = route.properties['mirrors'] as unknown as { items: Node; minItems: number; maxItems: number };
    expect(mirrors).toMatchObject({ minItems: 1, maxItems: 8 });
    expect(mirrors.items.additionalProperties).toBe(false);
    expect(mirrors.items.properties['percentage']!.default).toEqual({ value: 100 });
    const compare = route.properties['mirror']!.properties['compare']!;
    expect(compare.additionalProperties).toBe(false);
    expect(compare.properties['maxBodyBytes']).toMatchObject({ default: 65536, maximum: 1048576 });
    expect(mirrors.items.properties['compare']).toEqual(compare);
  });
});
