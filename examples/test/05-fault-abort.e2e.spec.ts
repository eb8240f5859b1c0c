import { EXAMPLE_START_TIMEOUT_MS, type ExampleRun, get, getMany, startExample } from '../src';

// Exercise 5: the sidecar answers jason 500 itself; everyone else reaches v1.
describe('05-fault-abort', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample('05-fault-abort', { '127.0.0.1:9081': { VERSION_TAG: 'V1MIR-LiveBookService' } });
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  it("aborts every one of jason's requests with 500, without reaching v1", async () => {
    const answers = await getMany(`${run.sidecar.url}/books/1`, 10, { 'end-user': 'jason' });
    expect(answers.map((a) => [a.status, a.servedBy, a.versionTag])).toEqual(Array(10).fill([500, null, null]));
  });

  it('serves everyone else from v1', async () => {
    const answer = await get(`${run.sidecar.url}/books/1`);
    expect([answer.status, answer.servedBy, answer.versionTag]).toEqual([200, 'v1', 'V1MIR-LiveBookService']);
  });
});
