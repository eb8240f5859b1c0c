import { CLIENT_ERRORS, oneShot, type HostileCase } from '../hostile-case';
import { rawRequest } from '../raw-request';
import { ANY_SANE, booksPath, named, type CaseContext } from './case-context';

/**
 * Absolute-form, asterisk-form and authority-form targets, and CONNECT. The sidecar refuses
 * them (400 ABSOLUTE_FORM_REFUSED, 405 CONNECT_REFUSED: it is no open proxy). An origin server
 * may serve absolute-form (RFC 9112 §3.2.2); for CONNECT it may answer 4xx/501, or close, as
 * Node does when no tunnel handler exists: no tunnel is opened either way.
 */
export function targetFormCases(ctx: CaseContext): HostileCase[] {
  const sidecar = ctx.target === 'sidecar';
  const path = booksPath(ctx.target);
  const req = (method: string, target: string, host = ctx.authority) => oneShot(rawRequest({ method, target, headers: [['Host', host]] }));
  const absolute = { statuses: sidecar ? [400] : ANY_SANE };
  const connect = sidecar ? { statuses: [405] } : { statuses: [...CLIENT_ERRORS, 501], closeWithoutAnswer: true };
  return [
    named(ctx, 'target-form', 'absolute-form to this server', { parts: req('GET', `http://${ctx.authority}${path}`), expect: absolute }),
    named(ctx, 'target-form', 'absolute-form to another host, Host says this one', {
      parts: req('GET', `http://evil.example${path}`),
      expect: absolute,
    }),
    named(ctx, 'target-form', 'absolute-form https to this server', {
      parts: req('GET', `https://${ctx.authority}${path}`),
      expect: absolute,
    }),
    named(ctx, 'target-form', 'absolute-form with userinfo', {
      parts: req('GET', `http://user:pw@${ctx.authority}${path}`),
      expect: absolute,
    }),
    named(ctx, 'target-form', 'OPTIONS *', { parts: req('OPTIONS', '*'), expect: absolute }),
    named(ctx, 'target-form', 'GET * is not a valid target', { parts: req('GET', '*'), expect: { statuses: CLIENT_ERRORS } }),
    named(ctx, 'target-form', 'authority-form on GET', { parts: req('GET', ctx.authority), expect: { statuses: CLIENT_ERRORS } }),
    named(ctx, 'target-form', 'CONNECT to 127.0.0.1:22', { parts: req('CONNECT', '127.0.0.1:22', '127.0.0.1:22'), expect: connect }),
    named(ctx, 'target-form', 'CONNECT to this server', { parts: req('CONNECT', ctx.authority), expect: connect }),
    named(ctx, 'target-form', 'CONNECT with a path target', { parts: req('CONNECT', path), expect: connect }),
  ];
}
