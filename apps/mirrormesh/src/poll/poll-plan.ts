/** What the lab's poller requests: each book's page, then its reviews, book after book. */
export function pollPath(index: number, books: readonly number[], prefix: string): string {
  const book = books[Math.floor(index / 2) % books.length];
  return index % 2 === 0 ? `${prefix}/books/${book}` : `${prefix}/books/${book}/reviews`;
}

/** How a poll ends: after a number of requests, or after a duration. */
export type PollStop = { readonly requests: number } | { readonly durationMs: number };

/** The total number of requests a poll sends at `rate` per second before it stops. */
export function plannedRequests(stop: PollStop, rate: number): number {
  return 'requests' in stop ? stop.requests : Math.max(1, Math.floor((stop.durationMs / 1000) * rate));
}
