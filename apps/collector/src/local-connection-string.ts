/** Any GUID works: the collector keeps every instrumentation key it is sent. */
export const LOCAL_INSTRUMENTATION_KEY = '00000000-0000-0000-0000-000000000000';

/** The connection string that points the unmodified SDK at a collector's track API (its https:// URL). */
export function localConnectionString(trackUrl: string, instrumentationKey: string = LOCAL_INSTRUMENTATION_KEY): string {
  return `InstrumentationKey=${instrumentationKey};IngestionEndpoint=${trackUrl}`;
}
