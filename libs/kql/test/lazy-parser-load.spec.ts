import { runQuery } from '../src';
import { labSource } from './fixtures/run';

// Microsoft's parser costs ~0.3 s to load and ~1 s to warm: importing the engine must not pay it.
it('does not load the parser at import, only on the first query', async () => {
  expect((globalThis as { Kusto?: unknown }).Kusto).toBeUndefined();
  await runQuery('requests | take 1', labSource);
  expect((globalThis as { Kusto?: unknown }).Kusto).toBeDefined();
});
