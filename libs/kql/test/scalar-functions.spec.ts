import { labNow } from './fixtures/lab-rows';
import { run } from './fixtures/run';
import { ruleSource } from './fixtures/rule-rows';

/** One row's value of each expression (the first row of t unless `where` says otherwise). */
async function values(expressions: string, where = 'i == 1'): Promise<unknown[]> {
  const { rows } = await run(`t | where ${where} | project ${expressions}`, {}, ruleSource);
  return [...rows[0]!];
}

describe('scalar functions and operators', () => {
  it('literals: strings (verbatim and single-quoted), numbers, bools, datetime, timespans', async () => {
    expect(
      await values(
        `a = "x\\ty", b = @"c:\\dir", c = 'q', d = 42, e = 2.5, f = true, g = datetime(2026-12-01T07:54:14.831Z), h = 15m, k = 100ms, l = 2d, m = timespan(1.02:03:04.5), o = 1.5h`,
      ),
    ).toEqual([
      'x\ty',
      'c:\\dir',
      'q',
      42,
      2.5,
      true,
      '2026-12-01T07:54:14.8310000Z',
      '00:15:00',
      '00:00:00.1000000',
      '2.00:00:00',
      '1.02:03:04.5000000',
      '01:30:00',
    ]);
  });

  it('arithmetic: long division truncates, real does not, % and negation', async () => {
    expect(await values('a = n / 2, b = r / 2, c = n % 4, d = -n, e = n * 3 + 1, f = 7 / 0, g = real(1) / 4')).toEqual([
      3,
      0.75,
      3,
      -7,
      22,
      null,
      0.25,
    ]);
    expect(await values('a = n / 2, b = n % 4', 'i == 2')).toEqual([-3, -3]);
  });

  it('datetime and timespan arithmetic', async () => {
    expect(await values('a = ts + 1h, b = ts - datetime(2026-12-01T06:00:00Z), c = 1h / 1m')).toEqual([
      '2026-12-01T08:00:00.0000000Z',
      '01:00:00',
      60,
    ]);
  });

  it('ago() and now() read the injected clock', async () => {
    const { rows } = await run('print a = now(), b = ago(1d)'.replace('print', 't | take 1 | project'), { now: () => labNow }, ruleSource);
    expect(rows).toEqual([['2026-12-01T08:00:00.0000000Z', '2026-11-30T08:00:00.0000000Z']]);
  });

  it('conversions: tostring, toint, tolong, todouble, toreal', async () => {
    expect(
      await values(
        'a = tostring(n), b = tostring(r), c = tostring(b), d = toint("42"), e = tolong(r), f = todouble("2.5"), g = toreal(n), h = toint("x"), k = tostring(ts)',
      ),
    ).toEqual(['7', '1.5', 'true', 42, 1, 2.5, 7, null, '2026-12-01T07:00:00.0000000Z']);
  });

  it('round half away from zero, with digits', async () => {
    expect(await values('a = round(2.5), b = round(-2.5), c = round(1.2345, 2), d = round(r)')).toEqual([3, -3, 1.23, 2]);
    // Kusto's documented examples; 2.15 * 10 is 21.4999… in binary, which must not round down.
    expect(await values('a = round(2.98765, 3), b = round(2.15, 1), c = round(2.15), d = round(-50.55, -2), e = round(21.5, -1)')).toEqual([
      2.988, 2.2, 2, -100, 20,
    ]);
  });

  it('strcat, iff/iif, case, tolower/toupper, strlen', async () => {
    expect(
      await values(
        'a = strcat(s, "-", n, "-", b), b2 = iff(b, "yes", "no"), c = iif(n > 100, 1, 2), d = case(n < 0, "neg", n == 0, "zero", "pos"), e = strlen(s)',
      ),
    ).toEqual(['Alpha-7-true', 'yes', 2, 'pos', 5]);
  });

  it('bin and floor: numbers, datetimes (Kusto bins from 0001-01-01) and timespans', async () => {
    expect(
      await values('a = bin(n, 5), b = floor(r, 1), c = bin(ts + 90s, 1m), d = bin(-3, 5), e = bin(ts, 7d), f = bin(100s, 1m)'),
    ).toEqual([5, 1, '2026-12-01T07:01:00.0000000Z', -5, '2026-11-30T00:00:00.0000000Z', '00:01:00']);
  });

  it('dynamic access: d["k"], d.k, nested, array index; a missing key is null', async () => {
    expect(await values('a = d["k"], b = d.k, c = d["nested"]["x"], d2 = d.nested.x, e = d.nokey, f = tostring(d.k)')).toEqual([
      '"Hello World"',
      '"Hello World"',
      '"deep"',
      '"deep"',
      null,
      'Hello World',
    ]);
    expect(await values('a = d.arr[1], b = d["arr"][-1]', 'i == 3')).toEqual(['2', '3']);
  });

  it('tostring of a dynamic object is its JSON text, of a dynamic string the string itself', async () => {
    expect(await values('a = tostring(d.nested), b = tostring(d.nested.x), c = tostring(d.nokey)')).toEqual(['{"x":"deep"}', 'deep', '']);
  });

  it('dynamic literals', async () => {
    expect(await values('a = dynamic({"a": [1, 2]}), b = dynamic(null)')).toEqual(['{"a":[1,2]}', null]);
  });
});
