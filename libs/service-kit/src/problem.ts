import { type Problem } from '@mirrormesh/catalog';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An RFC 9457 problem body; `code` is the stable, machine-readable part. */
export function problem(status: number, code: string, detail: string, instance?: string): Problem {
  return {
    type: `https://mirrormesh.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    code,
    ...(instance === undefined ? {} : { instance }),
  };
}
