import { type IncomingMessage } from 'node:http';
import { checkHostField } from '../routing/host-field';
import { type PathNormalization } from '../routing/normalize-path';
import { normalizeRequestTarget } from '../routing/request-target';
import { LOCAL_ANSWERS, type LocalAnswer } from './local-answers';

/**
 * The checks every request passes before it is routed, in order: no tunnels, one valid Host
 * (RFC 9112 §3.2), an origin-form target (no open proxy), a path that normalises. Returns the
 * path routes match on (already forwarded as `req.url`), or the answer the proxy gives itself.
 */
export function admitRequest(req: IncomingMessage, url: string, method: string, normalization: PathNormalization): string | LocalAnswer {
  if (method === 'CONNECT') return LOCAL_ANSWERS.connect;
  const badHost = checkHostField(req.rawHeaders);
  if (badHost !== undefined) return badHost === 'duplicate' ? LOCAL_ANSWERS.badHostDuplicate : LOCAL_ANSWERS.badHostInvalid;
  // 47 = "/": absolute-form ("http://elsewhere/") and asterisk-form targets are refused.
  if (url.charCodeAt(0) !== 47) return LOCAL_ANSWERS.absoluteForm;
  const path = normalizeRequestTarget(req, url, normalization);
  if (typeof path !== 'string') return path.reason === 'encoded-nul' ? LOCAL_ANSWERS.badPathNul : LOCAL_ANSWERS.badPathEscape;
  return path;
}
