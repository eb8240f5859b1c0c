import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { type Collector } from '../src/collector.app';
import { type TrackResponse } from '../src/ingest/track-response';
import { requestEnvelope } from './support/envelopes';
import { tempDir } from './support/temp-dir';
import { startTestCollector } from '../src/testing';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_DECODED_BYTES = 1024 * 1024;

describe('POST /v2.1/track', () => {
  let collector: Collector;
  let agent: Agent;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const dir = await tempDir('track-api');
    removeDir = dir.remove;
    collector = await startTestCollector(dir.path, {
      MAX_BODY_BYTES: String(MAX_BODY_BYTES),
      MAX_DECODED_BYTES: String(MAX_DECODED_BYTES),
    });
    agent = new Agent({ connect: { ca: collector.tls.cert } });
  });

  afterAll(async () => {
    await agent.close();
    await collector.close();
    await removeDir();
  });

  async function track(body: string | Buffer, headers: Record<string, string> = {}, path = '/v2.1/track') {
    const response = await request(new URL(path, collector.listeners.secureUrl), {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: JSON.parse(text) as TrackResponse & { status?: number } };
  }

  it('accepts a batch and answers like the real service', async () => {
    const { status, body } = await track(JSON.stringify([requestEnvelope(), requestEnvelope()]));
    expect(status).toBe(200);
    expect(body).toEqual({ itemsReceived: 2, itemsAccepted: 2, errors: [] });
  });

  it('serves the older /v2/track path too', async () => {
    const { status, body } = await track(JSON.stringify([requestEnvelope()]), {}, '/v2/track');
    expect(status).toBe(200);
    expect(body.itemsAccepted).toBe(1);
  });

  it('accepts part of a batch: 206 with one error per malformed envelope, naming the rule', async () => {
    const missingTime = { ...requestEnvelope(), time: undefined };
    const badDuration = requestEnvelope({ duration: 'slow' });
    const { status, body } = await track(JSON.stringify([requestEnvelope(), missingTime, 42, badDuration]));
    expect(status).toBe(206);
    expect(body.itemsReceived).toBe(4);
    expect(body.itemsAccepted).toBe(1);
    expect(body.errors.map((error) => [error.index, error.statusCode])).toEqual([
      [1, 400],
      [2, 400],
      [3, 400],
    ]);
    expect(body.errors[0]?.message).toBe('time is required');
    expect(body.errors[1]?.message).toBe('item must be an object (got a number)');
    expect(body.errors[2]?.message).toContain('data.baseData.duration must be a timespan');
  });

  it('decodes gzip bodies', async () => {
    const { status, body } = await track(gzipSync(JSON.stringify([requestEnvelope(), requestEnvelope()])), { 'content-encoding': 'gzip' });
    expect(status).toBe(200);
    expect(body.itemsAccepted).toBe(2);
  });

  it('accepts newline-delimited JSON (x-json-stream)', async () => {
    const lines = [requestEnvelope(), requestEnvelope()].map((item) => JSON.stringify(item)).join('\n');
    const { status, body } = await track(lines, { 'content-type': 'application/x-json-stream' });
    expect(status).toBe(200);
    expect(body.itemsAccepted).toBe(2);
  });

  it('rejects malformed JSON with 400 and a clear message, and keeps serving', async () => {
    const { status, body } = await track('[{"name": ');
    expect(status).toBe(400);
    expect(body.itemsAccepted).toBe(0);
    expect(body.errors[0]?.message).toBe('body is not valid JSON (Unexpected end of JSON input): expected a JSON array of envelopes');
    expect((await track(JSON.stringify([requestEnvelope()]))).status).toBe(200);
  });

  it('rejects corrupt gzip with 400', async () => {
    const { status, body } = await track(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(status).toBe(400);
    expect(body.errors[0]?.message).toBe('body is not valid gzip data (incorrect header check)');
  });

  it('answers 413 past the body limit', async () => {
    const big = JSON.stringify(Array.from({ length: 400 }, () => requestEnvelope()));
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_BODY_BYTES);
    const { status } = await track(big);
    expect(status).toBe(413);
  });

  it('answers 413 when a small gzip body inflates past the decoded limit', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * MAX_DECODED_BYTES, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY_BYTES);
    const { status, body } = await track(bomb, { 'content-encoding': 'gzip' });
    expect(status).toBe(413);
    expect(body.errors[0]?.message).toBe(`decoded body exceeds ${MAX_DECODED_BYTES} bytes (MAX_DECODED_BYTES); nothing was stored`);
  });

  it('reads the body whatever the content-type, or none', async () => {
    const body = JSON.stringify([requestEnvelope()]);
    expect((await track(body, { 'content-type': 'text/plain' })).status).toBe(200);
    const response = await request(new URL('/v2.1/track', collector.listeners.secureUrl), { method: 'POST', dispatcher: agent, body });
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ itemsReceived: 1, itemsAccepted: 1, errors: [] });
  });

  it('stores an envelope nested deeper than JSON.stringify reaches as sent, and rejects it only when it would have to re-serialise it', async () => {
    const depth = 8_000;
    const nest = (separator: string) =>
      JSON.stringify(requestEnvelope())
        .replace('"measurements":{}', '')
        .replace('"ver":2,', `"ver":2,"deep":${`{"a":${separator}`.repeat(depth)}1${'}'.repeat(depth)},`);
    const before = collector.store.stats().items;
    const oneLine = await track(`[${nest('')},${JSON.stringify(requestEnvelope())}]`);
    expect(oneLine).toMatchObject({ status: 200, body: { itemsAccepted: 2 } });
    expect(collector.store.stats().items).toBe(before + 2);
    // Spread over lines, it cannot be stored as sent (one item per line) and is too deep to serialise.
    const { status, body } = await track(`[${nest('\n')},${JSON.stringify(requestEnvelope())}]`);
    expect(status).toBe(206);
    expect(body.errors).toEqual([{ index: 0, statusCode: 400, message: 'item is nested too deeply to be stored' }]);
  });

  it('stores only what it accepted', async () => {
    const before = collector.store.stats().items;
    await track(JSON.stringify([requestEnvelope(), { nope: true }]));
    expect(collector.store.stats().items).toBe(before + 1);
  });

  it('does not serve the track API on the plain-HTTP listener', async () => {
    const response = await request(`${collector.listeners.plainUrl}/v2.1/track`, { method: 'POST', body: '[]' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(await response.body.json()).toMatchObject({ status: 404, code: 'PLAIN_HTTP_READ_ONLY' });
  });
});
