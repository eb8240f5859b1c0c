import { truncateRows } from './truncate-rows';

const table = (name: string, n: number) => ({
  name,
  columns: [{ name: 'n', type: 'long' as const }],
  rows: Array.from({ length: n }, (_, i) => [i]),
});

describe('truncateRows', () => {
  it('keeps the tables as they are when they hold at most the bound', () => {
    const tables = [table('PrimaryResult', 3)];
    expect(truncateRows(tables, 3)).toEqual({ tables });
  });

  it('keeps the first rows, first tables first, and says how many there were', () => {
    const result = truncateRows([table('A', 3), table('B', 4)], 5);
    expect(result.tables.map((t) => t.rows.length)).toEqual([3, 2]);
    expect(result.truncated).toEqual({ relayedRows: 5, totalRows: 7 });
  });
});
