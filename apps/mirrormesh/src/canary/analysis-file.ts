import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { AnalysisSpecError as SpecError } from '../errors';
import { SPEC_KEYS, type RawSpec, type SpecKey } from './canary-spec';

/** An analysis file is a few lines; anything larger is the wrong file. */
export const MAX_ANALYSIS_FILE_BYTES = 64 * 1024;

const KNOWN: ReadonlySet<string> = new Set(SPEC_KEYS);

/**
 * `mirrormesh canary -f analysis.yaml`: the same fields as the flags, camelCase, e.g.
 * `stepWeight: 10`, `interval: 10s`, `maxP99: 500ms`. An unknown key is an error naming it.
 */
export function readAnalysisFile(file: string): RawSpec {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_ANALYSIS_FILE_BYTES) throw new SpecError(`${file} is larger than ${MAX_ANALYSIS_FILE_BYTES} bytes`);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const code = (error as { code?: string }).code;
    throw new SpecError(`${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 10 });
  } catch (error) {
    throw new SpecError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new SpecError(`${file} must hold a mapping of analysis fields (${SPEC_KEYS.join(', ')})`);
  const raw: RawSpec = {};
  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN.has(key))
      throw new SpecError(`${file}: ${JSON.stringify(key.slice(0, 60))} is not a known key (known: ${SPEC_KEYS.join(', ')})`);
    raw[key as SpecKey] = value;
  }
  return raw;
}
