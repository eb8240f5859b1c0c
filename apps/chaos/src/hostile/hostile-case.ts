/** The endpoints the corpus attacks (the collector has two listeners: TLS track API and plain query API). */
export const TARGET_NAMES = ['sidecar', 'bookService', 'collectorTrack', 'collectorQuery', 'bookinfoSpa'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** One write of a case; `delayMs` is waited before it (slow clients). */
export interface SendPart {
  readonly bytes: Buffer;
  readonly delayMs?: number;
}

/**
 * What a correct server may do with a case. Anything else is a failure; a 500, a hang
 * past the case's bound and a dead process are failures whatever the expectation says.
 */
export interface Expectation {
  /** Acceptable final statuses of each answer on the connection. */
  readonly statuses: readonly number[];
  /**
   * A close without any answer is correct too. Only where HTTP lets the server stay silent:
   * the client's message never completed (EOF mid-head or mid-body), or a tunnel it refuses.
   */
  readonly closeWithoutAnswer?: boolean;
  /**
   * Statuses allowed for answers after the first on the connection. For smuggling only 400:
   * a server may answer before reading a body, then refuse the leftover bytes, but never
   * serve them as a request.
   */
  readonly laterAnswers?: readonly number[];
  /** For slow clients: no answer is needed, only that the server lets go within the bound. */
  readonly closeWithinBound?: boolean;
  /** Strings the answer bodies must never contain (a traversal reaching a file). */
  readonly bodyMustNotContain?: readonly string[];
}

export interface HostileCase {
  /** Unique and stable: the generator's names carry the seed and index. */
  readonly name: string;
  readonly target: TargetName;
  readonly category: string;
  readonly parts: readonly SendPart[];
  readonly expect: Expectation;
  /** Half-close after the last write: only for a message that can never complete, so the server sees its end. */
  readonly endAfterSend?: boolean;
  /** The bound: past it with the connection still open and unanswered, the case hung. */
  readonly timeoutMs?: number;
  /** The request was HEAD (its answer has no body). */
  readonly head?: boolean;
  /** Paths that, reaching an upstream, prove a smuggled or bypassing request got through. */
  readonly upstreamMustNotSee?: readonly string[];
  /** Why the expectation is what it is (printed with failures). */
  readonly why?: string;
}

/** A single write, half-closed after: most cases. */
export function oneShot(bytes: Buffer): SendPart[] {
  return [{ bytes }];
}

/** Honest gateway answers: the proxy could not get a good answer upstream. */
export const GATEWAY_STATUSES = [502, 503, 504] as const;
/** Every status a server may give a request it refuses or does not find: never 500. */
export const CLIENT_ERRORS = Array.from({ length: 100 }, (_v, i) => 400 + i);
/** 501 answers an unknown method or transfer coding (RFC 9110 §15.6.2, RFC 9112 §6.1); 505 an HTTP version. */
export const NOT_IMPLEMENTED = [501, 505] as const;
export const SUCCESSES = Array.from({ length: 300 }, (_v, i) => 200 + i);
