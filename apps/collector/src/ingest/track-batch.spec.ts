import { deflateSync, gzipSync } from 'node:zlib';
import { processTrackBatch } from './track-batch';
import { timespanToMs } from './timespan';

const limits = { maxBodyBytes: 1024 * 1024, maxDecodedBytes: 1024 * 1024, maxItemsPerBatch: 3, maxJsonValues: 1_000 };
const envelope = {
  name: 'Microsoft.ApplicationInsights.Request',
  time: '2026-11-21T04:00:00.000Z',
  data: { baseType: 'RequestData', baseData: { name: 'GET /books', duration: '00:00:01.5', responseCode: '200', success: true } },
};

describe('processTrackBatch', () => {
  it('rejects only the NDJSON lines that do not parse', async () => {
    const outcome = await processTrackBatch(
      Buffer.from(`${JSON.stringify(envelope)}\n{oops\n${JSON.stringify(envelope)}`),
      undefined,
      limits,
    );
    expect(outcome.status).toBe(206);
    expect(outcome.response.errors).toEqual([
      { index: 1, statusCode: 400, message: 'line is not valid JSON: expected one envelope per line' },
    ]);
    expect(outcome.accepted).toHaveLength(2);
  });

  it('keeps each accepted item as the text it was sent as, on one line', async () => {
    const asSent = JSON.stringify(envelope).replace('"name":', '"name" :');
    const outcome = await processTrackBatch(Buffer.from(`[${asSent}, {"oops": 1}]`), undefined, limits);
    expect(outcome.status).toBe(206);
    expect(outcome.accepted.map((item) => item.json)).toEqual([asSent]);
    // Pretty-printed items cannot be stored as sent by a line-based store: they are serialised.
    const pretty = await processTrackBatch(Buffer.from(JSON.stringify([envelope], null, 2)), undefined, limits);
    expect(pretty.accepted.map((item) => item.json)).toEqual([JSON.stringify(envelope)]);
  });

  it('accepts other telemetry types with the common envelope fields', async () => {
    const metric = {
      name: 'Microsoft.ApplicationInsights.Metric',
      time: envelope.time,
      data: { baseType: 'MetricData', baseData: { metrics: [] } },
    };
    const outcome = await processTrackBatch(Buffer.from(JSON.stringify([metric])), undefined, limits);
    expect(outcome.status).toBe(200);
    expect(outcome.accepted[0]?.envelope).toEqual(metric);
  });

  it('answers 415 for an unknown content-encoding, naming the ones it takes', async () => {
    expect(await processTrackBatch(Buffer.from('[]'), 'br', limits)).toMatchObject({
      status: 415,
      response: { errors: [{ message: 'content-encoding "br" is not supported (use gzip, deflate or none)' }] },
    });
  });

  it('decodes gzip and deflate bodies', async () => {
    const body = JSON.stringify([envelope, envelope]);
    expect((await processTrackBatch(gzipSync(body), 'gzip', limits)).accepted).toHaveLength(2);
    expect((await processTrackBatch(deflateSync(body), 'Deflate', limits)).accepted).toHaveLength(2);
  });

  it('answers 413 naming the limit, without parsing, past the item or JSON value bound', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const items = await processTrackBatch(Buffer.from(JSON.stringify([envelope, envelope, envelope, envelope])), undefined, limits);
      expect(items).toMatchObject({
        status: 413,
        response: { itemsReceived: 0, errors: [{ message: 'batch has more than 3 items (MAX_ITEMS_PER_BATCH); nothing was stored' }] },
      });
      const values = await processTrackBatch(Buffer.from(`[{"a":[${'0,'.repeat(1_000)}0]}]`), undefined, limits);
      expect(values.response.errors[0]?.message).toBe(
        'batch has more than 1000 JSON values (objects, arrays and members) (MAX_JSON_VALUES); nothing was stored',
      );
      const lines = await processTrackBatch(Buffer.from(`${JSON.stringify(envelope)}\n`.repeat(4)), undefined, limits);
      expect(lines.response.errors[0]?.message).toContain('MAX_ITEMS_PER_BATCH');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('answers 413 past the decoded size, plain or compressed', async () => {
    const small = { ...limits, maxDecodedBytes: 1024 };
    const message = 'decoded body exceeds 1024 bytes (MAX_DECODED_BYTES); nothing was stored';
    const big = JSON.stringify([{ ...envelope, pad: 'x'.repeat(1024) }]);
    expect((await processTrackBatch(Buffer.from(big), undefined, small)).response.errors[0]?.message).toBe(message);
    expect((await processTrackBatch(gzipSync(big), 'gzip', small)).response.errors[0]?.message).toBe(message);
  });

  it('says where a body is not JSON', async () => {
    const outcome = await processTrackBatch(Buffer.from('[{"name": 1,}]'), undefined, limits);
    expect(outcome.status).toBe(400);
    expect(outcome.response.errors[0]?.message).toMatch(/^body is not valid JSON \(.*position 12.*\): expected a JSON array of envelopes$/);
  });

  it('answers 400 when no item is valid, 200 for an empty array', async () => {
    expect((await processTrackBatch(Buffer.from('[1, 2]'), undefined, limits)).status).toBe(400);
    expect(await processTrackBatch(Buffer.from('[]'), undefined, limits)).toMatchObject({
      status: 200,
      response: { itemsReceived: 0, itemsAccepted: 0 },
    });
  });

  it('reads SDK timespans as milliseconds', () => {
    expect(timespanToMs('00:00:01.5')).toBe(1500);
    expect(timespanToMs('1.02:03:04.0050000')).toBe(((26 * 60 + 3) * 60 + 4) * 1000 + 5);
    expect(timespanToMs('soon')).toBeNaN();
  });
});
