// `npm run soak [-- --minutes N --rate R]`: a bounded run at a steady rate through the real sidecar
// with a slow (1.2 s) mirror, sampling the sidecar's RSS (/proc) and event-loop delay (the latency
// of admin probes: the sidecar exposes no event-loop metric), written to test-artifacts/soak/
// as an SVG chart, a Markdown table and JSON. Exits 1 on upward drift or any live error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../app-entries';
import { localGet } from '../processes/http-get';
import { sleep, stopAllStarted } from '../processes/child-process';
import { rssBytes } from '../processes/proc-status';
import { readAccounting } from '../faults/fault-run';
import { startLocalRig } from '../faults/local-rig';
import { steadyLoad } from '../faults/steady-load';
import { judgeDrift, median, PROBE_DRIFT_RULE, RSS_DRIFT_RULE } from './drift';
import { renderSoakChart } from './soak-chart';
import { renderSoakTable, type SoakSample } from './soak-report';

const SOAK_DEFAULTS = { minutes: 10, rate: 100, mirrorDelayMs: 1_200 } as const;
/** Readings per run: enough for the quartiles, few enough that sampling costs the sidecar nothing. */
const SAMPLES_PER_RUN = 120;
const MIN_SAMPLE_INTERVAL_MS = 1_000;
const PROBES_PER_SAMPLE = 5;
export const SOAK_DIR = join(REPO_ROOT, 'test-artifacts', 'soak');

/** NaN when /proc has no reading (the process is gone), as when VmRSS was missing before. */
function rssMiB(pid: number): number {
  const bytes = rssBytes(pid);
  return bytes === undefined ? Number.NaN : bytes / 1024 / 1024;
}

async function probeMs(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < PROBES_PER_SAMPLE; i++) {
    const started = performance.now();
    await localGet(url);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { minutes: { type: 'string' }, rate: { type: 'string' } } });
  const minutes = Number(values.minutes ?? SOAK_DEFAULTS.minutes);
  const rate = Number(values.rate ?? SOAK_DEFAULTS.rate);
  if (!(minutes > 0 && minutes <= 120) || !(rate > 0 && rate <= 2_000)) {
    process.stderr.write('soak: --minutes must be in (0, 120] and --rate in (0, 2000]\n');
    return 2;
  }
  const durationMs = minutes * 60_000;
  const intervalMs = Math.max(MIN_SAMPLE_INTERVAL_MS, durationMs / SAMPLES_PER_RUN);
  const rig = await startLocalRig({ mirrorBehaviour: 'slow', tuning: { slowMs: SOAK_DEFAULTS.mirrorDelayMs } });
  process.stdout.write(
    `soak: ${minutes} min at ${rate} req/s, mirror answers after ${SOAK_DEFAULTS.mirrorDelayMs} ms; sidecar pid ${rig.sidecar.child.pid}\n`,
  );
  const samples: SoakSample[] = [];
  let errors = 0;
  try {
    const started = performance.now();
    const load = steadyLoad({ url: rig.target.url, rate, count: Math.round((rate * durationMs) / 1_000) }).then((result) => {
      errors = result.records.filter((r) => !/^2\d\d$/.test(r.outcome)).length;
      return result;
    });
    let done = false;
    void load.finally(() => (done = true));
    while (!done && performance.now() - started < durationMs + 30_000) {
      await sleep(intervalMs);
      const accounting = await readAccounting(rig.target);
      samples.push({
        tS: (performance.now() - started) / 1_000,
        rssMiB: rssMiB(rig.sidecar.child.pid),
        probeMs: await probeMs(`${rig.sidecar.adminUrl}/health/live`),
        liveRequests: accounting.live,
        liveErrors: Object.entries(accounting.liveByCode).reduce((n, [code, count]) => (/^2\d\d$/.test(code) ? n : n + count), 0),
        mirrorInflight: accounting.inflight,
      });
    }
    await load;
  } finally {
    await rig.close();
  }
  const verdicts = {
    rss: judgeDrift(
      samples.map((s) => ({ tS: s.tS, value: s.rssMiB })),
      RSS_DRIFT_RULE,
    ),
    probe: judgeDrift(
      samples.map((s) => ({ tS: s.tS, value: s.probeMs })),
      PROBE_DRIFT_RULE,
    ),
  };
  const title = `sidecar soak: ${minutes} min at ${rate} req/s, mirror ${SOAK_DEFAULTS.mirrorDelayMs} ms`;
  mkdirSync(SOAK_DIR, { recursive: true });
  writeFileSync(
    join(SOAK_DIR, 'soak.svg'),
    renderSoakChart(title, [
      { name: 'sidecar RSS', unit: 'MiB', colour: '#c0392b', points: samples.map((s) => ({ tS: s.tS, value: s.rssMiB })) },
      {
        name: 'admin probe latency (event-loop delay)',
        unit: 'ms',
        colour: '#2c6fbb',
        points: samples.map((s) => ({ tS: s.tS, value: s.probeMs })),
      },
      {
        name: 'mirror copies in flight',
        unit: 'copies',
        colour: '#7f8c8d',
        points: samples.map((s) => ({ tS: s.tS, value: s.mirrorInflight })),
      },
    ]),
  );
  writeFileSync(join(SOAK_DIR, 'soak.md'), renderSoakTable(title, samples, verdicts));
  writeFileSync(join(SOAK_DIR, 'soak.json'), `${JSON.stringify({ minutes, rate, errors, verdicts, samples }, null, 2)}\n`);
  process.stdout.write(
    `RSS: ${verdicts.rss.summary}\nevent-loop probe: ${verdicts.probe.summary}\nlive errors: ${errors}\nwritten to ${SOAK_DIR}\n`,
  );
  return verdicts.rss.drift || verdicts.probe.drift || errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(`soak: ${(error as Error).stack ?? String(error)}\n`);
    await stopAllStarted();
    process.exit(1);
  },
);
