import { parseDiffReport, type DiffReport } from './diff-report';
import { formatDiffTable } from './diff-table';

const contractExample = {
  pending: { count: 3, bytes: 5120, maxCount: 1000, maxBytes: 33554432 },
  dropped: [{ route: 'reviews', mirror: 'bookservicemirror', reason: 'pending-full', count: 2 }],
  routes: [
    {
      route: 'reviews',
      mirror: 'bookservicemirror',
      compared: 120,
      identical: 0,
      different: 120,
      regressions: 118,
      noise: { cluster: 'bookservicelive2', compared: 119, different: 119 },
      paths: [
        {
          path: '$.servedAt',
          kind: 'value-changed',
          count: 120,
          rate: 1,
          noiseCount: 119,
          noiseRate: 1,
          noise: true,
          example: { requestId: 'a', live: '2026-01-01', candidate: '2026-01-02' },
        },
        {
          path: '$.reviews[0].rating',
          kind: 'removed',
          count: 120,
          rate: 1,
          noiseCount: 0,
          noiseRate: 0,
          noise: false,
          example: { requestId: 'b', live: 5, candidate: null },
        },
        {
          path: '$.reviews[0].stars',
          kind: 'added',
          count: 60,
          rate: 0.5,
          noiseCount: 0,
          noiseRate: 0,
          noise: false,
          example: { requestId: 'c', live: null, candidate: 5 },
        },
      ],
      pathsOverflow: 0,
    },
  ],
};

describe('mirrormesh diff table', () => {
  it('reads the contract’s example and lists regressions before noise, with rates and an example', () => {
    const report = parseDiffReport(contractExample) as DiffReport;
    const lines = formatDiffTable(report).split('\n');
    expect(lines[0]).toBe(
      'route reviews → mirror bookservicemirror: 120 compared, 0 identical, 120 different, 118 regressions (noise bookservicelive2: 119/119 different)',
    );
    expect(lines[1]).toMatch(/^ {2}\$\.reviews\[0\]\.rating +removed +100\.0 % +regression +5 → absent$/);
    expect(lines[2]).toMatch(/^ {2}\$\.reviews\[0\]\.stars +added +50\.0 % +regression +absent → 5$/);
    expect(lines[3]).toMatch(/^ {2}\$\.servedAt +value-changed +100\.0 % +noise \(100\.0 %\) +"2026-01-01" → "2026-01-02"$/);
    expect(lines.at(-1)).toBe('dropped: 2 comparisons on reviews/bookservicemirror (pending-full)');
  });

  it('says so when no route compares', () => {
    expect(formatDiffTable({ pending: { count: 0, bytes: 0, maxCount: 1000, maxBytes: 1 }, dropped: [], routes: [] })).toMatch(
      /no route compares its mirror/,
    );
    expect(parseDiffReport({ nope: true })).toBeUndefined();
  });
});
