import { parseConnectionString } from './connection-string';

describe('parseConnectionString', () => {
  it('reads the key and the ingestion endpoint, case-insensitively', () => {
    expect(
      parseConnectionString('instrumentationkey=11111111-2222-3333-4444-555555555555; IngestionEndpoint=https://127.0.0.1:4443/'),
    ).toEqual({
      instrumentationKey: '11111111-2222-3333-4444-555555555555',
      ingestionEndpoint: 'https://127.0.0.1:4443/',
    });
  });

  it('states the broken rule', () => {
    expect(parseConnectionString('just-a-key')).toBe('must be a list of Key=Value pairs separated by ";"');
    expect(parseConnectionString('InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=ftp://x')).toBe(
      'IngestionEndpoint must be an absolute http(s) URL',
    );
  });
});
