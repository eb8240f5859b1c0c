import { parseResponses } from './http-response-parser';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('parseResponses', () => {
  it('splits pipelined answers framed by content-length and chunked', () => {
    const stream = parseResponses(
      bytes(
        'HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\nnoHTTP/1.1 400 Bad Request\r\ntransfer-encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n',
      ),
    );
    expect(stream.responses.map((r) => [r.status, r.body.toString()])).toEqual([
      [404, 'no'],
      [400, 'ab'],
    ]);
    expect(stream.truncated).toBe(false);
  });

  it('skips interim answers and knows a HEAD answer has no body', () => {
    const stream = parseResponses(bytes('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n'), () => true);
    expect(stream.interim).toBe(1);
    expect(stream.responses.map((r) => r.status)).toEqual([200]);
  });

  it('reports a cut answer as truncated and bytes that are not HTTP as garbage', () => {
    expect(parseResponses(bytes('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc')).truncated).toBe(true);
    expect(parseResponses(bytes('HTTP/1.1 200 OK\r\ncontent')).truncated).toBe(true);
    expect(parseResponses(bytes('hello\r\n\r\n')).garbage.toString()).toBe('hello\r\n\r\n');
  });

  it('takes a body without framing as running to the close', () => {
    expect(parseResponses(bytes('HTTP/1.0 400 Bad Request\r\n\r\nbye')).responses[0]?.body.toString()).toBe('bye');
  });
});
