import { isIPv6 } from 'node:net';

/** Why a request's Host is refused; RFC 9112 §3.2 answers both with 400. */
export type HostFieldProblem = 'duplicate' | 'invalid';

/** The texts every server answers with, so the proxy and the services say the same thing. */
export const HOST_FIELD_MESSAGES: Readonly<Record<HostFieldProblem, string>> = {
  duplicate: 'a request must carry at most one Host field',
  invalid: 'Host must be host[:port]: a registered name, an IPv4 address or a bracketed IPv6 address, then an optional numeric port',
};

/**
 * Characters of an RFC 3986 reg-name: unreserved and sub-delims ("%" is checked apart, as
 * pct-encoded). The comma, a sub-delim, is left out on purpose: no DNS name holds one, and
 * "a, b" or "a,b" is how a list of Host values (two fields folded into one) arrives.
 */
const REG_NAME = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+;=") REG_NAME[c.charCodeAt(0)] = 1;

const COLON = 58;
const PERCENT = 37;
const OPEN_BRACKET = 91;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** `*DIGIT` from `from` to the end (RFC 3986 allows an empty port). */
function isPort(value: string, from: number): boolean {
  for (let i = from; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/** `"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`: the rare IPvFuture literal. */
function isIpvFuture(inner: string): boolean {
  if ((inner.charCodeAt(0) | 32) !== 118) return false;
  const dot = inner.indexOf('.');
  if (dot < 2 || dot === inner.length - 1) return false;
  for (let i = 1; i < dot; i++) if (!isHexDigit(inner.charCodeAt(i))) return false;
  for (let i = dot + 1; i < inner.length; i++) {
    const code = inner.charCodeAt(i);
    if (code !== COLON && REG_NAME[code] !== 1) return false;
  }
  return true;
}

/** `"[" ( IPv6address / IPvFuture ) "]" [ ":" port ]`. */
function isIpLiteralHost(value: string): boolean {
  const close = value.indexOf(']');
  if (close < 0) return false;
  const after = close + 1;
  if (after < value.length && (value.charCodeAt(after) !== COLON || !isPort(value, after + 1))) return false;
  const inner = value.slice(1, close);
  // node:net accepts a zone id ("fe80::1%eth0"), which has no place in a Host field.
  return inner.includes('%') ? false : isIPv6(inner) || isIpvFuture(inner);
}

/**
 * RFC 9110 §7.2 `uri-host [ ":" port ]`, with RFC 3986's host: a reg-name (an IPv4 address is
 * one, syntactically), pct-encoded octets included, or a bracketed IP literal. The empty
 * value is valid (RFC 9112 §3.2: a target without an authority).
 */
export function isValidHostValue(value: string): boolean {
  if (value.charCodeAt(0) === OPEN_BRACKET) return isIpLiteralHost(value);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // Above 127 the table reads undefined: obs-text ("h\xffst") is refused with the rest.
    if (REG_NAME[code] === 1) continue;
    if (code === COLON) return isPort(value, i + 1);
    if (code === PERCENT && isHexDigit(value.charCodeAt(i + 1)) && isHexDigit(value.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

/** "host" in any case, tested by length first: most header names stop there. */
function isHostName(name: string): boolean {
  return name.length === 4 && (name === 'Host' || name === 'host' || name.toLowerCase() === 'host');
}

/**
 * Checks the Host field(s) of a request in one pass over Node's `rawHeaders` (names at even
 * indexes), the only place a second Host field is still visible: `req.headers.host` keeps the
 * first. Returns undefined when the request may be served. A missing Host is not judged here:
 * Node refuses it for HTTP/1.1 (requireHostHeader) and HTTP/1.0 may omit it.
 */
export function checkHostField(rawHeaders: readonly string[]): HostFieldProblem | undefined {
  let host: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!isHostName(rawHeaders[i] as string)) continue;
    if (host !== undefined) return 'duplicate';
    host = rawHeaders[i + 1] ?? '';
  }
  return host === undefined || isValidHostValue(host) ? undefined : 'invalid';
}
