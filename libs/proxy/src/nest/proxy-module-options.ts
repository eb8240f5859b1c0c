/** What `ProxyModule.register()` takes. */
export interface ProxyModuleOptions {
  /** The proxy config (validated when the module starts: a bad one fails app start-up). */
  readonly config: unknown;
  /** Path prefix the proxy is mounted on, e.g. `/api`; `/` mounts it on everything. */
  readonly prefix: string;
  /** Remove the prefix before forwarding (`/api/books` → `/books`). Default true. */
  readonly stripPrefix?: boolean;
  /** How long shutdown lets in-flight upstream requests finish. */
  readonly closeGraceMs?: number;
}
