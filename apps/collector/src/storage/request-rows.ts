import { VERSION_TAG_DIMENSION } from '@mirrormesh/catalog';
import { type RequestRow } from '../ingest/stored-item';
import { type TableSource } from '@mirrormesh/kql';

const COLUMNS = ['timestamp', 'name', 'resultCode', 'duration', 'success', 'cloud_RoleName', 'customDimensions'];
/** Only the VersionTag of the custom dimensions: SQLite extracts it, the rest is never parsed. */
const DYNAMIC_KEYS: ReadonlyMap<string, readonly string[]> = new Map([['customDimensions', [VERSION_TAG_DIMENSION]]]);

/** Stored requests reduced to what the requests summary reads, streamed from the `requests` table. */
export function* scanRequestRows(source: TableSource, timeRange: { readonly from?: number; readonly to?: number }): Iterable<RequestRow> {
  for (const [time, name, resultCode, duration, success, role, dimensions] of source.scan('requests', {
    columns: COLUMNS,
    dynamicKeys: DYNAMIC_KEYS,
    timeRange,
  })) {
    const versionTag = (dimensions as Record<string, unknown> | null)?.[VERSION_TAG_DIMENSION];
    yield {
      time: typeof time === 'number' ? time : Number.NaN,
      name: typeof name === 'string' ? name : '',
      resultCode: typeof resultCode === 'string' ? resultCode : '',
      durationMs: typeof duration === 'number' ? duration : Number.NaN,
      success: success === true,
      cloudRole: typeof role === 'string' ? role : undefined,
      versionTag: typeof versionTag === 'string' ? versionTag : undefined,
    };
  }
}
