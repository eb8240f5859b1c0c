import { KqlError, runQuery } from '../../src';
import { errorCases } from './errors';
import { memoryTableSource } from './memory-table-source';
import { corpusCases } from './queries';
import { resultDifference } from './result-compare';
import { schemas } from './telemetry-schemas';
import { NOW, telemetrySet } from './telemetry-set';

const set = telemetrySet();
const source = memoryTableSource(schemas, set);
const options = { now: () => NOW };

describe('KQL corpus: answers as Azure Log Analytics gives them', () => {
  it.each(corpusCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const actual = await runQuery(c.query, source, options);
    expect(resultDifference(actual, c.expected(set), c)).toBeUndefined();
  });
});

describe('KQL corpus: malformed and unsupported queries', () => {
  it.each(errorCases.map((e) => [e.name, e] as const))('%s', async (_name, e) => {
    const failure: unknown = await runQuery(e.query, source, options).then(
      () => new Error('the query ran'),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(KqlError);
    const { code, message, line, column } = failure as KqlError;
    expect({ code, message, line, column }).toEqual({ code: e.code, message: e.message, line: e.line, column: e.column });
  });
});
