import * as undici from 'undici';
import { Pool } from './undici-pool';

describe("undici's Pool, loaded alone", () => {
  it('is the class the package exports', () => {
    expect(Pool).toBe(undici.Pool);
  });
});
