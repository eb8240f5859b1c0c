import { randomUUID } from 'node:crypto';

/** Bounded so a hostile client cannot make every log line and mirror copy huge. */
const MAX_REQUEST_ID_LENGTH = 200;

/** The client's x-request-id when it is sane, else a new UUID: live and mirror share it. */
export function requestIdOf(given: string | undefined): string {
  if (given !== undefined && given.length > 0 && given.length <= MAX_REQUEST_ID_LENGTH) return given;
  return randomUUID();
}
