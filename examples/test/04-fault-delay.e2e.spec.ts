import { EXAMPLE_START_TIMEOUT_MS, type ExampleRun, get, startExample } from '../src';

// Exercise 4: jason's requests are held 7 s; a caller with a 3 s timeout fails for him only.
const FIXED_DELAY_MS = 7_000;
const CALLER_TIMEOUT_MS = 3_000;

describe('04-fault-delay', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample('04-fault-delay', { '127.0.0.1:9081': { VERSION_TAG: 'V1MIR-LiveBookService' } });
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  it("times out the 3 s caller for jason while others' calls succeed within it", async () => {
    const [jason, others] = await Promise.all([
      get(`${run.sidecar.url}/books/1/reviews`, { headers: { 'end-user': 'jason' }, timeoutMs: CALLER_TIMEOUT_MS }).then(
        () => 'answered',
        (error: Error) => error.name,
      ),
      Promise.all([1, 2, 3].map(() => get(`${run.sidecar.url}/books/1/reviews`, { timeoutMs: CALLER_TIMEOUT_MS }))),
    ]);
    expect(jason).toBe('TimeoutError');
    expect(others.map((a) => [a.status, a.servedBy])).toEqual(Array(3).fill([200, 'v1']));
  });

  it('answers jason after the 7 s delay when the caller waits long enough', async () => {
    const answer = await get(`${run.sidecar.url}/books/1/reviews`, { headers: { 'end-user': 'jason' }, timeoutMs: 20_000 });
    expect([answer.status, answer.servedBy]).toEqual([200, 'v1']);
    // A lower bound only: a busy machine may add time, never remove the delay.
    expect(answer.ms).toBeGreaterThanOrEqual(FIXED_DELAY_MS - 50);
  });
});
