import { HOST_FIELD_MESSAGES } from '../routing/host-field';

/** Answers the proxy gives itself, without an upstream: status, code and a fixed message. */
export interface LocalAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export const LOCAL_ANSWERS = {
  closing: { status: 503, code: 'PROXY_CLOSING', message: 'proxy is shutting down' },
  connect: {
    status: 405,
    code: 'CONNECT_REFUSED',
    message: 'CONNECT is not supported: this proxy forwards only to its configured clusters',
  },
  absoluteForm: { status: 400, code: 'ABSOLUTE_FORM_REFUSED', message: 'request target must be a path beginning with "/"' },
  badPathEscape: { status: 400, code: 'BAD_PATH', message: 'request path has a malformed escape: "%" must be followed by two hex digits' },
  badPathNul: { status: 400, code: 'BAD_PATH', message: 'request path must not contain an escaped NUL (%00)' },
  badHostDuplicate: { status: 400, code: 'BAD_HOST', message: HOST_FIELD_MESSAGES.duplicate },
  badHostInvalid: { status: 400, code: 'BAD_HOST', message: HOST_FIELD_MESSAGES.invalid },
  noRoute: { status: 404, code: 'NO_ROUTE', message: 'no route matches this request' },
} as const satisfies Record<string, LocalAnswer>;
