/**
 * One upstream answer as the shadow diff sees it: captured from live, from the mirror
 * (candidate) or from the noise cluster, and compared off the request's path.
 */
export interface CapturedAnswer {
  readonly status: number;
  /** Lower-case names; a repeated header's values joined with ", " (as Node joins them). */
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body; undefined when it was over `compare.maxBodyBytes`: then status and headers only are compared. */
  readonly body: Buffer | undefined;
  /** The `content-type` header, if any: decides whether the body is compared as JSON. */
  readonly contentType: string | undefined;
  /** The `x-request-id` live and its copies share. */
  readonly requestId: string;
}
