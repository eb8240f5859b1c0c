export const COLLECTOR_CLIENT = Symbol('COLLECTOR_CLIENT');
/** When this front end started (a Date): the sidecar counts from then, and the `start` window begins then. */
export const STARTED_AT = Symbol('STARTED_AT');
export const CLUSTER_VERSION_PROBE = Symbol('CLUSTER_VERSION_PROBE');
export const LOG_QUERY_CLIENT = Symbol('LOG_QUERY_CLIENT');
