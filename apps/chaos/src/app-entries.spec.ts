import { existsSync } from 'node:fs';
import { APP_ENTRIES } from './app-entries';

describe('APP_ENTRIES', () => {
  it.each(Object.entries(APP_ENTRIES))('%s is built where the suite starts it (turbo builds it first)', (_name, entry) => {
    expect(existsSync(entry)).toBe(true);
  });
});
