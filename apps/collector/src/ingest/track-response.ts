/** One rejected item, as the Application Insights track API reports it. */
export interface TrackItemError {
  readonly index: number;
  readonly statusCode: number;
  readonly message: string;
}

/** The track API's answer body. */
export interface TrackResponse {
  readonly itemsReceived: number;
  readonly itemsAccepted: number;
  readonly errors: readonly TrackItemError[];
}

/** A whole-batch failure: one error at index 0, nothing accepted. */
export function batchFailure(itemsReceived: number, statusCode: number, message: string): TrackResponse {
  return { itemsReceived, itemsAccepted: 0, errors: [{ index: 0, statusCode, message }] };
}
