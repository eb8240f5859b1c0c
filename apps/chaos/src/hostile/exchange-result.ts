/** How one raw exchange ended, as the socket saw it. */
export interface ExchangeResult {
  /** What the server wrote (at most the exchange's cap). */
  readonly bytes: Buffer;
  /**
   * `answered`: whole answers came and the connection stayed open (keep-alive); `closed`: the
   * server ended the connection; `timeout`: the case's bound passed first.
   */
  readonly end: 'answered' | 'closed' | 'reset' | 'timeout' | 'connect-failed';
  readonly elapsedMs: number;
  readonly error?: string;
}
