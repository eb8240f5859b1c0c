import { readFileSync } from 'node:fs';
import { caretLine } from '../web/src/log-analytics/caret-line';
import { CHART_LIMITS, chartFit, parseApiTime } from '../web/src/log-analytics/chart-fit';
import { valueScale } from '../web/src/log-analytics/chart-scale';
import { firstKustoBlock } from '../web/src/log-analytics/kusto-block';
import { renderKindOf } from '../web/src/log-analytics/render-kind';
import { formatCell } from '../web/src/log-analytics/result-cells';
import type { LogQueryColumnType, LogQueryTable } from '../src/mesh/log-query.dto';
import type { DrawnRenderKind } from '../web/src/log-analytics/render-kind';
import { LAB_QUERIES_FILE } from './support/lab-query';

describe('the lab’s query, from LogAnalyticsQuery.md', () => {
  it('is the first kusto block, fences left out', () => {
    const query = firstKustoBlock(readFileSync(LAB_QUERIES_FILE, 'utf8'));
    expect(query?.split('\n')[0]).toBe('requests');
    expect(query).toContain('| summarize duration = avg(duration), requestCount = count() by name, podVersion');
    expect(query?.endsWith('| sort by name, podVersion')).toBe(true);
  });

  it('is undefined when the text has no kusto block', () => {
    expect(firstKustoBlock('# title\n\n```sh\nls\n```\n')).toBeUndefined();
  });
});

describe('renderKindOf', () => {
  it.each([
    ['requests | take 1', null],
    ['requests\n| summarize count() by bin(timestamp, 1m)\n| render timechart', 'timechart'],
    ['requests | render  ColumnChart with (title="x")', 'columnchart'],
    ['requests | render piechart', 'piechart'],
    ['requests | where name == "| render timechart"', null],
    ["requests | where name == @'a | render barchart'", null],
    ['requests // | render timechart\n| take 3', null],
    ['requests | render barchart | render timechart', 'timechart'],
  ])('%j asks for %p', (query, kind) => expect(renderKindOf(query)).toBe(kind));
});

describe('caretLine', () => {
  it('puts the caret under the 1-based column of the 1-based line', () => {
    expect(caretLine('requests\n| where \n| take 10', 2, 8)).toEqual({ line: 2, column: 8, text: '| where ', caret: '       ^' });
  });

  it('keeps tabs before the column, so the caret lines up', () => {
    expect(caretLine('\t| where x', 1, 4)?.caret).toBe('\t  ^');
  });

  it('reads CRLF line ends', () => expect(caretLine('a\r\nbc', 2, 2)?.text).toBe('bc'));

  it('allows the column just past the end (a missing token), and nothing further', () => {
    expect(caretLine('abc', 1, 4)?.caret).toBe('   ^');
    expect(caretLine('abc', 1, 5)).toBeUndefined();
    expect(caretLine('abc', 2, 1)).toBeUndefined();
    expect(caretLine('abc', 1, 0)).toBeUndefined();
  });
});

describe('formatCell', () => {
  it.each([
    ['real', 301.23456, '301.235'],
    ['real', 2, '2.000'],
    ['long', 12, '12'],
    ['bool', false, 'false'],
    ['datetime', '2026-12-01T07:54:14.8310000Z', '2026-12-01T07:54:14.8310000Z'],
    ['dynamic', '{"VersionTag":"V1"}', '{"VersionTag":"V1"}'],
    ['string', null, ''],
  ] as const)('shows a %s %p as %j', (type, value, text) => expect(formatCell(type, value)).toBe(text));
});

type Column = [string, LogQueryColumnType];

const table = (columns: Column[], rows: LogQueryTable['rows']): LogQueryTable => ({
  name: 'PrimaryResult',
  columns: columns.map(([name, type]) => ({ name, type })),
  rows,
});

describe('chartFit', () => {
  it('draws a timechart from a datetime column and numeric series, sorted by time', () => {
    const fit = chartFit(
      table(
        [
          ['timestamp', 'datetime'],
          ['count_', 'long'],
          ['avg_duration', 'real'],
        ],
        [
          ['2026-12-01T08:01:00.0000000Z', 9, null],
          ['2026-12-01T08:00:00.0000000Z', 4, 2.5],
        ],
      ),
      'timechart',
    );
    expect(fit).toEqual({
      fit: true,
      chart: {
        kind: 'timechart',
        xName: 'timestamp',
        xs: [Date.parse('2026-12-01T08:00:00Z'), Date.parse('2026-12-01T08:01:00Z')],
        labels: ['2026-12-01T08:00:00.0000000Z', '2026-12-01T08:01:00.0000000Z'],
        series: [
          { name: 'count_', values: [4, 9] },
          { name: 'avg_duration', values: [2.5, null] },
        ],
      },
    });
  });

  it('draws a columnchart over string categories in row order', () => {
    const fit = chartFit(
      table(
        [
          ['name', 'string'],
          ['count_', 'long'],
        ],
        [
          ['b', 2],
          ['a', 1],
        ],
      ),
      'columnchart',
    );
    expect(fit.fit && fit.chart.labels).toEqual(['b', 'a']);
  });

  const cases: { what: string; columns: Column[]; rows: LogQueryTable['rows']; kind: DrawnRenderKind; note: string }[] = [
    {
      what: 'a timechart over a string column',
      columns: [
        ['name', 'string'],
        ['n', 'long'],
      ],
      rows: [['a', 1]],
      kind: 'timechart',
      note: "A timechart needs a datetime first column; 'name' is string.",
    },
    {
      what: 'a string series',
      columns: [
        ['t', 'datetime'],
        ['name', 'string'],
        ['n', 'long'],
      ],
      rows: [],
      kind: 'timechart',
      note: "Column 'name' (string) is not numeric",
    },
    {
      what: 'no series',
      columns: [['t', 'datetime']],
      rows: [],
      kind: 'timechart',
      note: 'needs an x column and at least one numeric column',
    },
    {
      what: 'no rows',
      columns: [
        ['t', 'datetime'],
        ['n', 'long'],
      ],
      rows: [],
      kind: 'timechart',
      note: 'No rows to draw.',
    },
    {
      what: 'an empty time',
      columns: [
        ['t', 'datetime'],
        ['n', 'long'],
      ],
      rows: [[null, 1]],
      kind: 'timechart',
      note: "Column 't' has empty or unreadable times.",
    },
    {
      what: 'too many bars',
      columns: [
        ['name', 'string'],
        ['n', 'long'],
      ],
      rows: Array.from({ length: CHART_LIMITS.maxCategories + 1 }, (_, i) => [`c${i}`, i]),
      kind: 'barchart',
      note: `More than ${CHART_LIMITS.maxCategories} rows`,
    },
  ];
  it.each(cases)('shows the table with a note for $what', ({ columns, rows, kind, note }) => {
    const fit = chartFit(table(columns, rows), kind);
    expect(fit.fit).toBe(false);
    expect(!fit.fit && fit.note).toContain(note);
  });
});

describe('parseApiTime', () => {
  it('reads the API’s 7 fractional digits as milliseconds, whatever Date.parse makes of them', () => {
    expect(parseApiTime('2026-12-01T07:54:14.8319999Z')).toBe(Date.UTC(2026, 11, 1, 7, 54, 14, 831));
    expect(parseApiTime('2026-12-01T07:54:14Z')).toBe(Date.UTC(2026, 11, 1, 7, 54, 14));
    expect(parseApiTime('2026-12-01T08:54:14.1234567+01:00')).toBe(Date.UTC(2026, 11, 1, 7, 54, 14, 123));
    expect(parseApiTime(null)).toBeNaN();
    expect(parseApiTime('yesterday')).toBeNaN();
  });
});

describe('valueScale', () => {
  it('starts at 0, or below it for negative values, and is never zero-tall', () => {
    expect(valueScale([4, 9, null])).toMatchObject({ min: 0, max: 9, ticks: [0, 4.5, 9] });
    expect(valueScale([-2, 2])).toMatchObject({ min: -2, max: 2 });
    expect(valueScale([0, 0]).max).toBe(1);
    expect(valueScale([3]).at(1.5)).toBe(0.5);
  });
});
