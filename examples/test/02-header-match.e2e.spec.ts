import { countServedBy, EXAMPLE_START_TIMEOUT_MS, type ExampleRun, getMany, startExample } from '../src';

// Exercise 2: jason (end-user: jason) gets the candidate v2, everyone else v1.
describe('02-header-match', () => {
  let run: ExampleRun;
  beforeAll(async () => {
    run = await startExample('02-header-match', {
      '127.0.0.1:9081': { VERSION_TAG: 'V1MIR-LiveBookService' },
      '127.0.0.1:9082': { VERSION_TAG: 'V2MIR-BookService' },
    });
  }, EXAMPLE_START_TIMEOUT_MS);
  afterAll(() => run?.stop());

  it('sends jason to v2', async () => {
    const answers = await getMany(`${run.sidecar.url}/books/1`, 10, { 'end-user': 'jason' });
    expect(countServedBy(answers)).toEqual({ v2: 10 });
    expect(new Set(answers.map((a) => a.versionTag))).toEqual(new Set(['V2MIR-BookService']));
  });

  it('keeps everyone else on v1: no header, another user, another case', async () => {
    const answers = [
      ...(await getMany(`${run.sidecar.url}/books/1`, 5)),
      ...(await getMany(`${run.sidecar.url}/books/1`, 5, { 'end-user': 'alice' })),
      ...(await getMany(`${run.sidecar.url}/books/1`, 5, { 'end-user': 'Jason' })),
    ];
    expect(countServedBy(answers)).toEqual({ v1: 15 });
  });
});
