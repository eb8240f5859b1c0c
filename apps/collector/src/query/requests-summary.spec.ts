import { type RequestRow } from '../ingest/stored-item';
import { percentile, summarizeRequests } from './requests-summary';

function row(name: string, versionTag: string | undefined, resultCode: string, durationMs: number, time = 1_000): RequestRow {
  return { time, name, resultCode, durationMs, success: resultCode < '400', cloudRole: 'book-service', versionTag };
}

describe('summarizeRequests (the lab query)', () => {
  const rows = [
    row('GET /books/:id/reviews', 'V2MIR-BookService', '200', 30),
    row('GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 10),
    row('GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 20),
    row('GET /books', 'V1MIR-LiveBookService', '200', 5),
    row('GET /books/:id/reviews', 'V4MIR-BookServiceFault', '500', 2),
    row('GET /health/ready', undefined, '200', 1),
  ];

  it('groups by name, podVersion, resultCode with avg duration and count, sorted by name then podVersion', () => {
    expect(
      summarizeRequests(rows, { contains: 'MIR-' }).map(({ name, podVersion, resultCode, duration, requestCount }) => [
        name,
        podVersion,
        resultCode,
        duration,
        requestCount,
      ]),
    ).toEqual([
      ['GET /books', 'V1MIR-LiveBookService', '200', 5, 1],
      ['GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 15, 2],
      ['GET /books/:id/reviews', 'V2MIR-BookService', '200', 30, 1],
      ['GET /books/:id/reviews', 'V4MIR-BookServiceFault', '500', 2, 1],
    ]);
  });

  it('matches contains case-insensitively, like Kusto', () => {
    expect(summarizeRequests(rows, { contains: 'v2mir' }).map((r) => r.podVersion)).toEqual(['V2MIR-BookService']);
  });

  it('keeps items without VersionTag only when no contains filter is given', () => {
    expect(summarizeRequests(rows).some((r) => r.name === 'GET /health/ready' && r.podVersion === '')).toBe(true);
  });

  it('filters by the time window', () => {
    const timed = [
      row('GET /a', 'V1MIR-x', '200', 1, 100),
      row('GET /a', 'V1MIR-x', '200', 1, 200),
      row('GET /a', 'V1MIR-x', '200', 1, 300),
    ];
    expect(summarizeRequests(timed, { since: 200, until: 300 })[0]?.requestCount).toBe(1);
  });

  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([50, 95, 99]);
    expect(percentile([7], 99)).toBe(7);
  });
});
