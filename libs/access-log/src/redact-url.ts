/** What a secret's value is replaced with in logs, telemetry and the proxy's GET /config. */
export const REDACTED = '<redacted>';

/**
 * Query parameters whose values are credentials (OAuth tokens and codes, API keys, signed-URL
 * signatures and credentials of S3 and GCS, passwords). Lowercase; a URL's parameter names are
 * compared case-insensitively, after percent-decoding (`api%5Fkey` is `api_key`).
 */
export const SECRET_QUERY_PARAMS: readonly string[] = [
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'code',
  'auth',
  'key',
  'api_key',
  'apikey',
  'api-key',
  'password',
  'passwd',
  'secret',
  'client_secret',
  'sig',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
];

const SECRET = new Set(SECRET_QUERY_PARAMS);
/** A name longer than this, even percent-encoded (3 characters a byte), is no secret's name. */
const LONGEST_NAME = 3 * Math.max(...SECRET_QUERY_PARAMS.map((name) => name.length));

const AMPERSAND = 0x26;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const EQUALS = 0x3d;

function isSeparator(c: number): boolean {
  return c === AMPERSAND || c === SEMICOLON || c === HASH;
}

function isSecretName(raw: string): boolean {
  if (raw.length === 0 || raw.length > LONGEST_NAME) return false;
  let name = raw;
  if (name.includes('%') || name.includes('+')) {
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // A malformed escape: compared as written.
    }
  }
  return SECRET.has(name.toLowerCase());
}

/**
 * The URL (or path and query) with the value of every secret query parameter replaced by
 * REDACTED, for anything that writes a URL to a log line or to telemetry. Parameters are split
 * on "&" and, as some servers read them, on ";"; a fragment is searched too. A parameter
 * without a value is left as it is. A URL without "?" or "#" is returned as is, after two scans.
 */
export function redactUrl(url: string): string {
  let start = url.indexOf('?');
  const hash = url.indexOf('#');
  if (start < 0 || (hash >= 0 && hash < start)) start = hash;
  if (start < 0) return url;
  let out: string | undefined;
  let copied = 0;
  let i = start + 1;
  while (i <= url.length) {
    let end = i;
    let equals = -1;
    for (; end < url.length; end++) {
      const c = url.charCodeAt(end);
      if (isSeparator(c)) break;
      if (c === EQUALS && equals < 0) equals = end;
    }
    if (equals > i && end > equals + 1 && isSecretName(url.slice(i, equals))) {
      out = (out ?? '') + url.slice(copied, equals + 1) + REDACTED;
      copied = end;
    }
    i = end + 1;
  }
  return out === undefined ? url : out + url.slice(copied);
}
