import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCKER_DIR } from '../../src';

/** docker/Dockerfile's instructions, continuation lines joined, comments and blank lines dropped. */
export function dockerfileInstructions(): string[] {
  return readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
