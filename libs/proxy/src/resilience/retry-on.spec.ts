import { parseRetryOn, RETRY_ON_BIT } from './retry-on';

describe('parseRetryOn', () => {
  it("reads Envoy's conditions and Istio's bare status codes", () => {
    const parsed = parseRetryOn('5xx, connect-failure,503,429');
    expect(parsed).toEqual({
      bits: RETRY_ON_BIT['5xx'] | RETRY_ON_BIT['connect-failure'] | RETRY_ON_BIT['retriable-status-codes'],
      statusCodes: new Set([503, 429]),
    });
  });

  it('names an unknown token, and an empty one', () => {
    expect(parseRetryOn('5xx,sometimes,,')).toMatch(/\(unknown: sometimes, "", ""\)$/);
  });

  it('refuses a status code that is not a final status', () => {
    expect(parseRetryOn('100')).toMatch(/status code out of range: 100/);
    expect(parseRetryOn('600')).toMatch(/status code out of range: 600/);
  });

  it('refuses retriable-status-codes without a code', () => {
    expect(parseRetryOn('retriable-status-codes')).toMatch(/^lists retriable-status-codes but no status code/);
  });

  it('does not take inherited names for conditions', () => {
    expect(parseRetryOn('toString')).toMatch(/unknown: toString/);
  });
});
