import { countServedBy, EXAMPLE_START_TIMEOUT_MS, type ExampleRun, getMany, startExample } from '../src';

// Exercise 1: v1 and v2 both run, every request goes to v1.
describe('01-route-to-v1', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample('01-route-to-v1', {
      '127.0.0.1:9081': { VERSION_TAG: 'V1MIR-LiveBookService' },
      '127.0.0.1:9082': { VERSION_TAG: 'V2MIR-BookService' },
    });
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  it('sends every request to v1, with or without end-user', async () => {
    const answers = [
      ...(await getMany(`${run.sidecar.url}/books/1`, 10)),
      ...(await getMany(`${run.sidecar.url}/books/1`, 10, { 'end-user': 'jason' })),
    ];
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(countServedBy(answers)).toEqual({ v1: 20 });
    expect(new Set(answers.map((a) => a.versionTag))).toEqual(new Set(['V1MIR-LiveBookService']));
  });
});
