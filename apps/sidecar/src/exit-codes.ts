/**
 * Exit codes the sidecar documents: 2 = bad usage, invalid config, or an admin listener beyond
 * loopback without ADMIN_TOKEN; 1 = failed at run time.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  badConfig: 2,
} as const;
