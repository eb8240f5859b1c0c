import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROXY_CONFIG_JSON_SCHEMA_FILE, proxyConfigJsonSchemaText } from './proxy-config-json-schema';

/** `npm run schema:config`: regenerates libs/proxy/sidecar-config.schema.json (run from dist). */
if (require.main === module) {
  const file = join(__dirname, '..', '..', PROXY_CONFIG_JSON_SCHEMA_FILE);
  writeFileSync(file, proxyConfigJsonSchemaText());
  process.stdout.write(`wrote ${file}\n`);
}
