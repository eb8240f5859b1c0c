import { join } from 'node:path';

/** The config of an example, by its folder name (`01-route-to-v1`); the same from src and dist. */
export function exampleConfig(example: string): string {
  return join(__dirname, '..', example, 'sidecar.yaml');
}

export interface Answer {
  readonly status: number;
  /** The destination's `x-served-by` response header, when the route set one. */
  readonly servedBy: string | null;
  readonly versionTag: string | null;
  readonly body: string;
  readonly ms: number;
}

/** One GET as a workshop user would send it; `timeoutMs` is the caller's own timeout (an AbortSignal), none by default. */
export async function get(url: string, options: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Answer> {
  const startedAt = performance.now();
  const response = await fetch(url, {
    headers: options.headers,
    signal: options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs),
  });
  const body = await response.text();
  return {
    status: response.status,
    servedBy: response.headers.get('x-served-by'),
    versionTag: response.headers.get('x-version-tag'),
    body,
    ms: performance.now() - startedAt,
  };
}

/** `count` GETs one after the other. */
export async function getMany(url: string, count: number, headers?: Record<string, string>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < count; i++) answers.push(await get(url, { headers }));
  return answers;
}

/** How many answers each `x-served-by` value got. */
export function countServedBy(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { servedBy } of answers) counts[servedBy ?? 'none'] = (counts[servedBy ?? 'none'] ?? 0) + 1;
  return counts;
}
