import { processTrackBatch } from './track-batch';
import { timespanToMs } from './timespan';

const limits = { maxBodyBytes: 1024 * 1024, maxDecodedBytes: 1024 * 1024, maxItemsPerBatch: 3 };
const envelope = {
  name: 'Microsoft.ApplicationInsights.Request',
  time: '2026-11-21T04:00:00.000Z',
  data: { baseType: 'RequestData', baseData: { name: 'GET /books', duration: '00:00:01.5', responseCode: '200', success: true } },
};

describe('processTrackBatch', () => {
  it('rejects only the NDJSON lines that do not parse', () => {
    const outcome = processTrackBatch(Buffer.from(`${JSON.stringify(envelope)}\n{oops\n${JSON.stringify(envelope)}`), undefined, limits);
    expect(outcome.status).toBe(206);
    expect(outcome.response.errors).toEqual([{ index: 1, statusCode: 400, message: 'line is not valid JSON: expected one envelope per line' }]);
    expect(outcome.accepted).toHaveLength(2);
  });

  it('keeps each accepted item as the text it was sent as, on one line', () => {
    const asSent = JSON.stringify(envelope).replace('"name":', '"name" :');
    const outcome = processTrackBatch(Buffer.from(`[${asSent}, {"oops": 1}]`), undefined, limits);
    expect(outcome.status).toBe(206);
    expect(outcome.accepted.map((item) => item.json)).toEqual([asSent]);
    // Pretty-printed items cannot be stored as sent by a line-based store: they are serialised.
    const pretty = processTrackBatch(Buffer.from(JSON.stringify([envelope], null, 2)), undefined, limits);
    expect(pretty.accepted.map((item) => item.json)).toEqual([JSON.stringify(envelope)]);
  });

  it('accepts other telemetry types with the common envelope fields', () => {
    const metric = { name: 'Microsoft.ApplicationInsights.Metric', time: envelope.time, data: { baseType: 'MetricData', baseData: { metrics: [] } } };
    const outcome = processTrackBatch(Buffer.from(JSON.stringify([metric])), undefined, limits);
    expect(outcome.status).toBe(200);
    expect(outcome.accepted[0]?.request).toBeUndefined();
  });

  it('answers 415 for an unknown content-encoding and 413 past the item cap', () => {
    expect(processTrackBatch(Buffer.from('[]'), 'br', limits).status).toBe(415);
    expect(processTrackBatch(Buffer.from(JSON.stringify([envelope, envelope, envelope, envelope])), undefined, limits).status).toBe(413);
  });

  it('answers 400 when no item is valid, 200 for an empty array', () => {
    expect(processTrackBatch(Buffer.from('[1, 2]'), undefined, limits).status).toBe(400);
    expect(processTrackBatch(Buffer.from('[]'), undefined, limits)).toMatchObject({ status: 200, response: { itemsReceived: 0, itemsAccepted: 0 } });
  });

  it('reads SDK timespans as milliseconds', () => {
    expect(timespanToMs('00:00:01.5')).toBe(1500);
    expect(timespanToMs('1.02:03:04.0050000')).toBe(((26 * 60 + 3) * 60 + 4) * 1000 + 5);
    expect(timespanToMs('soon')).toBeNaN();
  });
});
