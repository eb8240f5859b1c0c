import { s } from '@mirrormesh/schema';
import { isValidHostValue } from '../routing/host-field';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { regex } from './string-match.schema';

/** Visible ASCII but "#" and "?": what a path may hold as sent (anything else is percent-encoded). */
const PATH_CHARS = '[\\x21\\x22\\x24-\\x3e\\x40-\\x7e]';

/** A path as the proxy sends it: starts with "/", no query or fragment, no space or control character. */
const path = s.string({
  maxLength: 2048,
  pattern: new RegExp(`^/${PATH_CHARS}*$`),
  patternRule: 'must be a path beginning with "/", without "?", "#", spaces or control characters',
});

/** A Host value: host[:port], as a request's Host is checked. */
const authority = s
  .string({ minLength: 1, maxLength: 253 + 6 })
  .refine((value) => (isValidHostValue(value) ? undefined : 'must be host[:port]: a name, an IPv4 address or a bracketed IPv6 address'));

/** Istio's HTTPRewrite: the path (or the matched prefix) and the Host sent upstream. */
export const rewriteSchema = s.object({ uri: path.optional(), authority: authority.optional() });

/** Istio's RegexRewrite: every match of `match` in the path is replaced; `\1`…`\9` name its groups. */
export const regexRewriteSchema = s.object({
  match: regex,
  rewrite: s.string({
    maxLength: 2048,
    pattern: new RegExp(`^${PATH_CHARS}*$`),
    patternRule: 'must be a path part without "?", "#", spaces or control characters',
  }),
});

/** The status codes Istio's HTTPRedirect allows. */
export const REDIRECT_CODES = [301, 302, 303, 307, 308] as const;

/** Istio's HTTPRedirect: answered by the proxy, never forwarded. */
export const redirectSchema = s.object({
  uri: path.optional(),
  authority: authority.optional(),
  scheme: s.oneOf(['http', 'https']).optional(),
  port: s.integer({ min: 1, max: 65535 }).optional(),
  redirectCode: s.oneOf(REDIRECT_CODES).default(PROXY_DEFAULTS.redirectCode),
});
