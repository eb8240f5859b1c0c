import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseProxyConfig } from '../config/parse-proxy-config';
import { type ProxyConfig } from '../config/proxy-config.schema';
import { ConfigFileError, ProxyConfigError } from '../errors';

/** A config file is small; a larger one is a mistake (a log, a binary), not a config. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Reads YAML (.yaml, .yml, or anything else) or JSON (.json) into unvalidated data. */
export async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_CONFIG_FILE_BYTES) throw new ConfigFileError(file, `is larger than ${MAX_CONFIG_FILE_BYTES} bytes`);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ConfigFileError) throw error;
    const code = (error as { code?: string }).code;
    throw new ConfigFileError(file, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`);
  }
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigFileError(
      file,
      `is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/** Reads and validates a config file; errors name the file, then each path and rule. */
export async function loadConfigFile(file: string): Promise<ProxyConfig> {
  const data = await readConfigFile(file);
  try {
    return parseProxyConfig(data);
  } catch (error) {
    if (error instanceof ProxyConfigError) throw new ConfigFileError(file, `invalid config:\n${error.message}`);
    throw error;
  }
}
