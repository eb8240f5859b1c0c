import { DatabaseSync } from 'node:sqlite';
import { corpusCases } from './queries';
import { resultDifference } from './result-compare';
import { type ColumnSpec, primaryResult } from './result-format';
import { type TelemetrySet } from './telemetry-schemas';
import { MINUTE, NOW, telemetrySet } from './telemetry-set';

// A second, independent computation of some expected answers: the same questions asked of SQLite in SQL.
// Where both agree, the corpus's TypeScript reference is not wrong in the same way as an engine could be.
const set = telemetrySet();
const db = loadIntoSqlite(set);

function loadIntoSqlite(data: TelemetrySet): DatabaseSync {
  const database = new DatabaseSync(':memory:');
  database.exec(`CREATE TABLE requests (timestamp INTEGER, name TEXT, duration REAL, resultCode TEXT, customDimensions TEXT);
    CREATE TABLE dependencies (name TEXT, target TEXT, duration REAL, resultCode TEXT, customDimensions TEXT);`);
  const request = database.prepare('INSERT INTO requests VALUES (?, ?, ?, ?, ?)');
  for (const r of data.requests) request.run(r.timestamp, r.name, r.duration, r.resultCode, JSON.stringify(r.customDimensions));
  const dependency = database.prepare('INSERT INTO dependencies VALUES (?, ?, ?, ?, ?)');
  for (const d of data.dependencies) dependency.run(d.name, d.target, d.duration, d.resultCode, JSON.stringify(d.customDimensions));
  return database;
}

function sqlResult(columns: readonly ColumnSpec[], sql: string) {
  const rows = db.prepare(sql).all() as Record<string, string | number | null>[];
  return primaryResult(
    columns,
    rows.map((row) => columns.map(([name]) => row[name] ?? null)),
  );
}

function corpusCase(name: string) {
  const found = corpusCases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no corpus case named ${name}`);
  return found;
}

describe('expected answers agree with SQLite', () => {
  it("the lab's query", () => {
    const c = corpusCase("the lab's query, verbatim (odd spacing, trailing blank, default desc sort)");
    const sql = sqlResult(
      [
        ['name', 'string'],
        ['podVersion', 'string'],
        ['resultCode', 'string'],
        ['duration', 'real'],
        ['requestCount', 'long'],
      ],
      `SELECT name, json_extract(customDimensions, '$.VersionTag') AS podVersion, resultCode,
              avg(duration) AS duration, count(*) AS requestCount
         FROM requests
        WHERE instr(lower(coalesce(json_extract(customDimensions, '$.VersionTag'), '')), 'mir-') > 0
        GROUP BY 1, 2, 3 ORDER BY name DESC, podVersion DESC`,
    );
    expect(resultDifference(sql, c.expected(set), c)).toBeUndefined();
  });

  it('the mirror exchanges, null durations left out of the average', () => {
    const c = corpusCase('LogAnalyticsQuery.md: mirror exchanges reported by the sidecar');
    const sql = sqlResult(
      [
        ['name', 'string'],
        ['target', 'string'],
        ['resultCode', 'string'],
        ['duration', 'real'],
        ['count_', 'long'],
      ],
      `SELECT name, target, resultCode, avg(duration) AS duration, count(*) AS count_
         FROM dependencies WHERE json_extract(customDimensions, '$.Mirror') = 'true'
        GROUP BY 1, 2, 3 ORDER BY name, target`,
    );
    expect(resultDifference(sql, c.expected(set), c)).toBeUndefined();
  });

  it('the 5-minute bins of the last hour', () => {
    const c = corpusCase('count per 5-minute bin over the last hour, rendered as a time chart');
    const bin = 5 * MINUTE;
    const sql = sqlResult(
      [
        ['timestamp', 'datetime'],
        ['count_', 'long'],
      ],
      `SELECT (timestamp / ${bin}) * ${bin} AS timestamp, count(*) AS count_
         FROM requests WHERE timestamp > ${NOW - 60 * MINUTE} GROUP BY 1 ORDER BY 1`,
    );
    expect(resultDifference(sql, c.expected(set), c)).toBeUndefined();
  });
});
