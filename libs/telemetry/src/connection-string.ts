/** The parts of an Application Insights connection string this package relies on. */
export interface ConnectionStringParts {
  readonly instrumentationKey: string;
  /** Absent: the SDK uses the public Azure endpoint. */
  readonly ingestionEndpoint: string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the shape of a connection string (`Key=Value;…` with a GUID InstrumentationKey
 * and, when present, an absolute http(s) IngestionEndpoint). Returns the rule that is
 * broken, in words that never quote the value (it is a secret), or the parts.
 */
export function parseConnectionString(value: string): ConnectionStringParts | string {
  const fields = new Map<string, string>();
  for (const pair of value.split(';')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    if (at <= 0) return 'must be a list of Key=Value pairs separated by ";"';
    fields.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  const instrumentationKey = fields.get('instrumentationkey');
  if (instrumentationKey === undefined || !GUID.test(instrumentationKey)) {
    return 'must contain InstrumentationKey=<guid>';
  }
  const ingestionEndpoint = fields.get('ingestionendpoint');
  if (ingestionEndpoint !== undefined && !isHttpUrl(ingestionEndpoint)) {
    return 'IngestionEndpoint must be an absolute http(s) URL';
  }
  return { instrumentationKey, ingestionEndpoint };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
