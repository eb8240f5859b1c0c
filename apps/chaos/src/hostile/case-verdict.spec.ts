import { judge, summariseStatuses } from './case-verdict';
import { type ExchangeResult } from './exchange-result';

const answered = (text: string, end: ExchangeResult['end'] = 'closed'): ExchangeResult => ({
  bytes: Buffer.from(text, 'latin1'),
  end,
  elapsedMs: 5,
});
const status = (code: number) => `HTTP/1.1 ${code} X\r\ncontent-length: 0\r\n\r\n`;

describe('judge', () => {
  it('passes an expected status', () => {
    expect(judge(answered(status(400)), { statuses: [400] })).toMatchObject({ ok: true, outcome: '400' });
  });

  it('fails a 500 whatever the expectation allows, and counts it as a crash', () => {
    expect(judge(answered(status(500)), { statuses: [500] })).toMatchObject({ ok: false, crash500: true });
  });

  it('fails a status outside the expectation and says which were allowed', () => {
    expect(judge(answered(status(200)), { statuses: [400, 431] }).reason).toContain('expected one of 400, 431');
  });

  it('fails a hang, and a silent close unless the case allows one', () => {
    expect(judge(answered('', 'timeout'), { statuses: [400] })).toMatchObject({ ok: false, outcome: 'hang' });
    expect(judge(answered(''), { statuses: [400] }).ok).toBe(false);
    expect(judge(answered(''), { statuses: [400], closeWithoutAnswer: true }).ok).toBe(true);
  });

  it('lets a slow client case pass on a close within the bound, not on a timeout', () => {
    expect(judge(answered(''), { statuses: [408], closeWithinBound: true }).ok).toBe(true);
    expect(judge(answered('', 'timeout'), { statuses: [408], closeWithinBound: true }).ok).toBe(false);
  });

  it('fails a smuggling case whose leftover bytes were served as a request', () => {
    const expect400Later = { statuses: [404], laterAnswers: [400] };
    expect(judge(answered(status(404) + status(400)), expect400Later).ok).toBe(true);
    expect(judge(answered(status(404) + status(404)), expect400Later).reason).toContain('served as a request');
  });

  it('fails an answer that leaks a forbidden body', () => {
    const leak = 'HTTP/1.1 404 X\r\ncontent-length: 11\r\n\r\nroot:x:0:0:';
    expect(judge(answered(leak), { statuses: [404], bodyMustNotContain: ['root:x:0:0'] }).ok).toBe(false);
  });

  it('fails bytes that are not HTTP', () => {
    expect(judge(answered('nonsense\r\n\r\n'), { statuses: [400] })).toMatchObject({ ok: false, outcome: 'garbage' });
  });
});

describe('summariseStatuses', () => {
  it('folds runs into ranges', () => {
    expect(summariseStatuses([400, 401, 402, 502, 503])).toBe('400-402, 502-503');
  });
});
