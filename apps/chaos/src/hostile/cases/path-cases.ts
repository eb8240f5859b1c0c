import { CLIENT_ERRORS, oneShot, type HostileCase } from '../hostile-case';
import { rawRequest } from '../raw-request';
import { named, type CaseContext } from './case-context';

/** What a traversal that reached a file would show: /etc/passwd, or the repository's package.json. */
const FILE_CONTENTS = ['root:x:0:0', '"workspaces"', '"@mirrormesh/'];

const TRAVERSALS = [
  '/../../../../etc/passwd',
  '/books/../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '/..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/.%2e/.%2e/.%2e/etc/passwd',
  '/%252e%252e/%252e%252e/etc/passwd',
  '//etc/passwd',
  '/\\..\\..\\..\\etc\\passwd',
  '/..\\..\\package.json',
  '/assets/../../package.json',
  '/assets/..%5c..%5cpackage.json',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/..;/..;/etc/passwd',
  '/books%00',
  '/books/1%00.json',
  '/index.html%00.json',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
];

/**
 * Path traversal: never a file outside the served tree, always a 4xx (400 for the refused
 * forms, 404 for what is not there). The SPA's /api prefix and its static tree both get each.
 */
export function pathCases(ctx: CaseContext): HostileCase[] {
  const prefixes = ctx.target === 'bookinfoSpa' ? ['', '/api'] : [''];
  return prefixes.flatMap((prefix) =>
    TRAVERSALS.map((path) =>
      named(ctx, 'traversal', `${prefix}${path}`, {
        parts: oneShot(
          rawRequest({
            method: 'GET',
            target: `${prefix}${path}`,
            headers: [
              ['Host', ctx.authority],
              ['Accept', 'application/json'],
            ],
          }),
        ),
        expect: { statuses: CLIENT_ERRORS, bodyMustNotContain: FILE_CONTENTS },
      }),
    ),
  );
}

/** The sidecar's blocked prefix in the corpus config: a route that aborts with this status. */
export const INTERNAL_PREFIX = '/internal';
export const INTERNAL_BLOCKED_STATUS = 403;

/**
 * Route bypass through unnormalised paths (the sidecar's `prefix: /internal` route): once the
 * proxy normalises as Envoy/Istio do (merge slashes, resolve dot segments, decode unreserved
 * escapes), each of these matches the blocked route; malformed escapes get 400 BAD_PATH. Each
 * path carries a marker the upstream must never see.
 */
export function routeBypassCases(ctx: CaseContext): HostileCase[] {
  const blocked = (name: string, path: (marker: string) => string, status: number): HostileCase => {
    const marker = `bypass-${name.replace(/[^a-z0-9]+/gi, '-')}`;
    return named(ctx, 'route-bypass', `${path(marker)} → ${status}`, {
      parts: oneShot(rawRequest({ method: 'GET', target: path(marker), headers: [['Host', ctx.authority]] })),
      expect: { statuses: [status] },
      upstreamMustNotSee: [marker],
      why: status === 400 ? 'a malformed escape cannot be normalised: 400 BAD_PATH' : 'normalised, the path is under the blocked prefix',
    });
  };
  return [
    blocked('plain', (m) => `${INTERNAL_PREFIX}/${m}`, INTERNAL_BLOCKED_STATUS),
    blocked('double-slash', (m) => `/${INTERNAL_PREFIX}/${m}`, INTERNAL_BLOCKED_STATUS),
    blocked('dot-segment', (m) => `/.${INTERNAL_PREFIX}/${m}`, INTERNAL_BLOCKED_STATUS),
    blocked('dot-dot-segment', (m) => `/books/..${INTERNAL_PREFIX}/${m}`, INTERNAL_BLOCKED_STATUS),
    blocked('escaped-letter', (m) => `/%69nternal/${m}`, INTERNAL_BLOCKED_STATUS),
    blocked('escaped-dot-dot', (m) => `/books/%2e%2e${INTERNAL_PREFIX}/${m}`, INTERNAL_BLOCKED_STATUS),
    blocked('malformed-escape', (m) => `${INTERNAL_PREFIX}%zz/${m}`, 400),
    blocked('truncated-escape', (m) => `/books/${m}/%`, 400),
  ];
}
