import { exampleConfig } from './example-client';
import { START_TIMEOUT_MS } from '@mirrormesh/testing';
import { startBookService, startSidecar, type ExampleProcess, type Sidecar } from './example-processes';

/**
 * For a `beforeAll` that calls `startExample`: the book services start together, then the sidecar, so
 * two start-up waits in a row, each failing with its own message before Jest's timeout does.
 */
export const EXAMPLE_START_TIMEOUT_MS = 2 * START_TIMEOUT_MS + 10_000;

export interface ExampleRun {
  readonly sidecar: Sidecar;
  /** The book services by the endpoint the example's config names (`127.0.0.1:9081`). */
  readonly services: Readonly<Record<string, ExampleProcess & { endpoint: string }>>;
  /** Stops every process this run started, each by its pid. */
  stop(): Promise<void>;
}

/**
 * Starts one book service per endpoint of the example's config (`services`: the endpoint as the
 * README names it → that service's environment), then the sidecar on a copy of the config whose
 * endpoints are the services' real ones. What was started is stopped again when a start fails.
 */
export async function startExample(
  example: string,
  services: Record<string, Record<string, string>>,
  sidecarEnv: Record<string, string> = {},
): Promise<ExampleRun> {
  const started: ExampleProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((process) => process.stop()));
  };
  try {
    // allSettled: a service that started while another failed is stopped too.
    const results = await Promise.allSettled(
      Object.entries(services).map(async ([endpoint, env]) => [endpoint, await startBookService(env)] as const),
    );
    const entries = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    started.push(...entries.map(([, service]) => service));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const byEndpoint = Object.fromEntries(entries);
    const actual = Object.fromEntries(entries.map(([endpoint, service]) => [endpoint, service.endpoint]));
    const sidecar = await startSidecar(exampleConfig(example), actual, sidecarEnv);
    started.push(sidecar);
    return { sidecar, services: byEndpoint, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
