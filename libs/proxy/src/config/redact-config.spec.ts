import { parseProxyConfig } from './parse-proxy-config';
import { REDACTED, redactConfig } from './redact-config';

describe('redactConfig', () => {
  it('hides credential header values the mirror sets or adds, and nothing else', () => {
    const config = parseProxyConfig({
      clusters: [{ name: 'a', endpoints: ['127.0.0.1:1'] }],
      routes: [
        {
          name: 'r',
          route: [{ destination: { cluster: 'a' } }],
          mirror: {
            cluster: 'a',
            headers: { request: { set: { Authorization: 'Bearer s3cret', 'x-mirror': 'true' }, add: { 'x-api-key': 'k' } } },
          },
        },
      ],
    });
    const shown = redactConfig(config);
    expect(shown.routes[0]?.mirror?.headers?.request).toEqual({
      set: { Authorization: REDACTED, 'x-mirror': 'true' },
      add: { 'x-api-key': REDACTED },
    });
    expect(JSON.stringify(shown)).not.toContain('s3cret');
    expect(config.routes[0]?.mirror?.headers?.request.set?.Authorization).toBe('Bearer s3cret');
  });

  it('hides them in every entry of mirrors too', () => {
    const config = parseProxyConfig({
      clusters: [
        { name: 'a', endpoints: ['127.0.0.1:1'] },
        { name: 'b', endpoints: ['127.0.0.1:2'] },
      ],
      routes: [
        {
          name: 'r',
          route: [{ destination: { cluster: 'a' } }],
          mirrors: [{ cluster: 'a' }, { cluster: 'b', headers: { request: { set: { Cookie: 'session=s3cret', 'x-mirror': 'b' } } } }],
        },
      ],
    });
    const shown = redactConfig(config);
    expect(shown.routes[0]?.mirrors?.[1]?.headers?.request.set).toEqual({ Cookie: REDACTED, 'x-mirror': 'b' });
    expect(shown.routes[0]?.mirrors?.[0]).toEqual(config.routes[0]?.mirrors?.[0]);
    expect(JSON.stringify(shown)).not.toContain('s3cret');
  });
});
