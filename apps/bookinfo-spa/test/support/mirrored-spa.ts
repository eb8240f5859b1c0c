import { COLLECTOR_ROWS, startFakeCollector, type FakeCollector } from './fake-collector';
import { spawnBookService, type SpawnedBookService } from './spawn-book-service';
import { startSpa, type RunningSpa } from './spa-fixture';

export interface MirroredSpa {
  readonly live: SpawnedBookService;
  readonly mirror: SpawnedBookService;
  readonly collector: FakeCollector;
  readonly spa: RunningSpa;
  close(): Promise<void>;
}

/** The live book service, a mirror (its env picks the variant), a stand-in collector answering `rows`, and the SPA between them. */
export async function startMirroredSpa(mirrorEnv: Record<string, string>, rows: readonly object[] = COLLECTOR_ROWS): Promise<MirroredSpa> {
  const [live, mirror, collector] = await Promise.all([spawnBookService(), spawnBookService(mirrorEnv), startFakeCollector(rows)]);
  const spa = await startSpa({ live: live.endpoint, mirror: mirror.endpoint, env: { COLLECTOR_URL: collector.url } });
  return {
    live,
    mirror,
    collector,
    spa,
    async close() {
      await spa.close();
      await Promise.all([live.stop(), mirror.stop(), collector.close()]);
    },
  };
}
